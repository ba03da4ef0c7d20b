package io.alphintra.benchmarks.engine;

import io.alphintra.engine.internal.account.Account;
import io.alphintra.engine.internal.account.AccountTable;
import io.alphintra.engine.internal.core.BenchMarket;
import io.alphintra.engine.internal.core.EngineClock;
import io.alphintra.engine.internal.core.EngineCore;
import io.alphintra.engine.internal.core.EngineGateInputs;
import io.alphintra.engine.internal.core.MarketCache;
import io.alphintra.engine.internal.core.OrderGate;
import io.alphintra.engine.internal.core.PortfolioAccounts;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingCalendar;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.risk.limits.internal.BenchLimits;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.order.TimeInForce;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine thread's work per order, on one core: the benchmark thread plays the engine thread and drives the
 * production {@link EngineCore} directly, as {@code EngineLoop} does for its ring slots. One operation is one order
 * of the {@code fill} flow of {@link OrderRig}: gate (engine checks with the production {@code EngineGateInputs},
 * allow-all US rule set), order manager, journal append, group commit ({@code write}, so one {@code write(2)} per
 * batch), hand-off to the venue adapter, then the venue's {@code NEW} acknowledgement and, for every second order,
 * the two {@code TRADE} reports of the match (journal, order state, portfolio booking, a second commit), and the
 * reports to the engine's listener. With {@code riskChain = standard} the gate also runs the risk-limits bundle's
 * five checks (credit, order size and value, price collar, duplicates, positions) with a limit of each kind in force
 * for every order ({@link #STANDARD_LIMITS}), which every order passes: the cost of the standard chain per order.
 *
 * <p>Not included: the Disruptor ring hop (producer to engine thread and venue thread back), and the venue itself.
 * The venue is a stand-in whose {@code submit} only counts; its reports are built before the shots, because a real
 * venue builds them on its own thread (which also leaves them cold in the cache here, where a real hand-over from
 * another core would find them warmer). So the figure is the engine thread's cost, the bound on how many
 * orders one engine core can take; {@link OrderPathLatencyMain} measures the threaded path end to end.
 *
 * <p>Each iteration is one shot over a fresh engine (new journal, empty books) and {@value #ORDERS} orders, so the
 * engine's state grows as it does in production; {@code -prof gc} gives {@code gc.alloc.rate.norm} in bytes per
 * order, which includes the order's own retained state. The young generation is sized so that a shot runs without
 * a collection: the time is the engine's work, and what the garbage would cost shows in the bytes per order.
 *
 * <pre>java -jar target/benchmarks.jar OrderPathBenchmark -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(OrderPathBenchmark.ORDERS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Xmn2g"})
public class OrderPathBenchmark {
    static final int ORDERS = 200_000;
    private static final long PRICE = 100_00;
    private static final String SOURCE = "bench";
    private static final Instrument INSTRUMENT = new Equity(InstrumentId.of("BENCH", "SIMX"), Currency.of("USD"),
            Jurisdiction.US, new TradingGrid(2, TickTable.flat(1), 0, 1, 1));
    private static final Venue VENUE = new Venue("SIMX", "Benchmark venue", Jurisdiction.US, Currency.of("USD"),
            TradingCalendar.alwaysOpen(ZoneOffset.UTC));

    /** Orders per engine batch, i.e. per journal commit: 1 at low rates, more as the ring backs up. */
    @Param({"1", "64"})
    public int batch;

    /**
     * {@code listener}: every report goes to an engine listener (as when the strategy host is installed);
     * {@code none}: nobody listens and no caller waits.
     */
    @Param({"listener", "none"})
    public String reports;

    /** {@code off}: the engine's own checks and the rule set; {@code standard}: the risk-limits checks too. */
    @Param({"off", "standard"})
    public String riskChain;

    /** One scope, {@code *}, setting a limit of every kind the checks have, none of which an order of the flow breaks. */
    static final Map<String, Object> STANDARD_LIMITS = Map.ofEntries(Map.entry("scope", "*"),
            Map.entry("accountCreditLimit", "USD 1000000000"), Map.entry("traderCreditLimit", "USD 1000000000"),
            Map.entry("strategyCreditLimit", "USD 1000000000"), Map.entry("priceCollarBasisPoints", "5000"),
            Map.entry("maxReferenceAgeMillis", "86400000"), Map.entry("maxOrderQuantity", "1000"),
            Map.entry("maxOrderValue", "USD 10000000"), Map.entry("warnOrderValue", "USD 1000000"),
            Map.entry("duplicateCount", "2"), Map.entry("duplicateWindowMillis", "10"),
            Map.entry("maxLongPosition", "1000000"), Map.entry("maxShortPosition", "1000000"),
            Map.entry("maxStrategyLongPosition", "1000000"), Map.entry("maxStrategyShortPosition", "1000000"));

    private Path directory;
    private Journal journal;
    private EngineCore core;
    private OrderGate.GateInputs inputs;
    private final SilentVenue venue = new SilentVenue(VENUE, List.of(INSTRUMENT));
    private OrderRequest[] orders;
    /** Per order: its NEW, then for every odd order the TRADE of the resting buy and of the sell. */
    private ExecutionReport[][] venueReports;
    private long delivered;

    /**
     * The flow is built once: every iteration's engine is new and has seen none of its client order ids. Building it
     * per iteration would count its garbage in the engine's bytes per order.
     */
    @Setup(Level.Trial)
    public void buildFlow() {
        Attribution buyer = new Attribution("bench-orders", "trader-1", "ACC-1", "desk", "client");
        Attribution seller = new Attribution("bench-orders", "trader-2", "ACC-2", "desk", "client");
        orders = new OrderRequest[ORDERS];
        venueReports = new ExecutionReport[ORDERS][];
        Money noFee = Money.zero(Currency.of("USD"));
        for (int i = 0; i < ORDERS; i++) {
            boolean buy = i % 2 == 0;
            // 4,000 prices a side, at or through the fill price: an order repeats every 8,000 (about 20 ms), so the
            // duplicate check's window of 10 ms never holds two identical ones.
            long price = buy ? PRICE + (i / 2) % 4_000 : PRICE - (i / 2) % 4_000;
            orders[i] = OrderRequest.limit(ClientOrderId.of("o" + i), INSTRUMENT, buy ? Side.BUY : Side.SELL, 1, price,
                    TimeInForce.GTC, buy ? buyer : seller);
            ExecutionReport ack = venueReport(i, ExecType.NEW, OrderStatus.NEW).build();
            if (buy) {
                venueReports[i] = new ExecutionReport[] {ack};
            } else {
                venueReports[i] = new ExecutionReport[] {ack, fill(i - 1, noFee, Liquidity.MAKER),
                        fill(i, noFee, Liquidity.TAKER)};
            }
        }
    }

    @Setup(Level.Iteration)
    public void start() throws IOException {
        directory = Files.createTempDirectory("alphintra-order-path");
        journal = Journal.open(directory, 1L << 30, 1 << 20, Durability.WRITE);
        OrderGate gate = new OrderGate("benchmark");
        gate.putRuleSet(new AllowAllRuleSet());
        PortfolioAccounts accounts = new PortfolioAccounts(Currency.of("USD"));
        // The engine rejects orders of accounts it has no reference data for.
        accounts.table(AccountTable.of(List.of(
                Account.open("ACC-1", Currency.of("USD")),
                Account.open("ACC-2", Currency.of("USD")))));
        MarketCache market = new MarketCache();
        if (riskChain.equals("standard")) {
            for (PreTradeCheck check : BenchLimits.chain(BenchLimits.book(List.of(STANDARD_LIMITS)))) {
                gate.addCheck(check);
            }
            BenchMarket.lastTrade(market, INSTRUMENT.id(), PRICE, EngineClock.nowNanos());
        }
        boolean listening = reports.equals("listener");
        core = new EngineCore(journal, gate, venue, accounts, new EngineCore.EngineListener() {
            @Override
            public void onReport(ExecutionReport report, String source, String strategyId) {
                delivered++;
            }

            @Override
            public boolean wantsReports() {
                return listening;
            }
        }, ORDERS, ORDERS); // sized for the shot, every order of it kept, as a node is for its expected orders: no index growth inside it
        OrderGate.Contexts contexts = new OrderGate.Contexts(accounts, market, core);
        inputs = new EngineGateInputs(venue, contexts);
        delivered = 0;
        // The previous iteration's engine is garbage now: collect it outside the shot, which measures the engine.
        System.gc();
    }

    private ExecutionReport.Builder venueReport(int i, ExecType execType, OrderStatus status) {
        return ExecutionReport.builder().clientOrderId(orders[i].clientOrderId()).venueOrderId("V" + i)
                .execId("X" + i + execType).instrumentId(INSTRUMENT.id()).side(orders[i].side()).execType(execType)
                .status(status).orderQuantity(1).leavesQuantity(1).transactTimeNanos(1L);
    }

    private ExecutionReport fill(int i, Money fee, Liquidity liquidity) {
        return venueReport(i, ExecType.TRADE, OrderStatus.FILLED).lastQuantity(1).lastPrice(PRICE).cumQuantity(1)
                .leavesQuantity(0).cumPriceQuantity(PRICE).liquidity(liquidity).fee(fee).build();
    }

    @Benchmark
    public long orders() {
        for (int from = 0; from < ORDERS; from += batch) {
            int to = Math.min(ORDERS, from + batch);
            for (int i = from; i < to; i++) {
                core.submit(orders[i], SOURCE, inputs, EngineClock.nowNanos());
            }
            core.endOfBatch();
            for (int i = from; i < to; i++) {
                for (ExecutionReport report : venueReports[i]) {
                    core.onVenueReport(report, EngineClock.nowNanos());
                }
            }
            core.endOfBatch();
        }
        if (venue.submitted != ORDERS) {
            throw new IllegalStateException(venue.submitted + " of " + ORDERS + " orders reached the venue");
        }
        return delivered;
    }

    @TearDown(Level.Iteration)
    public void stop() throws IOException {
        journal.close();
        venue.submitted = 0;
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
