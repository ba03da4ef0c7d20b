package io.alphintra.benchmarks.engine;

import io.alphintra.engine.TradingEngine;
import io.alphintra.engine.internal.strategy.BenchStrategies;
import io.alphintra.engine.internal.strategy.StrategyHost;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.OrderBookDelta;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.venue.InstrumentStatus;
import io.alphintra.sdk.venue.VenueListener;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The strategy host alone: the benchmark thread plays the engine thread and hands the {@link FeedAdapter}'s trades
 * (one reused event object) straight to {@link StrategyHost#onTrade}, and a counting strategy receives them on its
 * own thread. One operation = one trade, counted once the strategy has it. With {@code -prof gc},
 * {@code gc.alloc.rate.norm} is what the host allocates per trade on both threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(StrategyHostBenchmark.EVENTS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class StrategyHostBenchmark {
    static final int EVENTS = 100_000;

    private final AtomicLong received = new AtomicLong();
    private final FeedAdapter feed = new FeedAdapter();
    private Path home;
    private StrategyHost host;

    @Setup(Level.Trial)
    public void start() throws Exception {
        home = Files.createTempDirectory("alphintra-host-bench");
        System.setProperty("karaf.home", home.toString());
        host = BenchStrategies.host(marketDataOnlyEngine());
        CountingStrategyFactory counting = new CountingStrategyFactory(received);
        BenchStrategies.run(host, counting, "host-1", FeedAdapter.INSTRUMENT.id(), 1 << 18);
        counting.awaitSubscribed();
        feed.connect(new TradesToHost(host));
    }

    @Benchmark
    public long deliver() {
        long target = received.get() + EVENTS;
        for (int i = 0; i < EVENTS; i++) {
            feed.publish(10_000 + (i & 63), i);
        }
        while (received.get() < target) {
            Thread.yield(); // on 2 vCPUs the strategy's thread needs this core more than we do
        }
        return target;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        String state = BenchStrategies.state(host, "host-1");
        BenchStrategies.stop(host);
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        if (!state.startsWith("RUNNING")) {
            throw new IllegalStateException("the strategy ended " + state);
        }
    }

    /** An engine that takes the host's listener and subscriptions and has nothing else: the host needs no more. */
    private static TradingEngine marketDataOnlyEngine() {
        return (TradingEngine) Proxy.newProxyInstance(TradingEngine.class.getClassLoader(),
                new Class<?>[] {TradingEngine.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "addListener", "removeListener", "subscribe", "unsubscribe" -> null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "market-data-only engine";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The engine's part without the engine: what the venue hands over goes to the host at once. */
    private record TradesToHost(StrategyHost host) implements VenueListener {
        @Override
        public void onTrade(Trade trade) {
            host.onTrade(trade);
        }

        @Override
        public void onConnected() {
        }

        @Override
        public void onDisconnected(String reason) {
        }

        @Override
        public void onTopOfBook(TopOfBook topOfBook) {
        }

        @Override
        public void onBookDelta(OrderBookDelta delta) {
        }

        @Override
        public void onExecutionReport(ExecutionReport report) {
        }

        @Override
        public CompletionStage<Void> bookExecutionReport(ExecutionReport report) {
            // Nothing here journals; saying "booked" would let a venue forget a report no one kept.
            return CompletableFuture.failedFuture(new UnsupportedOperationException(
                    "the strategy host benchmark's listener books no execution reports: " + report.execId()));
        }

        @Override
        public void onInstrumentStatus(InstrumentId instrumentId, InstrumentStatus status, String reason) {
        }
    }
}
