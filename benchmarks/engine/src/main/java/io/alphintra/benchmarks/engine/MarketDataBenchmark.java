package io.alphintra.benchmarks.engine;

import io.alphintra.engine.internal.BenchEngine;
import io.alphintra.engine.internal.core.CallScopedListener;
import io.alphintra.engine.internal.strategy.BenchStrategies;
import io.alphintra.engine.internal.strategy.StrategyHost;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.strategy.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Market data through the production engine to a strategy: trades enter as an exchange adapter's feed thread hands
 * them over ({@code VenueListener.onTrade}, the engine's multi-producer ring), the engine thread applies them (market
 * cache, portfolio marks) and publishes them to its listeners. One operation = one trade, counted once the receiver
 * has it:
 * <ul>
 *   <li>{@code listener}: an engine listener on the engine thread (no strategy host) that reads each trade during
 *   the call, as the strategy host does, so it is handed the engine's flyweight;</li>
 *   <li>{@code strategy}: a real {@link Strategy} on the production {@link StrategyHost} (its own thread and bounded
 *   queue: one more thread hop per event, ADR 0006).</li>
 * </ul>
 * {@link StrategyHostBenchmark} measures the host alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(MarketDataBenchmark.EVENTS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class MarketDataBenchmark {
    static final int EVENTS = 200_000;

    @Param({"listener", "strategy"})
    public String receiver;

    @Param({"sleeping"})
    public String waitStrategy;

    private final AtomicLong received = new AtomicLong();
    private Path home;
    private BenchEngine bench;
    private FeedAdapter feed;
    private StrategyHost host;
    private long price = 10_000;

    @Setup(Level.Trial)
    public void start() throws Exception {
        home = Files.createTempDirectory("alphintra-md-bench");
        System.setProperty("karaf.home", home.toString());
        bench = BenchEngine.start(home.resolve("journal"), "write", waitStrategy, 65536);
        feed = new FeedAdapter();
        bench.addVenue(feed);
        if (receiver.equals("listener")) {
            bench.engine().addListener(new CallScopedListener() {
                private long count;

                @Override
                public void onTrade(Trade trade) {
                    received.lazySet(++count);
                }
            });
        } else {
            host = BenchStrategies.host(bench.engine());
            CountingStrategyFactory counting = new CountingStrategyFactory(received);
            BenchStrategies.run(host, counting, "md-1", FeedAdapter.INSTRUMENT.id(), 1 << 22);
            counting.awaitSubscribed();
        }
    }

    @Benchmark
    public long publish() {
        long target = received.get() + EVENTS;
        for (int i = 0; i < EVENTS; i++) {
            feed.publish(price + (i & 63), i);
        }
        while (received.get() < target) {
            Thread.yield(); // on 2 vCPUs the receivers need this core more than we do
        }
        return target;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        if (host != null) {
            String state = BenchStrategies.state(host, "md-1");
            BenchStrategies.stop(host);
            if (!state.startsWith("RUNNING")) {
                throw new IllegalStateException("the strategy ended " + state);
            }
        }
        bench.close();
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
