package io.alphintra.benchmarks.engine;

import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.strategy.Strategy;
import io.alphintra.sdk.strategy.StrategyConfig;
import io.alphintra.sdk.strategy.StrategyContext;
import io.alphintra.sdk.strategy.StrategyFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Strategies that subscribe to the trades of their first instrument and count them. A benchmark starts publishing
 * only after {@link #awaitSubscribed()}: the venue's own subscription is no sign, because the engine's market watch
 * subscribes every listed instrument when the venue connects, before any strategy has started.
 */
final class CountingStrategyFactory implements StrategyFactory {
    private final AtomicLong received;
    private final CountDownLatch subscribed = new CountDownLatch(1);

    /** @param received set (ordered store) to the number of trades received after each one */
    CountingStrategyFactory(AtomicLong received) {
        this.received = received;
    }

    void awaitSubscribed() throws InterruptedException {
        if (!subscribed.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the strategy did not subscribe");
        }
    }

    @Override
    public String type() {
        return "counting";
    }

    @Override
    public Strategy create(StrategyConfig config) {
        return new Strategy() {
            private long count;

            @Override
            public void onStart(StrategyContext context) {
                context.subscribe(config.instruments().get(0), MarketDataType.TRADES);
                subscribed.countDown();
            }

            @Override
            public void onTrade(Trade trade) {
                received.lazySet(++count);
            }
        };
    }
}
