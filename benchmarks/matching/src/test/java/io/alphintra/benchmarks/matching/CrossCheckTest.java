package io.alphintra.benchmarks.matching;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.core2.core.common.L2MarketData;
import exchange.core2.core.common.MatcherEventType;
import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.cmd.OrderCommandType;
import io.alphintra.simexchange.internal.matching.DepthSnapshot;
import io.alphintra.simexchange.internal.matching.MatchingListener;
import io.alphintra.simexchange.internal.matching.OrderBook;
import io.alphintra.simexchange.internal.matching.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our book and exchange-core, fed the same benchmark flow with self-trade prevention off, must produce the same
 * trades (maker, taker, price, quantity, in order) and end with the same book, level by level.
 */
class CrossCheckTest {

    private static final int COMMANDS = 300_000;
    private static final int DEPTH = 100_000;

    @Test
    void bothEnginesTradeAlikeAndEndWithTheSameBook() {
        OrderFlow flow = OrderFlow.generate(MatchingThroughputBenchmark.SEED, COMMANDS,
                MatchingThroughputBenchmark.RESTING, MatchingThroughputBenchmark.USERS);

        List<String> ourTrades = new ArrayList<>();
        OrderBook ours = new OrderBook(OrderFlow.BOOK_CONFIG, new MatchingListener() {
            @Override
            public void onTrade(long seq, long makerOrderId, long takerOrderId, long makerOwnerId,
                                long takerOwnerId, Side takerSide, long price, long quantity, long makerRemaining,
                                long takerRemaining, long makerFee, long takerFee) {
                ourTrades.add(makerOrderId + ">" + takerOrderId + " " + quantity + "@" + price);
            }
        }, 1024);
        for (int i = 0; i < flow.size; i++) {
            OrderFlow.replay(flow, i, ours);
        }

        List<String> theirTrades = new ArrayList<>();
        L2MarketData theirBook;
        try (ExchangeCoreDriver exchangeCore = new ExchangeCoreDriver(flow.users, (command, seq) -> {
            if (command.command == OrderCommandType.PLACE_ORDER || command.command == OrderCommandType.MOVE_ORDER) {
                for (MatcherTradeEvent event = command.matcherEvent; event != null; event = event.nextEvent) {
                    if (event.eventType == MatcherEventType.TRADE) {
                        theirTrades.add(event.matchedOrderId + ">" + command.orderId + " " + event.size + "@"
                                + event.price);
                    }
                }
            }
        })) {
            exchangeCore.replay(ExchangeCoreDriver.commands(flow));
            theirBook = exchangeCore.book(DEPTH);
        }

        assertThat(ourTrades).hasSizeGreaterThan(COMMANDS / 20);
        assertThat(ourTrades).isEqualTo(theirTrades);

        DepthSnapshot depth = new DepthSnapshot(DEPTH);
        ours.depth(depth);
        assertThat(depth.levels(Side.BUY)).isPositive().isEqualTo(theirBook.bidSize);
        assertThat(depth.levels(Side.SELL)).isPositive().isEqualTo(theirBook.askSize);
        for (int level = 0; level < theirBook.bidSize; level++) {
            assertThat(new long[] {depth.price(Side.BUY, level), depth.quantity(Side.BUY, level),
                    depth.orderCount(Side.BUY, level)}).as("bid level %d", level)
                    .containsExactly(theirBook.bidPrices[level], theirBook.bidVolumes[level],
                            theirBook.bidOrders[level]);
        }
        for (int level = 0; level < theirBook.askSize; level++) {
            assertThat(new long[] {depth.price(Side.SELL, level), depth.quantity(Side.SELL, level),
                    depth.orderCount(Side.SELL, level)}).as("ask level %d", level)
                    .containsExactly(theirBook.askPrices[level], theirBook.askVolumes[level],
                            theirBook.askOrders[level]);
        }
        assertThat(ours.liveOrders()).isBetween(MatchingThroughputBenchmark.RESTING / 3,
                MatchingThroughputBenchmark.RESTING * 3);
    }
}
