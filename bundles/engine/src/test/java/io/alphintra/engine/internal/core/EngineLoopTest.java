package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.alphintra.engine.EngineListener;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.venue.ExchangeAdapter;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.sdk.money.Currency;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineLoopTest {
    private static final Instrument AAPL = CoreFixtures.AAPL;
    private static final Attribution WHO = CoreFixtures.WHO;
    private static final int RING = 8;

    @TempDir
    Path directory;

    /**
     * A venue whose adapter refuses inside {@code submit}, on the engine thread, while producers keep the ring
     * full: the refusal must not wait for ring space that only the engine thread itself could free.
     */
    @Test
    void anAdapterAnsweringOnTheEngineThreadCannotStallItWhenTheRingIsFull() throws IOException {
        int orders = 20 * RING;
        EngineLoop[] loop = new EngineLoop[1];
        ExchangeAdapter refusing = (ExchangeAdapter) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExchangeAdapter.class}, (proxy, method, args) -> {
                    if (method.getName().equals("submit")) {
                        loop[0].venueReport(refusal((OrderRequest) args[0]));
                    }
                    return null;
                });
        AtomicInteger refused = new AtomicInteger();
        try (Journal journal = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE)) {
            OrderGate gate = new OrderGate("test");
            gate.putRuleSet(CoreFixtures.allowAll(Jurisdiction.US, "1.0.0"));
            EngineCore core = new EngineCore(journal, gate, CoreFixtures.venues(() -> refusing, () -> true), null,
                    (report, source, strategyId) -> loop[0].publish(report, source, strategyId), 16, 1 << 20);
            loop[0] = new EngineLoop(core, CoreFixtures.inputs(() -> true), new MarketCache(), EngineClock::nowNanos,
                    RING, "yielding");
            loop[0].addListener(new EngineListener() {
                @Override
                public void onReport(ExecutionReport report, String source, String strategyId) {
                    if (report.execType() == ExecType.REJECTED) {
                        refused.incrementAndGet();
                    }
                }
            });
            loop[0].start();
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                    for (int i = 0; i < orders; i++) {
                        loop[0].send(OrderRequest.limit(ClientOrderId.of("c" + i), AAPL, Side.BUY, 1, 15000,
                                TimeInForce.DAY, WHO), "shell:admin");
                    }
                    while (refused.get() < orders) {
                        Thread.onSpinWait();
                    }
                });
            } finally {
                loop[0].close();
            }
        }
        assertThat(refused.get()).isEqualTo(orders);
    }

    private static ExecutionReport refusal(OrderRequest order) {
        return ExecutionReport.builder().clientOrderId(order.clientOrderId()).execId("X-" + order.clientOrderId())
                .instrumentId(order.instrument().id()).side(order.side()).execType(ExecType.REJECTED)
                .status(OrderStatus.REJECTED).orderQuantity(order.quantity()).rejectReason(RejectReason.THROTTLED)
                .text("command queue full").transactTimeNanos(1L).build();
    }

    /**
     * Trades and tops of book go from a feed thread (this one, handing over one reused object, as a decoder does)
     * through the ring to a call-scoped listener on the engine thread, marking the portfolio on the way: neither
     * thread allocates once the instrument is known, and every event carries its own values.
     */
    @Test
    void marketDataReachesACallScopedListenerWithoutAllocationOnEitherThread() throws IOException {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        int events = 50_000;
        AtomicLong engineThread = new AtomicLong();
        AtomicLong delivered = new AtomicLong();
        long[] sums = new long[2];
        ReusedTrade trade = new ReusedTrade();
        TopOfBookRecord top = new TopOfBookRecord(AAPL.id(), 9_900, 5, 10_100, 7, 1, 2);
        PortfolioAccounts accounts = new PortfolioAccounts(Currency.of("USD"));
        accounts.register(AAPL);
        MarketCache market = new MarketCache();
        try (Journal journal = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE)) {
            EngineCore core = new EngineCore(journal, new OrderGate("test"),
                    CoreFixtures.venues(() -> null, () -> true), accounts, (report, source, strategyId) -> { }, 16,
                    1 << 20);
            EngineLoop loop = new EngineLoop(core, CoreFixtures.inputs(() -> true), market, EngineClock::nowNanos,
                    1024, "yielding");
            loop.addListener(new CallScopedListener() {
                @Override
                public void onTrade(Trade received) {
                    engineThread.set(Thread.currentThread().getId());
                    sums[0] += received.price() * received.quantity() + received.eventTimeNanos();
                    delivered.lazySet(delivered.get() + 1);
                }

                @Override
                public void onTopOfBook(TopOfBook received) {
                    sums[1] += received.bidPrice() + received.askSize();
                    delivered.lazySet(delivered.get() + 1);
                }
            });
            loop.start();
            long producerBytes = 0;
            long engineBytes = 0;
            try {
                for (int round = 0; round < 5; round++) {
                    long target = delivered.get() + 2L * events;
                    long producerBefore = threads.getCurrentThreadAllocatedBytes();
                    long engineBefore = round == 0 ? 0 : threads.getThreadAllocatedBytes(engineThread.get());
                    for (int i = 0; i < events; i++) {
                        loop.trade(trade.at(i));
                        loop.topOfBook(top);
                    }
                    producerBytes = threads.getCurrentThreadAllocatedBytes() - producerBefore;
                    while (delivered.get() < target) {
                        Thread.yield();
                    }
                    engineBytes = threads.getThreadAllocatedBytes(engineThread.get()) - engineBefore;
                }
            } finally {
                loop.close();
            }
            assertThat(producerBytes).as("bytes allocated by the feed thread").isLessThan(4096);
            assertThat(engineBytes).as("bytes allocated by the engine thread").isLessThan(4096);
        }
        long perRound = (long) events * (events - 1) / 2;
        assertThat(sums[0]).isEqualTo(5 * (10_000L * events + 2 * perRound));
        assertThat(sums[1]).isEqualTo(5L * events * (9_900 + 7));
        assertThat(market.lastPrice(AAPL.id())).hasValue(10_000 + events - 1);
        assertThat(market.topOfBook(AAPL.id())).hasValue(top);
    }

    /** A listener that does not say it copies is promised events it may keep: it gets records, never the view. */
    @Test
    void aListenerThatKeepsMarketDataGetsEventsThatKeepTheirValues() throws IOException {
        List<Trade> trades = new ArrayList<>();
        List<TopOfBook> tops = new ArrayList<>();
        ReusedTrade trade = new ReusedTrade();
        try (Journal journal = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE)) {
            EngineCore core = new EngineCore(journal, new OrderGate("test"),
                    CoreFixtures.venues(() -> null, () -> true), null, (report, source, strategyId) -> { }, 16,
                    1 << 20);
            EngineLoop loop = new EngineLoop(core, CoreFixtures.inputs(() -> true), new MarketCache(),
                    EngineClock::nowNanos, RING, "yielding");
            AtomicInteger received = new AtomicInteger();
            loop.addListener(new EngineListener() {
                @Override
                public void onTrade(Trade kept) {
                    trades.add(kept);
                    received.incrementAndGet();
                }

                @Override
                public void onTopOfBook(TopOfBook kept) {
                    tops.add(kept);
                    received.incrementAndGet();
                }
            });
            loop.start();
            try {
                for (int i = 0; i < 3 * RING; i++) {
                    loop.trade(trade.at(i));
                    loop.topOfBook(new TopOfBookRecord(AAPL.id(), i, 1, i + 1, 1, i, i));
                }
                while (received.get() < 6 * RING) {
                    Thread.yield();
                }
            } finally {
                loop.close();
            }
        }
        for (int i = 0; i < 3 * RING; i++) {
            assertThat(trades.get(i)).isEqualTo(new TradeRecord(AAPL.id(), 10_000 + i, 1, AggressorSide.SELLER, i,
                    i + 1));
            assertThat(tops.get(i)).isEqualTo(new TopOfBookRecord(AAPL.id(), i, 1, i + 1, 1, i, i));
        }
    }

    /** One object for every trade, as an adapter's decoder hands them over. */
    private static final class ReusedTrade implements Trade {
        private long index;

        ReusedTrade at(long i) {
            index = i;
            return this;
        }

        @Override
        public io.alphintra.sdk.instrument.InstrumentId instrumentId() {
            return AAPL.id();
        }

        @Override
        public long price() {
            return 10_000 + index;
        }

        @Override
        public long quantity() {
            return 1;
        }

        @Override
        public AggressorSide aggressor() {
            return AggressorSide.SELLER;
        }

        @Override
        public long eventTimeNanos() {
            return index;
        }

        @Override
        public long receiveTimeNanos() {
            return index + 1;
        }
    }
}
