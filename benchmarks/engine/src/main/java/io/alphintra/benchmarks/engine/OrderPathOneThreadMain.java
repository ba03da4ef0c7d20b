package io.alphintra.benchmarks.engine;

import io.alphintra.engine.internal.account.Account;
import io.alphintra.engine.internal.account.AccountTable;
import java.util.List;
import io.alphintra.engine.internal.core.EngineClock;
import io.alphintra.engine.internal.core.EngineCore;
import io.alphintra.engine.internal.core.EngineGateInputs;
import io.alphintra.engine.internal.core.MarketCache;
import io.alphintra.engine.internal.core.OrderGate;
import io.alphintra.engine.internal.core.PortfolioAccounts;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.OrderBookDelta;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.venue.ExchangeAdapter;
import io.alphintra.sdk.venue.InstrumentStatus;
import io.alphintra.sdk.venue.VenueListener;
import io.alphintra.simexchange.internal.venue.CallerThreadBenchVenue;
import io.alphintra.simexchange.internal.venue.SimulatedVenue;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The whole order path on ONE thread, with the real simulated venue: strategy-side order (pre-built) → gate → journal
 * → commit → venue adapter → the simulated venue's matching → its execution reports → applied in the engine → the
 * {@code NEW} acknowledgement applied and committed. The calling thread plays the engine thread exactly as
 * {@code EngineLoop} does for its ring slots: a batch of {@code SUBMIT}s ({@link EngineCore#submit}, then
 * {@link EngineCore#endOfBatch}: group commit, then the hand-off to the adapter). The venue is the production
 * {@link SimulatedVenue} / {@code VenueCore} (ack latency 0, twin off, no recording) driven on the caller's thread
 * ({@link CallerThreadBenchVenue}): its {@code submit} matches before it returns and calls the venue listener from
 * inside, so the listener only queues the reports in a preallocated array (the engine must not be re-entered, and in
 * production they would cross the ring); once {@code endOfBatch} has returned, the queued reports are applied as one
 * ring batch of {@code VENUE_REPORT}s ({@link EngineCore#onVenueReport}, then {@code endOfBatch}: second commit and
 * delivery to the engine listener). An order is acknowledged when that second {@code endOfBatch} returns.
 *
 * <p>Included: gate (allow-all US rule set, production {@code EngineGateInputs}), order manager, journal append and
 * commit ({@code write(2)}, or {@code force} with {@code fsync}) twice per batch, the adapter's submit, the venue's
 * validation, price-time book, matching and report building, the engine's application of NEW and both TRADEs (order
 * state, portfolio booking), an engine listener that counts every report (as with the strategy host installed).
 * Excluded: the Disruptor hops (producer → engine, venue → engine), the venue's own thread and its command ring,
 * building the {@code OrderRequest}s (done before the run), the strategy host.
 *
 * <p>Modes: sustained orders/s unpaced (batches of 1 and 64 orders per engine batch), open-loop paced latency (each
 * order has a due time at the offered rate; the thread busy-waits to the next due time, then takes every order that
 * is due, at most 64, as one engine batch, as the ring would hand over a backlog; latency = ack applied − due time,
 * so a stall delays the orders behind it and is counted: no coordinated omission), and the thread's allocation per
 * order ({@code ThreadMXBean.getCurrentThreadAllocatedBytes} around the measured loop).
 *
 * <pre>java -Xms4g -Xmx4g -cp target/benchmarks.jar io.alphintra.benchmarks.engine.OrderPathOneThreadMain \
 *     [write|fsync] [unpacedOrders=500000] [pacedSeconds=2] [rates=10000,50000,100000,500000] [prefill=400000]</pre>
 *
 * <p>Each paced rate runs twice: on a fresh engine and venue, and on ones that already took {@code prefill} orders
 * (unmeasured, unpaced), so that the measured window falls between two growths of the venue's per-order hash maps
 * (a {@code HashMap} of finished orders doubles at 12,288 / 98,304 / 786,432 orders of this flow, a stall of
 * milliseconds to a few hundred on the engine thread here; the engine's own indexes are pre-sized). 400,000 + the
 * window must stay below 786,432 (the window is cut to fit).
 */
public final class OrderPathOneThreadMain {
    private static final String SOURCE = "bench";
    private static final String VENUE_ID = "SIMX";
    private static final int MAX_BATCH = 64;

    private final Path directory;
    private final Journal journal;
    private final EngineCore core;
    private final OrderGate.GateInputs inputs;
    private final CallerThreadBenchVenue simulated;
    private final SimulatedVenue venue;
    private final Instrument instrument;
    private final Optional<Instrument> instrumentFound;
    private final Queue queue = new Queue();
    private long acks;
    private long trades;
    private long rejects;

    private OrderPathOneThreadMain(Durability durability, int expectedOrders) throws IOException {
        directory = Files.createTempDirectory("alphintra-one-thread");
        journal = Journal.open(directory, 1L << 30, 1 << 20, durability);
        simulated = CallerThreadBenchVenue.create(VENUE_ID, "BENCH");
        venue = simulated.adapter();
        venue.start();
        instrument = venue.instruments().toCompletableFuture().join().get(0);
        instrumentFound = Optional.of(instrument);
        Venues venues = new Venues();
        OrderGate gate = new OrderGate("benchmark");
        gate.putRuleSet(new AllowAllRuleSet());
        PortfolioAccounts accounts = new PortfolioAccounts(Currency.of("USD"));
        // The engine rejects orders of accounts it has no reference data for.
        accounts.table(AccountTable.of(List.of(
                Account.open("ACC-1", Currency.of("USD")),
                Account.open("ACC-2", Currency.of("USD")))));
        MarketCache market = new MarketCache();
        core = new EngineCore(journal, gate, venues, accounts, new EngineCore.EngineListener() {
            @Override
            public void onReport(ExecutionReport report, String source, String strategyId) {
                ExecType type = report.execType();
                if (type == ExecType.NEW) {
                    acks++;
                } else if (type == ExecType.TRADE) {
                    trades++;
                } else if (type == ExecType.REJECTED) {
                    rejects++;
                }
            }
        }, expectedOrders, expectedOrders);
        OrderGate.Contexts contexts = new OrderGate.Contexts(accounts, market, core);
        inputs = new EngineGateInputs(venues, contexts);
        venue.connect(queue); // onConnected arrives synchronously
        if (!queue.connected) {
            throw new IllegalStateException("venue did not connect");
        }
    }

    /** The flow {@code fill}: even orders buy 1 @ 100.00 for ACC-1 and rest, odd ones sell for ACC-2 and fill. */
    private OrderRequest[] flow(int count) {
        Attribution buyer = new Attribution("bench-orders", "trader-1", "ACC-1", "desk", "client");
        Attribution seller = new Attribution("bench-orders", "trader-2", "ACC-2", "desk", "client");
        OrderRequest[] orders = new OrderRequest[count];
        for (int i = 0; i < count; i++) {
            boolean buy = i % 2 == 0;
            orders[i] = OrderRequest.limit(ClientOrderId.of("o" + i), instrument, buy ? Side.BUY : Side.SELL, 1,
                    OrderRig.PRICE, TimeInForce.GTC, buy ? buyer : seller);
        }
        return orders;
    }

    /** One engine batch of SUBMITs, then one of the venue's reports, exactly as the engine thread would see them. */
    private void batch(OrderRequest[] orders, int from, int to) {
        simulated.advanceToWallClock();
        for (int i = from; i < to; i++) {
            core.submit(orders[i], SOURCE, inputs, EngineClock.nowNanos());
        }
        core.endOfBatch(); // commit, then the adapter: the venue matches and queues its reports here
        int n = queue.size;
        ExecutionReport[] reports = queue.reports;
        CompletableFuture<ExecutionReport>[] durable = queue.durable;
        for (int k = 0; k < n; k++) {
            core.onVenueReport(reports[k], EngineClock.nowNanos(), durable[k]);
            reports[k] = null;
            durable[k] = null;
        }
        queue.size = 0;
        core.endOfBatch(); // commit the reports, deliver them: NEW applied = acknowledged
    }

    private void check(int orders) {
        if (acks != orders || trades != orders || rejects != 0) {
            throw new IllegalStateException("orders " + orders + ": acks " + acks + ", trades " + trades
                    + ", rejects " + rejects);
        }
    }

    private void close() throws IOException {
        venue.stop("done");
        journal.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    // ---- the runs ------------------------------------------------------------------------------------------------

    /** Unpaced: orders/s and bytes/order over {@code count} orders in batches of {@code batch}. */
    static double[] unpaced(Durability durability, int count, int batch) throws IOException {
        OrderPathOneThreadMain rig = new OrderPathOneThreadMain(durability, count);
        OrderRequest[] orders = rig.flow(count);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.gc(); // the previous run's engine and venue are garbage now: collect them outside the measurement
        long gcBefore = gcCount();
        long bytesBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        for (int from = 0; from < count; from += batch) {
            rig.batch(orders, from, Math.min(count, from + batch));
        }
        long elapsed = System.nanoTime() - start;
        long bytes = threads.getCurrentThreadAllocatedBytes() - bytesBefore;
        long gcs = gcCount() - gcBefore;
        rig.check(count);
        rig.close();
        return new double[] {count * 1e9 / elapsed, (double) bytes / count, (double) elapsed / count, gcs};
    }

    /** Open loop at {@code rate} orders/s for {@code count} orders; latency from each order's due time. */
    static Histogram paced(Durability durability, int prefill, int measured, double rate, double[] out,
                           Histogram[] serviceOut) throws IOException {
        int count = prefill + measured;
        OrderPathOneThreadMain rig = new OrderPathOneThreadMain(durability, count);
        OrderRequest[] orders = rig.flow(count);
        // Unmeasured, unpaced: the venue's and engine's state already holds `prefill` orders when the clock starts
        for (int from = 0; from < prefill; from += MAX_BATCH) {
            rig.batch(orders, from, Math.min(prefill, from + MAX_BATCH));
        }
        long[] due = new long[count];
        Histogram histogram = new Histogram(1, 60_000_000_000L, 3);
        Histogram service = new Histogram(1, 60_000_000_000L, 3);
        System.gc();
        long gcBefore = gcCount();
        long start = System.nanoTime() + 1_000_000;
        double interval = 1e9 / rate;
        for (int i = prefill; i < count; i++) {
            due[i] = start + (long) ((i - prefill) * interval);
        }
        long maxBatch = 0;
        long batches = 0;
        long slowest = 0;
        int slowestAt = 0;
        int next = prefill;
        while (next < count) {
            long now = System.nanoTime();
            while (now < due[next]) {
                Thread.onSpinWait();
                now = System.nanoTime();
            }
            int to = next + 1;
            while (to < count && to - next < MAX_BATCH && due[to] <= now) {
                to++;
            }
            rig.batch(orders, next, to);
            long acked = System.nanoTime();
            service.recordValue(acked - now);
            if (acked - now > slowest) {
                slowest = acked - now;
                slowestAt = next;
            }
            for (int i = next; i < to; i++) {
                histogram.recordValue(acked - due[i]);
            }
            maxBatch = Math.max(maxBatch, to - next);
            batches++;
            next = to;
        }
        long elapsed = System.nanoTime() - start;
        rig.check(count);
        rig.close();
        out[0] = measured * 1e9 / elapsed;
        out[1] = (double) measured / batches;
        out[2] = maxBatch;
        out[3] = gcCount() - gcBefore;
        out[4] = slowestAt;
        serviceOut[0] = service;
        return histogram;
    }

    private static long gcCount() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    public static void main(String[] args) throws Exception {
        Durability durability = args.length > 0 ? Durability.valueOf(args[0].toUpperCase(Locale.ROOT))
                : Durability.WRITE;
        int unpacedOrders = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
        double pacedSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 2.0;
        String[] rates = (args.length > 3 ? args[3] : "10000,50000,100000,500000").split(",");
        int prefillOrders = args.length > 4 ? Integer.parseInt(args[4]) : 400_000;
        System.out.printf(Locale.ROOT, "one-thread order path, real SimulatedVenue on the caller thread, durability %s,"
                + " JVM %s, max heap %d MB, %d CPUs%n", durability, System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

        // Warm-up: both batch sizes and a short paced run, discarded (C2 compiles the whole path)
        // (always with durability write: the same code, and fsync would make the warm-up take minutes)
        for (int round = 0; round < 3; round++) {
            unpaced(Durability.WRITE, 200_000, 64);
            unpaced(Durability.WRITE, 200_000, 1);
        }
        paced(Durability.WRITE, 0, 50_000, 100_000, new double[5], new Histogram[1]);

        System.out.println();
        System.out.println("unpaced (sustained), orders per engine batch; 3 runs each");
        for (int batch : new int[] {1, 64}) {
            for (int run = 0; run < 3; run++) {
                double[] r = unpaced(durability, unpacedOrders, batch);
                System.out.printf(Locale.ROOT, "  batch %2d: %,10.0f orders/s  %,7.0f ns/order  %,7.1f B/order"
                        + "  (%,d orders, GCs %d)%n", batch, r[0], r[2], r[1], unpacedOrders, (long) r[3]);
            }
        }

        System.out.println();
        System.out.println("open-loop paced, latency from due time to NEW applied+committed in the engine (µs)");
        for (int prefill : new int[] {0, prefillOrders}) {
            System.out.printf(Locale.ROOT, " engine and venue already holding %,d orders when the run starts%n",
                    prefill);
            for (String text : rates) {
                pacedReport(durability, prefill, Double.parseDouble(text.trim()), pacedSeconds);
            }
        }
    }

    private static void pacedReport(Durability durability, int prefill, double rate, double pacedSeconds)
            throws IOException {
        int count = (int) Math.min(5_000_000, rate * pacedSeconds);
        if (prefill > 0) {
            count = Math.min(count, 786_432 - 2 - prefill);
        }
        double[] out = new double[5];
        Histogram[] service = new Histogram[1];
        Histogram h = paced(durability, prefill, count, rate, out, service);
        System.out.printf(Locale.ROOT, "  offered %,9.0f/s achieved %,9.0f/s: p50 %7.2f  p90 %7.2f  p99 %8.2f"
                + "  p99.9 %8.2f  p99.99 %8.2f  max %9.2f  (%,d orders, mean batch %.2f, max batch %d, GCs %d)%n",
                rate, out[0], us(h, 50), us(h, 90), us(h, 99), us(h, 99.9), us(h, 99.99),
                h.getMaxValue() / 1e3, count, out[1], (long) out[2], (long) out[3]);
        Histogram b = service[0];
        System.out.printf(Locale.ROOT, "      service time per engine batch (µs, from start of the batch): p50 %7.2f"
                + "  p99 %8.2f  p99.9 %8.2f  max %9.2f  (%,d batches; the slowest began at order %,d)%n", us(b, 50),
                us(b, 99), us(b, 99.9), b.getMaxValue() / 1e3, b.getTotalCount(), (long) out[4]);
    }

    private static double us(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e3;
    }

    /** The venue's reports, queued while the venue runs inside the engine's {@code endOfBatch}; preallocated. */
    private static final class Queue implements VenueListener {
        final ExecutionReport[] reports = new ExecutionReport[16 * MAX_BATCH];
        /** For a report given through {@link #bookExecutionReport}, what the engine completes once it is committed. */
        @SuppressWarnings("unchecked")
        final CompletableFuture<ExecutionReport>[] durable = new CompletableFuture[16 * MAX_BATCH];
        int size;
        boolean connected;

        @Override
        public void onConnected() {
            connected = true;
        }

        @Override
        public void onDisconnected(String reason) {
            connected = false;
        }

        @Override
        public void onTrade(Trade trade) {
        }

        @Override
        public void onTopOfBook(TopOfBook topOfBook) {
        }

        @Override
        public void onBookDelta(OrderBookDelta delta) {
        }

        @Override
        public void onExecutionReport(ExecutionReport report) {
            reports[size++] = report;
        }

        @Override
        public CompletionStage<Void> bookExecutionReport(ExecutionReport report) {
            CompletableFuture<ExecutionReport> booked = new CompletableFuture<>();
            durable[size] = booked;
            reports[size++] = report;
            return booked.thenApply(committed -> null);
        }

        @Override
        public void onInstrumentStatus(InstrumentId instrumentId, InstrumentStatus status, String reason) {
            // The simulated venue trades its one instrument throughout the run.
        }
    }

    /** What the engine resolves per order: the one simulated venue, connected while its session is up. */
    private final class Venues implements EngineCore.Venues {
        @Override
        public ExchangeAdapter adapter(String venueId) {
            return venueId.equals(VENUE_ID) ? venue : null;
        }

        @Override
        public boolean connected(String venueId) {
            return venueId.equals(VENUE_ID) && queue.connected;
        }

        @Override
        public Venue venue(String venueId) {
            return venueId.equals(VENUE_ID) ? venue.venue() : null;
        }

        @Override
        public Optional<Instrument> instrument(InstrumentId instrumentId) {
            return instrumentId.equals(instrument.id()) ? instrumentFound : Optional.empty();
        }

        @Override
        public boolean halted(InstrumentId instrumentId) {
            return false;
        }
    }
}
