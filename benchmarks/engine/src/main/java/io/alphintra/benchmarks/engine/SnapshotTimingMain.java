package io.alphintra.benchmarks.engine;

import io.alphintra.engine.internal.account.Account;
import io.alphintra.engine.internal.account.AccountTable;
import io.alphintra.engine.internal.core.EngineCore;
import io.alphintra.engine.internal.core.EngineGateInputs;
import io.alphintra.engine.internal.core.MarketCache;
import io.alphintra.engine.internal.core.OrderGate;
import io.alphintra.engine.internal.core.PortfolioAccounts;
import io.alphintra.engine.internal.core.Snapshotter;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.engine.internal.journal.JournalRetention;
import io.alphintra.engine.internal.snapshot.SnapshotInfo;
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
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How long the engine thread pauses to write a snapshot of a large book, and how long a restart takes from it
 * against a replay of the whole journal (decision 10). The calling thread plays the engine thread and drives the
 * production {@link EngineCore} directly, as {@code EngineLoop} does: {@code orders} limit orders (default
 * 1,000,000) over two instruments and two strategies go through the real order path (gate with an allow-all US rule
 * set and the production {@link EngineGateInputs}, order manager, journal with durability {@code write} in a temp
 * directory, portfolio), each acknowledged by the venue; a quarter are filled in two parts (40 then 60 of 100), a
 * tenth cancelled. The venue is a stand-in that takes orders and cancels without answering; its reports are built
 * here, in the order a venue sends them.
 *
 * <p>Then, three runs each:
 * <ul>
 *   <li>snapshot: {@link EngineCore#snapshot()} with a {@link Snapshotter} (taken on request only, covered segments
 *       archived); one more order is journaled before each, or the newest snapshot would already cover everything
 *       and none would be written. Prints the orders, the file's bytes, the engine's own pause (state hash and write,
 *       fsync included), the whole call, and the state hash alone;</li>
 *   <li>full replay: a fresh journal and {@code EngineCore} without snapshots, {@link EngineCore#recover()} over the
 *       whole journal (archived segments moved back first);</li>
 *   <li>restore: a fresh {@code EngineCore} with snapshots enabled, {@code recover()} from the newest snapshot, its
 *       state hash verified against the file's.</li>
 * </ul>
 * Both recoveries end with the engine computing its state hash once (its recovery log line). After each, outside
 * the timing, the recovered engine's state hash is checked against the one the orders were built into. Not a test:
 * run it by hand, on a quiet machine.
 *
 * <pre>java -Xmx4g -cp target/benchmarks.jar io.alphintra.benchmarks.engine.SnapshotTimingMain [orders]</pre>
 */
public final class SnapshotTimingMain {
    private static final Currency USD = Currency.of("USD");
    private static final Venue VENUE = new Venue("SIMX", "Benchmark venue", Jurisdiction.US, USD,
            TradingCalendar.alwaysOpen(ZoneOffset.UTC));
    private static final Instrument AAPL = new Equity(InstrumentId.of("AAPL", "SIMX"), USD, Jurisdiction.US,
            new TradingGrid(2, TickTable.flat(1), 0, 1, 1));
    private static final Instrument MSFT = new Equity(InstrumentId.of("MSFT", "SIMX"), USD, Jurisdiction.US,
            new TradingGrid(2, TickTable.flat(1), 0, 1, 1));
    private static final List<Attribution> STRATEGIES = List.of(
            new Attribution("momentum-1", "alice", "ACC-1", "desk-eq", "client-7"),
            new Attribution("meanrev-2", "bob", "ACC-2", "desk-eq", "client-9"));
    /** One source string per strategy instance, as the strategy host passes it. */
    private static final List<String> SOURCES = STRATEGIES.stream().map(a -> "strategy:" + a.strategyId()).toList();
    private static final long SEGMENT_BYTES = 64 << 20;
    private static final int MAX_BATCH_BYTES = 1 << 20;
    private static final int RUNS = 3;

    private SnapshotTimingMain() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.printf(Locale.ROOT, "engine snapshot timing: %,d orders, JVM %s (%s), max heap %,d MB, %d CPUs%n",
                orders, System.getProperty("java.vm.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        Path directory = Files.createTempDirectory("alphintra-snapshot-timing");
        try {
            SilentVenue venue = new SilentVenue(VENUE, List.of(AAPL, MSFT));
            OrderGate gate = new OrderGate("benchmark");
            gate.putRuleSet(new AllowAllRuleSet());
            String builtHash = buildAndSnapshot(directory, gate, venue, orders);
            restoreArchivedSegments(directory);
            for (int run = 0; run < RUNS; run++) {
                recover(directory, gate, venue, orders, false, run, builtHash);
            }
            for (int run = 0; run < RUNS; run++) {
                recover(directory, gate, venue, orders, true, run, builtHash);
            }
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** @return the engine's state hash after the last snapshot, which every recovery must reproduce */
    private static String buildAndSnapshot(Path directory, OrderGate gate, SilentVenue venue, int orders)
            throws IOException {
        try (Journal journal = Journal.open(directory, SEGMENT_BYTES, MAX_BATCH_BYTES, Durability.WRITE)) {
            PortfolioAccounts accounts = new PortfolioAccounts(USD);
            // The engine rejects orders of accounts it has no reference data for.
            accounts.table(AccountTable.of(List.of(
                    Account.open("ACC-1", Currency.of("USD")),
                    Account.open("ACC-2", Currency.of("USD")))));
            MarketCache market = new MarketCache();
            EngineCore engine = new EngineCore(journal, gate, venue, accounts, (report, source, strategyId) -> { },
                    orders + RUNS, orders + RUNS);
            OrderGate.Contexts contexts = new OrderGate.Contexts(accounts, market, engine);
            OrderGate.GateInputs inputs = new EngineGateInputs(venue, contexts);
            engine.enableSnapshots(new Snapshotter(journal, 0, JournalRetention.ARCHIVE));
            engine.recover();

            long built = System.nanoTime();
            for (int i = 0; i < orders; i++) {
                ClientOrderId id = ClientOrderId.of("ord-" + i);
                Attribution strategy = STRATEGIES.get(i % 2);
                engine.submit(OrderRequest.limit(id, instrument(i), side(i), 100, price(i), TimeInForce.DAY,
                        strategy), SOURCES.get(i % 2), inputs, i);
                engine.onVenueReport(report(id, i, ExecType.NEW, OrderStatus.NEW, 0, 0).build(), i);
                if (i % 4 == 0) {
                    engine.onVenueReport(trade(id, i, 40, 40), i);
                    engine.onVenueReport(trade(id, i, 60, 100), i);
                } else if (i % 10 == 1) {
                    engine.cancel(id, "shell:admin", i);
                    engine.onVenueReport(report(ClientOrderId.of("ord-" + i + ".C1"), i, ExecType.CANCELED,
                            OrderStatus.CANCELED, 0, 0).originalClientOrderId(id).leavesQuantity(0).build(), i);
                }
                if (i % 64 == 63) {
                    engine.endOfBatch();
                }
            }
            engine.endOfBatch();
            if (venue.submitted != orders || venue.cancelled != cancelled(orders)) {
                throw new IllegalStateException("the venue got " + venue.submitted + " orders and "
                        + venue.cancelled + " cancels, expected " + orders + " and " + cancelled(orders));
            }
            System.out.printf(Locale.ROOT, "built %,d orders in %,d ms; journal ends at sequence %,d%n", orders,
                    (System.nanoTime() - built) / 1_000_000, journal.lastSequence());

            for (int run = 0; run < RUNS; run++) {
                System.gc();
                long hashStart = System.nanoTime();
                engine.stateHash();
                long hashMillis = (System.nanoTime() - hashStart) / 1_000_000;
                // A new record each time, or the snapshot would be current and not written again.
                engine.submit(OrderRequest.limit(ClientOrderId.of("extra-" + run), AAPL, Side.BUY, 1, 10_000,
                        TimeInForce.DAY, STRATEGIES.get(0)), "shell:admin", inputs, 0);
                engine.endOfBatch();
                long started = System.nanoTime();
                SnapshotInfo info = engine.snapshot();
                long callMillis = (System.nanoTime() - started) / 1_000_000;
                if (!info.written()) {
                    throw new IllegalStateException("snapshot " + run + " was not written: " + info);
                }
                System.out.printf(Locale.ROOT, "snapshot %d at sequence %,d: %,d orders, %,d bytes, %,d ms on the"
                        + " engine thread (whole call %,d ms; state hash alone %,d ms)%n", run, info.sequence(),
                        info.orders(), info.bytes(), info.millis(), callMillis, hashMillis);
            }
            return engine.stateHash();
        }
    }

    /** The segments the snapshots retired, back into the journal, for a replay of the whole journal. */
    private static void restoreArchivedSegments(Path directory) throws IOException {
        Path archive = directory.resolve("archive");
        if (!Files.isDirectory(archive)) {
            return;
        }
        try (Stream<Path> archived = Files.list(archive)) {
            for (Path segment : archived.toList()) {
                Files.move(segment, directory.resolve(segment.getFileName()));
            }
        }
    }

    private static void recover(Path directory, OrderGate gate, SilentVenue venue, int orders, boolean snapshots,
                                int run, String builtHash) throws IOException {
        System.gc();
        try (Journal journal = Journal.open(directory, SEGMENT_BYTES, MAX_BATCH_BYTES, Durability.WRITE)) {
            EngineCore engine = new EngineCore(journal, gate, venue, new PortfolioAccounts(USD),
                    (report, source, strategyId) -> { }, orders + RUNS, orders + RUNS);
            if (snapshots) {
                engine.enableSnapshots(new Snapshotter(journal, 0, JournalRetention.ARCHIVE));
            }
            long started = System.nanoTime();
            engine.recover();
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (snapshots != (engine.recoveredFromSnapshot() > 0)) {
                throw new IllegalStateException("recovered from snapshot at " + engine.recoveredFromSnapshot()
                        + " with snapshots " + (snapshots ? "enabled" : "disabled"));
            }
            String hash = engine.stateHash();
            if (!hash.equals(builtHash)) {
                throw new IllegalStateException("recovered state hash " + hash + ", built " + builtHash);
            }
            if (snapshots) {
                System.out.printf(Locale.ROOT, "restore %d from the snapshot at %,d (state hash verified): %,d ms%n",
                        run, engine.recoveredFromSnapshot(), millis);
            } else {
                System.out.printf(Locale.ROOT, "full replay %d of %,d records: %,d ms%n", run, journal.lastSequence(),
                        millis);
            }
        }
    }

    private static Instrument instrument(int i) {
        return i % 2 == 0 ? AAPL : MSFT;
    }

    private static Side side(int i) {
        return i % 3 == 0 ? Side.SELL : Side.BUY;
    }

    private static long price(int i) {
        return 10_000 + i % 500;
    }

    /** How many of orders 0 .. {@code orders - 1} the flow cancels: those with {@code i % 10 == 1}. */
    private static long cancelled(int orders) {
        return (orders + 8) / 10;
    }

    private static ExecutionReport.Builder report(ClientOrderId id, int i, ExecType type, OrderStatus status,
                                                  long cum, long cumPriceQuantity) {
        return ExecutionReport.builder().clientOrderId(id).venueOrderId("V-" + i).execId("X-" + i + type)
                .instrumentId(instrument(i).id()).side(side(i)).execType(type).status(status).orderQuantity(100)
                .cumQuantity(cum).leavesQuantity(100 - cum).cumPriceQuantity(cumPriceQuantity)
                .liquidity(Liquidity.UNKNOWN).transactTimeNanos(i);
    }

    private static ExecutionReport trade(ClientOrderId id, int i, long last, long cum) {
        long price = price(i);
        return report(id, i, ExecType.TRADE, cum == 100 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, cum,
                cum * price).lastQuantity(last).lastPrice(price).liquidity(Liquidity.MAKER)
                .fee(Money.of(USD, 5, 2)).build();
    }
}
