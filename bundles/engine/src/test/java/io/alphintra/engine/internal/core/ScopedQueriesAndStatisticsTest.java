package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.engine.EngineStatistics;
import io.alphintra.engine.OrderPage;
import io.alphintra.engine.OrderQuery;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.risk.PreTradeContext;
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's scoped queries (one order by any of its client order ids; pages of orders by strategy, account,
 * trader, instrument and state, with a bounded walk per call) and the counters it keeps for metrics, each of which
 * must count exactly what it names.
 */
class ScopedQueriesAndStatisticsTest {
    private static final Currency USD = Currency.of("USD");
    /** Quantities the test check answers specially: held above, rejected at, thrown on. */
    private static final long HOLD_ABOVE = 100;
    private static final long REJECT_AT = 13;
    private static final long THROW_AT = 7;

    @TempDir
    Path directory;

    private final OrderGate gate = new OrderGate("test");
    private final List<ExecutionReport> reports = new ArrayList<>();
    private Journal journal;
    private EngineCore engine;

    @BeforeEach
    void open() throws IOException {
        gate.putRuleSet(CoreFixtures.allowAll(Jurisdiction.US, "1.0.0"));
        gate.addCheck(new PreTradeCheck() {
            @Override
            public String id() {
                return "size";
            }

            @Override
            public String version() {
                return "1.0";
            }

            @Override
            public int order() {
                return 0;
            }

            @Override
            public CheckResult check(OrderRequest order, PreTradeContext context) {
                if (order.quantity() == THROW_AT) {
                    throw new IllegalStateException("check bug");
                }
                return order.quantity() == REJECT_AT ? CheckResult.reject(RejectReason.RISK_LIMIT, "13 is unlucky")
                        : order.quantity() > HOLD_ABOVE ? CheckResult.hold("over " + HOLD_ABOVE)
                        : CheckResult.accept();
            }
        });
        journal = Journal.open(directory, 1 << 24, 64 * 1024, Durability.WRITE);
        ExchangeAdapter silent = (ExchangeAdapter) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExchangeAdapter.class}, (proxy, method, args) -> null);
        engine = new EngineCore(journal, gate, CoreFixtures.venues(() -> silent, () -> true),
                new PortfolioAccounts(USD), (report, source, strategyId) -> reports.add(report), 16, 1 << 20);
    }

    @AfterEach
    void close() throws IOException {
        journal.close();
    }

    @Test
    void oneOrderIsFoundByAnyClientOrderIdItCarriedWorkingOrFinished() {
        submit("o1", 10, CoreFixtures.WHO);
        submit("r1", REJECT_AT, CoreFixtures.WHO);
        engine.endOfBatch();
        engine.replace(ClientOrderId.of("o1"), ReplaceRequest.UNCHANGED, 15_100, ReplaceRequest.UNCHANGED,
                "shell:admin", CoreFixtures.inputs(() -> true), 2L);
        engine.endOfBatch();
        ClientOrderId replaceId = reports.get(reports.size() - 1).clientOrderId();
        assertThat(replaceId.value()).isNotEqualTo("o1");

        OrderView original = engine.orderView(ClientOrderId.of("o1")).orElseThrow();
        assertThat(engine.orderView(replaceId)).as("by the replace's id").get()
                .extracting(OrderView::orderId).isEqualTo(original.orderId());
        assertThat(engine.orderView(ClientOrderId.of("r1"))).as("a rejected order is held too").get()
                .extracting(OrderView::status).isEqualTo(OrderStatus.REJECTED);
        assertThat(engine.orderView(ClientOrderId.of("nope"))).isEmpty();
    }

    @Test
    void pagesAreNewestFirstFilteredAndGoOnFromTheirCursorUntilNoOlderOrderIsLeft() {
        for (int i = 1; i <= 10; i++) {
            Attribution who = new Attribution(i % 2 == 0 ? "even" : "odd", i <= 5 ? "alice" : "bob",
                    i % 2 == 0 ? "ACC-2" : "ACC-1", "desk", "client");
            submit("o" + i, 10, who);
        }
        engine.endOfBatch();
        fill("o8");
        fill("o4");
        engine.endOfBatch();

        OrderPage first = engine.orders(query("even", null, null, null, false, null, 3), Long.MAX_VALUE);
        assertThat(ids(first)).containsExactly("o10", "o8", "o6");
        assertThat(first.nextCursor()).isNotNull();
        OrderPage second = engine.orders(query("even", null, null, null, false, first.nextCursor(), 3),
                EngineCore.parseCursor(first.nextCursor()));
        assertThat(ids(second)).containsExactly("o4", "o2");
        assertThat(second.nextCursor()).as("the walk reached the oldest order held").isNull();

        assertThat(ids(engine.orders(query(null, "ACC-2", null, null, true, null, 10), Long.MAX_VALUE)))
                .as("working only: the filled ones are left out").containsExactly("o10", "o6", "o2");
        assertThat(ids(engine.orders(query(null, "ACC-1", "bob", null, false, null, 10), Long.MAX_VALUE)))
                .containsExactly("o9", "o7");
        assertThat(ids(engine.orders(query(null, null, null, CoreFixtures.AAPL.id(), false, null, 2),
                Long.MAX_VALUE))).containsExactly("o10", "o9");
        assertThat(ids(engine.orders(query(null, null, null, InstrumentId.of("MSFT", "SIMX"), false, null, 10),
                Long.MAX_VALUE))).isEmpty();
        assertThat(ids(engine.orders(OrderQuery.newest(100), Long.MAX_VALUE))).hasSize(10);
    }

    @Test
    void aQueryExaminesAtMostItsBudgetOfOrdersPerCallAndSaysWhereToGoOn() {
        Attribution rare = new Attribution("rare", "carol", "ACC-3", "desk", "client");
        submit("rare-1", 10, rare);
        for (int i = 0; i < EngineCore.QUERY_BUDGET + 10; i++) {
            submit("c" + i, 10, CoreFixtures.WHO);
        }
        engine.endOfBatch();

        OrderPage first = engine.orders(query("rare", null, null, null, false, null, 10), Long.MAX_VALUE);
        assertThat(first.orders()).as("the budget ran out before the rare order").isEmpty();
        assertThat(first.nextCursor()).isNotNull();
        OrderPage second = engine.orders(query("rare", null, null, null, false, first.nextCursor(), 10),
                EngineCore.parseCursor(first.nextCursor()));
        assertThat(ids(second)).containsExactly("rare-1");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void aCursorTheEngineDidNotIssueIsRefusedNamingIt() {
        assertThat(EngineCore.parseCursor(null)).isEqualTo(Long.MAX_VALUE);
        assertThat(EngineCore.parseCursor("42")).isEqualTo(42);
        for (String bad : List.of("abc", "0", "-3", "")) {
            assertThatThrownBy(() -> EngineCore.parseCursor(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cursor = '" + bad + "'");
        }
    }

    @Test
    void aRejectedOrderCountsExactlyItsReasonAndAcceptedOnesCountWithTheirHolds() {
        submit("a1", 10, CoreFixtures.WHO);
        submit("h1", HOLD_ABOVE + 1, CoreFixtures.WHO);
        submit("r1", REJECT_AT, CoreFixtures.WHO);
        submit("a1", 10, CoreFixtures.WHO);
        engine.endOfBatch();

        EngineStatistics stats = statistics();
        assertThat(stats.ordersReceived()).isEqualTo(4);
        assertThat(stats.ordersAccepted()).isEqualTo(2);
        assertThat(stats.ordersHeld()).isEqualTo(1);
        Map<RejectReason, Long> expected = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            expected.put(reason, 0L);
        }
        expected.put(RejectReason.RISK_LIMIT, 1L);
        expected.put(RejectReason.DUPLICATE_CLIENT_ORDER_ID, 1L);
        assertThat(stats.gateRejections()).isEqualTo(expected);
    }

    @Test
    void executionsCountBookedFillsOnceAndCancelsCountEveryRequest() {
        submit("o1", 10, CoreFixtures.WHO);
        submit("o2", 10, CoreFixtures.WHO);
        engine.endOfBatch();
        fill("o1");
        fill("o1"); // the venue sends it again: booked once
        engine.cancel(ClientOrderId.of("o2"), "shell:admin", 3L);
        engine.cancel(ClientOrderId.of("unknown"), "shell:admin", 3L);
        engine.endOfBatch();

        EngineStatistics stats = statistics();
        assertThat(stats.executions()).isEqualTo(1);
        assertThat(stats.cancelsRequested()).isEqualTo(2);
    }

    @Test
    void journalCommitsAreCountedAndTimed() {
        assertThat(statistics().journalCommits()).isZero();
        submit("o1", 10, CoreFixtures.WHO);
        engine.endOfBatch();
        submit("o2", 10, CoreFixtures.WHO);
        engine.endOfBatch();
        engine.endOfBatch(); // nothing to commit

        EngineStatistics stats = statistics();
        assertThat(stats.journalCommits()).isEqualTo(2);
        assertThat(stats.journalCommitNanos()).isPositive();
        assertThat(stats.journalCommitMaxNanos()).isPositive().isLessThanOrEqualTo(stats.journalCommitNanos());
    }

    @Test
    void quarantinesOfStrategiesAndPluginsAreCounted() {
        engine.strategyQuarantined("momentum-1", "callback threw", 1L);
        for (int i = 0; i < OrderGate.QUARANTINE_AFTER_FAULTS + 1; i++) {
            submit("t" + i, THROW_AT, CoreFixtures.WHO);
        }
        engine.endOfBatch();

        EngineStatistics stats = statistics();
        assertThat(stats.strategyQuarantines()).isEqualTo(1);
        assertThat(stats.pluginQuarantines()).as("quarantined once, however often it failed after").isEqualTo(1);
        assertThat(stats.journalCommits()).as("the quarantine's record is committed at once").isEqualTo(2);
    }

    @Test
    void theRingsDepthIsWhatWaitsForTheEngineThread() throws Exception {
        EngineLoop loop = new EngineLoop(engine, CoreFixtures.inputs(() -> true), new MarketCache(),
                EngineClock::nowNanos, 64, "blocking");
        CompletionStage<Integer> answer = loop.query(core -> 1);
        loop.query(core -> 2);
        assertThat(loop.ringCapacity()).isEqualTo(64);
        assertThat(loop.ringDepth()).as("published before the engine thread runs").isEqualTo(2);
        loop.start();
        try {
            assertThat(answer.toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (loop.ringDepth() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(loop.ringDepth()).isZero();
        } finally {
            loop.close();
        }
    }

    private EngineStatistics statistics() {
        return engine.counters().statistics(0, 0);
    }

    private static OrderQuery query(String strategy, String account, String trader, InstrumentId instrument,
                                    boolean workingOnly, String cursor, int limit) {
        return new OrderQuery(strategy, account, trader, instrument, workingOnly, cursor, limit);
    }

    private static List<String> ids(OrderPage page) {
        return page.orders().stream().map(o -> o.clientOrderId().value()).toList();
    }

    private void submit(String id, long quantity, Attribution who) {
        engine.submit(OrderRequest.limit(ClientOrderId.of(id), CoreFixtures.AAPL, Side.BUY, quantity, 15_000,
                TimeInForce.DAY, who), "shell:admin", CoreFixtures.inputs(() -> true), 1L);
    }

    private void fill(String id) {
        engine.onVenueReport(ExecutionReport.builder().clientOrderId(ClientOrderId.of(id)).venueOrderId("V-" + id)
                .execId("X-" + id + "-fill").instrumentId(CoreFixtures.AAPL.id()).side(Side.BUY)
                .execType(ExecType.TRADE).status(OrderStatus.FILLED).orderQuantity(10).lastQuantity(10)
                .lastPrice(15_000).cumQuantity(10).cumPriceQuantity(150_000).leavesQuantity(0)
                .liquidity(Liquidity.MAKER).fee(Money.of(USD, 5, 2)).transactTimeNanos(2L).build(), 2L);
    }
}
