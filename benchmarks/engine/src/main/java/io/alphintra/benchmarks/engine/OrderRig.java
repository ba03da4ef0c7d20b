package io.alphintra.benchmarks.engine;

import io.alphintra.engine.EngineListener;
import io.alphintra.engine.TradingEngine;
import io.alphintra.engine.internal.BenchEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.simexchange.internal.venue.BenchVenues;
import io.alphintra.simexchange.internal.venue.SimulatedVenue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The order path as production wires it: the engine component (gate with an allow-all rule set, journal on a temp
 * directory, portfolio, Disruptor ring) with one in-process simulated venue. Orders are numbered: order {@code i}
 * has client order id {@code o<i>}, and the engine-side listener stamps when its durable {@code PENDING_NEW} and its
 * first venue report (the venue's {@code NEW} acknowledgement) reached the engine's listeners.
 *
 * <p>Flows: {@code fill} alternates a buy of account ACC-1 that rests and a sell of ACC-2 at the same price that
 * fills against it (every order is acknowledged, every second trades, the book stays small); {@code rest} sends buys
 * below the market that all rest.
 */
final class OrderRig implements AutoCloseable {
    static final String VENUE = "SIMX";
    static final long PRICE = 100_00;

    private final Path home;
    private final BenchEngine bench;
    private final SimulatedVenue venue;
    private final Instrument instrument;
    private final Acks acks;
    private final String mode;
    private final Attribution buyer = new Attribution("bench-orders", "trader-1", "ACC-1", "desk", "client");
    private final Attribution seller = new Attribution("bench-orders", "trader-2", "ACC-2", "desk", "client");

    OrderRig(String durability, String waitStrategy, String mode, int capacity) throws IOException {
        if (!mode.equals("fill") && !mode.equals("rest")) {
            throw new IllegalArgumentException("mode: fill or rest");
        }
        this.mode = mode;
        home = Files.createTempDirectory("alphintra-engine-bench");
        System.setProperty("karaf.home", home.toString());
        bench = BenchEngine.start(home.resolve("journal"), durability, waitStrategy, 65536);
        bench.addRuleSet(new AllowAllRuleSet());
        venue = BenchVenues.create(VENUE, "BENCH", 1 << 16);
        venue.start();
        bench.addVenue(venue);
        instrument = venue.instruments().toCompletableFuture().join().get(0);
        acks = new Acks(capacity);
        bench.engine().addListener(acks);
        awaitConnected();
    }

    TradingEngine engine() {
        return bench.engine();
    }

    Acks acks() {
        return acks;
    }

    /** Orders {@code from} .. {@code from + count - 1} of the flow. */
    OrderRequest[] orders(int from, int count) {
        OrderRequest[] orders = new OrderRequest[count];
        for (int k = 0; k < count; k++) {
            int i = from + k;
            ClientOrderId id = ClientOrderId.of("o" + i);
            if (mode.equals("rest")) {
                orders[k] = OrderRequest.limit(id, instrument, Side.BUY, 1, PRICE - 100, TimeInForce.GTC, buyer);
            } else if (i % 2 == 0) {
                orders[k] = OrderRequest.limit(id, instrument, Side.BUY, 1, PRICE, TimeInForce.GTC, buyer);
            } else {
                orders[k] = OrderRequest.limit(id, instrument, Side.SELL, 1, PRICE, TimeInForce.GTC, seller);
            }
        }
        return orders;
    }

    /** Waits until {@code count} orders have their first venue report. */
    void awaitAcks(long count, long timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (acks.acked.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + acks.acked.get() + " of " + count + " orders acknowledged in "
                        + timeoutSeconds + " s");
            }
            Thread.yield();
        }
    }

    /** The gate rejects orders until the venue's session is up (its CONNECT runs on the venue thread). */
    private void awaitConnected() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            OrderRequest probe = OrderRequest.limit(ClientOrderId.of("probe-" + attempt), instrument, Side.BUY, 1,
                    PRICE - 5_000, TimeInForce.IOC, buyer);
            ExecutionReport first = engine().submit(probe, "bench").toCompletableFuture().join();
            if (first.execType() == ExecType.PENDING_NEW) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("venue " + VENUE + " did not connect");
    }

    @Override
    public void close() throws IOException {
        bench.close();
        venue.stop("benchmark done");
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** On the engine thread: stamps reports of numbered orders; must stay cheap. */
    static final class Acks implements EngineListener {
        final long[] pendingNewAt;
        final long[] ackAt;
        final AtomicLong acked = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        private long ackedCount;

        Acks(int capacity) {
            pendingNewAt = new long[capacity];
            ackAt = new long[capacity];
        }

        @Override
        public void onReport(ExecutionReport report, String source, String strategyId) {
            String id = report.clientOrderId().value();
            if (id.charAt(0) != 'o') {
                return;
            }
            long now = System.nanoTime();
            int index = Integer.parseInt(id, 1, id.length(), 10);
            ExecType type = report.execType();
            if (type == ExecType.PENDING_NEW) {
                pendingNewAt[index] = now;
            } else if (ackAt[index] == 0 && (type == ExecType.NEW || type == ExecType.TRADE
                    || type == ExecType.REJECTED || type == ExecType.CANCELED)) {
                ackAt[index] = now;
                if (type == ExecType.REJECTED) {
                    rejected.lazySet(rejected.get() + 1);
                }
                acked.lazySet(++ackedCount);
            }
        }
    }
}
