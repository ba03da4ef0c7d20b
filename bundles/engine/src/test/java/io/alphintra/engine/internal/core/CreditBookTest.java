package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.engine.internal.journal.JournalRetention;
import io.alphintra.sdk.instrument.FutureContract;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimal;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.CreditScope;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.risk.PreTradeContext;
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credit book (PT1) and the figures of SDK risk 1.2 the engine gives checks: credit used per account, trader and
 * strategy against the plain definition through a random life of orders and after a replay, the UTC day roll, a
 * replace left out, the strategy's working quantity, the mid, and that asking allocates nothing.
 */
class CreditBookTest {
    private static final Currency USD = Currency.of("USD");
    private static final long DAY = 86_400_000_000_000L;
    /** 2026-01-01T00:00Z. */
    private static final long MIDNIGHT = 1_767_225_600_000_000_000L;
    private static final Attribution OTHER_STRATEGY = new Attribution("meanrev-2", "alice", "ACC-1", "desk-eq",
            "client-7");

    @TempDir
    Path directory;

    private final OrderGate gate = new OrderGate("test");
    private final List<Object> sent = new ArrayList<>();
    private final ExchangeAdapter venue = (ExchangeAdapter) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ExchangeAdapter.class}, (proxy, method, args) -> {
                if (args != null && args.length == 1) {
                    sent.add(args[0]);
                }
                return null;
            });
    private final MarketCache market = new MarketCache();
    private long execIds;

    CreditBookTest() {
        gate.putRuleSet(CoreFixtures.allowAll(Jurisdiction.US, "1.0.0"));
    }

    @Test
    void valuesAreRoundedUpAtTheCreditScaleExactlyBeyondALong() {
        // Cent prices, whole shares: 101.25 × 300 = 30375.0000.
        assertThat(CreditBook.value(10_125, 300, 1, 2)).isEqualTo(303_750_000L);
        // Cent prices, 8-decimal quantities: 0.01 × 0.00000003 = 3e-10, up to 0.0001.
        assertThat(CreditBook.value(1, 3, 1, 10)).isEqualTo(1);
        assertThat(CreditBook.value(5_000_000, 1, 1, 10)).isEqualTo(5);
        // Negative futures prices count by their magnitude, times the multiplier: |-2.50| × 4 × 50 = 500.
        assertThat(CreditBook.value(-250, 4, 50, 2)).isEqualTo(5_000_000L);
        // 10^12 × 10^12 at scale 10 is 10^24 / 10^6 = 10^18 at scale 4: beyond a long on the way, not at the end.
        assertThat(CreditBook.value(1_000_000_000_000L, 1_000_000_000_000L, 1, 10)).isEqualTo(1_000_000_000_000_000_000L);
        assertThat(CreditBook.value(Long.MAX_VALUE, Long.MAX_VALUE, 1, 4)).isEqualTo(Long.MAX_VALUE);
        assertThat(CreditBook.value(OrderRequest.NO_PRICE, 5, 1, 2)).isZero();
    }

    @Test
    void creditAgreesWithTheDefinitionThroughARandomLifeAndAfterReplay() throws IOException {
        RandomOrderFlow flow = new RandomOrderFlow(20_261_213L);
        Map<String, Long> before;
        try (Journal journal = Journal.open(directory, 1 << 22, 64 * 1024, Durability.WRITE)) {
            EngineCore engine = flow.engine(journal);
            for (int step = 0; step < 2_000; step++) {
                flow.step(engine);
                if (step % 50 == 0) {
                    assertThat(figures(engine)).isEqualTo(scanned(engine));
                }
            }
            before = figures(engine);
            assertThat(before.values().stream().filter(value -> value > 0).count()).isGreaterThan(3);
        }
        try (Journal journal = Journal.open(directory, 1 << 22, 64 * 1024, Durability.WRITE)) {
            EngineCore recovered = flow.engine(journal);
            recovered.recover();
            assertThat(figures(recovered)).isEqualTo(before).isEqualTo(scanned(recovered));
        }
    }

    @Test
    void aSnapshotKeepsTheDaysExecutedCreditThatItsOrdersCannotRebuild() throws IOException {
        // Few finished orders kept: most fills before the snapshot are of orders it no longer holds.
        RandomOrderFlow flow = new RandomOrderFlow(20_261_207L);
        Map<String, Long> before;
        long snapshot;
        try (Journal journal = Journal.open(directory, 1 << 22, 64 * 1024, Durability.WRITE)) {
            EngineCore engine = flow.engine(journal, 1_024);
            engine.enableSnapshots(new Snapshotter(journal, 0, JournalRetention.ARCHIVE));
            engine.recover();
            flow.steps(engine, 3_000);
            snapshot = engine.snapshot().sequence();
            flow.steps(engine, 200);
            before = figures(engine);
            assertThat(before.values().stream().filter(value -> value > 0).count()).isGreaterThan(3);
        }
        try (Journal journal = Journal.open(directory, 1 << 22, 64 * 1024, Durability.WRITE)) {
            EngineCore restored = flow.engine(journal, 1_024);
            restored.enableSnapshots(new Snapshotter(journal, 0, JournalRetention.ARCHIVE));
            restored.recover();
            assertThat(restored.recoveredFromSnapshot()).isEqualTo(snapshot);
            assertThat(figures(restored)).isEqualTo(before);
        }
    }

    @Test
    void fillsMoveCreditFromWorkingToExecutedAndTheUtcDayStartsExecutedAgain() throws IOException {
        long now = MIDNIGHT + DAY - 10_000_000_000L;
        OrderRequest buy = limit("c-1", Side.BUY, 100, 10_000, CoreFixtures.WHO);
        Map<String, Long> atTheEnd;
        try (Journal journal = Journal.open(directory, 1 << 22, 64 * 1024, Durability.WRITE)) {
            EngineCore engine = engine(journal);
            engine.submit(buy, "shell:admin", CoreFixtures.inputs(() -> true), now);
            engine.endOfBatch();
            // 100 at 100.00: 10,000 working.
            assertThat(used(engine, CreditScope.ACCOUNT, now)).isEqualTo(100_000_000L);
            // 40 fill at 99.00: 3,960 executed, 60 × 100 = 6,000 working.
            fill(engine, buy.clientOrderId(), 40, 9_900, 40, now + 1);
            assertThat(used(engine, CreditScope.ACCOUNT, now + 1)).isEqualTo(99_600_000L);
            assertThat(engine.credit(now + 1)).as("what operators see").contains(new io.alphintra.engine.CreditUsage(
                    CreditScope.ACCOUNT, CoreFixtures.WHO.accountId(), Money.of(USD, 60_000_000L, 4),
                    Money.of(USD, 39_600_000L, 4)));
            assertThat(used(engine, CreditScope.TRADER, now + 1)).isEqualTo(99_600_000L);
            assertThat(used(engine, CreditScope.STRATEGY, now + 1)).isEqualTo(99_600_000L);
            // The next UTC day: executed back to zero, working kept.
            long tomorrow = MIDNIGHT + DAY;
            assertThat(used(engine, CreditScope.ACCOUNT, tomorrow)).isEqualTo(60_000_000L);
            fill(engine, buy.clientOrderId(), 10, 10_100, 50, tomorrow + 5);
            // 10 at 101.00 executed today: 1,010; 50 left at 100.00 working: 5,000.
            assertThat(used(engine, CreditScope.ACCOUNT, tomorrow + 5)).isEqualTo(60_100_000L);
            // The rest cancelled: its working value released, the day's execution stays.
            engine.onVenueReport(report(buy.clientOrderId(), ExecType.CANCELED, OrderStatus.CANCELED, 0, 0, 50)
                    .leavesQuantity(0).transactTimeNanos(tomorrow + 6).build(), tomorrow + 6);
            engine.endOfBatch();
            atTheEnd = Map.of("account", used(engine, CreditScope.ACCOUNT, tomorrow + 6),
                    "other", used(engine, CreditScope.ACCOUNT, tomorrow + 6, "ACC-2"));
            assertThat(atTheEnd).containsEntry("account", 10_100_000L).containsEntry("other", 0L);
        }
        try (Journal journal = Journal.open(directory, 1 << 22, 64 * 1024, Durability.WRITE)) {
            EngineCore recovered = engine(journal);
            recovered.recover();
            assertThat(Map.of("account", used(recovered, CreditScope.ACCOUNT, MIDNIGHT + DAY + 6),
                    "other", used(recovered, CreditScope.ACCOUNT, MIDNIGHT + DAY + 6, "ACC-2"))).isEqualTo(atTheEnd);
        }
    }

    @Test
    void checksSeeCreditWithTheReplacedOrderLeftOutAndTheStrategysOwnFigures() throws IOException {
        List<String> seen = new ArrayList<>();
        gate.addCheck(recording(context -> seen.add(context.creditUsed(CreditScope.ACCOUNT, USD) + " "
                + context.creditUsed(CreditScope.STRATEGY, USD) + " " + context.strategyWorkingQuantity(Side.BUY)
                + " " + context.strategyWorkingQuantity(Side.SELL) + " " + context.accountWorkingQuantity(Side.BUY))));
        try (Journal journal = Journal.open(directory, 1 << 22, 64 * 1024, Durability.WRITE)) {
            EngineCore engine = engine(journal);
            long now = EngineClock.nowNanos();
            OrderGate.GateInputs inputs = withRisk(new OrderGate.Contexts(new PortfolioAccounts(USD), market, engine),
                    now);
            engine.submit(limit("m-1", Side.BUY, 10, 10_000, CoreFixtures.WHO), "shell:admin", inputs, now);
            engine.submit(limit("r-1", Side.BUY, 5, 20_000, OTHER_STRATEGY), "shell:admin", inputs, now);
            engine.submit(limit("m-2", Side.SELL, 3, 10_000, CoreFixtures.WHO), "shell:admin", inputs, now);
            engine.endOfBatch();
            // The first saw nothing; the second the first order (1,000); the third both (2,000), its strategy 1,000.
            assertThat(seen).containsExactly("0 0 0 0 0", "10000000 0 0 0 10", "20000000 10000000 10 0 15");
            seen.clear();
            assertThat(engine.replace(ClientOrderId.of("m-1"), 20, ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED,
                    "shell:admin", inputs, now)).isTrue();
            // The replaced order is left out of everything: the other two orders, 1,000 + 300; its strategy's sell.
            assertThat(seen).containsExactly("13000000 3000000 0 3 5");
        }
    }

    @Test
    void theMidIsTheFlooredMiddleOfAnUncrossedTopAndAskingAllocatesNothing() throws IOException {
        InstrumentId id = CoreFixtures.AAPL.id();
        try (Journal journal = Journal.open(directory, 1 << 22, 64 * 1024, Durability.WRITE)) {
            EngineCore engine = engine(journal);
            OrderGate.Contexts contexts = new OrderGate.Contexts(new PortfolioAccounts(USD), market, engine);
            long now = MIDNIGHT + 5_000_000_000L;
            assertThat(contexts.risk(limit("x", Side.BUY, 1, 10_000, CoreFixtures.WHO), now).midPrice()).isEmpty();
            market.onTopOfBook(0, new TopOfBookRecord(id, 10_000, 5, 10_003, 7, MIDNIGHT, MIDNIGHT));
            PreTradeContext context = contexts.risk(limit("y", Side.BUY, 1, 10_000, CoreFixtures.WHO), now);
            assertThat(context.midPrice()).hasValue(10_001);
            assertThat(context.midPriceAgeNanos()).isEqualTo(5_000_000_000L);
            market.onTopOfBook(0, new TopOfBookRecord(id, -7, 5, -4, 7, MIDNIGHT, MIDNIGHT));
            assertThat(context.midPrice()).hasValue(-6);
            market.onTopOfBook(0, new TopOfBookRecord(id, 10_004, 5, 10_003, 7, MIDNIGHT, MIDNIGHT));
            assertThat(context.midPrice()).as("crossed").isEmpty();
            assertThat(context.midPriceAgeNanos()).isEqualTo(Long.MAX_VALUE);
            market.onTopOfBook(0, new TopOfBookRecord(id, 0, 0, 10_003, 7, MIDNIGHT, MIDNIGHT));
            assertThat(context.midPrice()).as("no bid").isEmpty();
            market.onTopOfBook(0, new TopOfBookRecord(id, 10_000, 5, 10_002, 7, MIDNIGHT, MIDNIGHT));

            engine.submit(limit("w-1", Side.BUY, 10, 10_000, CoreFixtures.WHO), "shell:admin",
                    CoreFixtures.inputs(() -> true), now);
            engine.endOfBatch();
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            threads.setThreadAllocatedMemoryEnabled(true);
            long sum = ask(context, 100_000);
            // The fewest of three rounds: a compilation that deoptimises during one materialises the objects it had
            // scalar-replaced, a one-off of a few KB that is not what asking costs.
            long allocated = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
                sum += ask(context, 100_000);
                allocated = Math.min(allocated,
                        threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before);
            }
            assertThat(sum).isEqualTo(400_000L * (10_001 + 10 + 10 + 10_000_000L));
            assertThat(allocated).as("bytes allocated asking 100,000 times").isLessThan(1024);
        }
    }

    private static long ask(PreTradeContext context, int times) {
        long sum = 0;
        for (int i = 0; i < times; i++) {
            sum += context.midPrice().getAsLong() + context.strategyWorkingQuantity(Side.BUY)
                    + context.accountWorkingQuantity(Side.BUY) + context.strategyNetQuantity()
                    + context.creditUsed(CreditScope.STRATEGY, USD);
        }
        return sum;
    }

    @Test
    void futuresCountAtTheirMultiplier() {
        FutureContract es = new FutureContract(InstrumentId.of("ESZ6", "SIMX"), USD, Jurisdiction.US,
                new TradingGrid(2, TickTable.flat(25), 0, 1, 1), Decimal.of(50, 0), LocalDate.of(2026, 12, 18));
        CreditBook book = new CreditBook(16);
        OrderState order = new OrderState(1, ClientOrderId.of("f-1"), es.id(), "SIMX", Side.SELL,
                io.alphintra.sdk.order.OrderType.LIMIT, TimeInForce.DAY, 2, 500_000, OrderRequest.NO_PRICE,
                CoreFixtures.WHO, "shell:admin", List.of(), MIDNIGHT);
        book.accepted(order, es, OrderRequest.NO_PRICE, MIDNIGHT);
        // 2 × 5,000.00 × 50 = 500,000.
        assertThat(book.used(CreditScope.TRADER, "alice", USD, null, MIDNIGHT)).isEqualTo(5_000_000_000L);
        assertThat(book.used(CreditScope.TRADER, "alice", USD, order, MIDNIGHT)).as("left out").isZero();
        assertThat(book.used(CreditScope.TRADER, "bob", USD, null, MIDNIGHT)).isZero();
        assertThat(book.used(CreditScope.TRADER, "alice", Currency.of("JPY"), null, MIDNIGHT)).isZero();
    }

    /** Credit of every account, trader and strategy of {@link RandomOrderFlow}, as the engine gives it. */
    private static Map<String, Long> figures(EngineCore engine) {
        Map<String, Long> out = new TreeMap<>();
        for (String id : ids()) {
            CreditScope scope = scopeOf(id);
            out.put(id, engine.creditUsed(scope, attribution(scope, id.substring(id.indexOf(':') + 1)), USD, 1));
        }
        return out;
    }

    /**
     * The definition, from the orders held: leaves at the limit price (market orders: the flow's gate inputs give
     * no reference, so none), the larger of old and new while a replace is pending, plus every fill (one day).
     */
    private static Map<String, Long> scanned(EngineCore engine) {
        Map<String, Long> out = new TreeMap<>();
        ids().forEach(id -> out.put(id, 0L));
        for (OrderState order : EngineInternals.orders(engine)) {
            long value = order.cumPriceQuantity * 100;
            if (order.isWorking() && order.limitPrice != OrderRequest.NO_PRICE) {
                long working = Math.abs(order.limitPrice) * (order.quantity - order.cumQuantity) * 100;
                if (order.status == OrderStatus.PENDING_REPLACE) {
                    working = Math.max(working, Math.abs(order.pendingLimitPrice)
                            * (order.pendingQuantity - order.cumQuantity) * 100);
                }
                value += working;
            }
            for (String key : List.of("account:" + order.attribution.accountId(),
                    "trader:" + order.attribution.traderId(), "strategy:" + order.attribution.strategyId())) {
                out.merge(key, value, Long::sum);
            }
        }
        return out;
    }

    private static List<String> ids() {
        List<String> ids = new ArrayList<>();
        RandomOrderFlow.ACCOUNTS.forEach(account -> ids.add("account:" + account));
        ids.add("trader:alice");
        ids.add("strategy:s-0");
        ids.add("strategy:s-1");
        return ids;
    }

    private static CreditScope scopeOf(String id) {
        return CreditScope.valueOf(id.substring(0, id.indexOf(':')).toUpperCase());
    }

    private static Attribution attribution(CreditScope scope, String id) {
        return switch (scope) {
            case ACCOUNT -> new Attribution("s-0", "alice", id, "desk", "client");
            case TRADER -> new Attribution("s-0", id, "ACC-1", "desk", "client");
            case STRATEGY -> new Attribution(id, "alice", "ACC-1", "desk", "client");
        };
    }

    private static long used(EngineCore engine, CreditScope scope, long now) {
        return engine.creditUsed(scope, CoreFixtures.WHO, USD, now);
    }

    private static long used(EngineCore engine, CreditScope scope, long now, String accountId) {
        return engine.creditUsed(scope, new Attribution("momentum-1", "alice", accountId, "desk-eq", "client-7"), USD,
                now);
    }

    private EngineCore engine(Journal journal) {
        return new EngineCore(journal, gate, CoreFixtures.venues(() -> venue, () -> true),
                new PortfolioAccounts(USD), (report, source, strategyId) -> { }, 16, 1024);
    }

    private static OrderRequest limit(String id, Side side, long quantity, long price, Attribution who) {
        return OrderRequest.limit(ClientOrderId.of(id), CoreFixtures.AAPL, side, quantity, price, TimeInForce.DAY,
                who);
    }

    private void fill(EngineCore engine, ClientOrderId id, long quantity, long price, long cumQuantity, long now) {
        OrderStatus status = cumQuantity == 100 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        engine.onVenueReport(report(id, ExecType.TRADE, status, quantity, price, cumQuantity)
                .leavesQuantity(100 - cumQuantity).lastQuantity(quantity).lastPrice(price)
                .liquidity(Liquidity.MAKER).fee(Money.of(USD, 1, 2)).transactTimeNanos(now).build(), now);
        engine.endOfBatch();
    }

    private ExecutionReport.Builder report(ClientOrderId id, ExecType type, OrderStatus status, long quantity,
                                           long price, long cumQuantity) {
        return ExecutionReport.builder().clientOrderId(id).venueOrderId("V-" + id.value()).execId("X-" + (++execIds))
                .instrumentId(CoreFixtures.AAPL.id()).side(Side.BUY).execType(type).status(status)
                .orderQuantity(100).cumQuantity(cumQuantity).leavesQuantity(100 - cumQuantity)
                .cumPriceQuantity(price * quantity).liquidity(Liquidity.UNKNOWN).transactTimeNanos(1L);
    }

    /** The test inputs of {@link CoreFixtures}, with the engine's real risk context. */
    private static OrderGate.GateInputs withRisk(OrderGate.Contexts contexts, long now) {
        OrderGate.GateInputs base = CoreFixtures.inputs(() -> true);
        return (OrderGate.GateInputs) Proxy.newProxyInstance(CreditBookTest.class.getClassLoader(),
                new Class<?>[] {OrderGate.GateInputs.class}, (proxy, method, args) ->
                        method.getName().equals("riskContext") ? contexts.risk((OrderRequest) args[0], now)
                                : method.invoke(base, args));
    }

    private static PreTradeCheck recording(Consumer<PreTradeContext> record) {
        return new PreTradeCheck() {
            @Override
            public String id() {
                return "recording";
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public int order() {
                return 1;
            }

            @Override
            public CheckResult check(OrderRequest order, PreTradeContext context) {
                record.accept(context);
                return CheckResult.accept();
            }
        };
    }
}
