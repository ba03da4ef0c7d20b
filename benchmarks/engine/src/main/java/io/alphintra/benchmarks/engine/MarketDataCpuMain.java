package io.alphintra.benchmarks.engine;

import io.alphintra.engine.internal.BenchEngine;
import io.alphintra.engine.internal.strategy.BenchStrategies;
import io.alphintra.engine.internal.strategy.StrategyHost;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Market data through the production engine to a strategy, in CPU time per event of each thread on the path: the
 * feed (an adapter's thread handing trades to the engine's ring), the engine thread (market cache, marks, the
 * strategy host's dispatch into the instance's ring) and the strategy's thread (its callback). {@link
 * MarketDataBenchmark} gives wall-clock events/s, which on two vCPUs measures how the scheduler shares two cores
 * between three busy threads; the sum of the threads' CPU time per event is what the path costs, so its inverse is
 * the rate one core would sustain if the stages took turns on it without the hand-offs' waiting.
 *
 * <pre>java -Xms2g -Xmx2g -cp target/benchmarks.jar io.alphintra.benchmarks.engine.MarketDataCpuMain [events=5000000] [runs=5]</pre>
 */
public final class MarketDataCpuMain {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private MarketDataCpuMain() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf(Locale.ROOT, "market data → engine → strategy, CPU time per event; JVM %s, %d CPUs, "
                        + "max heap %,d MB%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        Path home = Files.createTempDirectory("alphintra-md-cpu");
        System.setProperty("karaf.home", home.toString());
        AtomicLong received = new AtomicLong();
        try (BenchEngine bench = BenchEngine.start(home.resolve("journal"), "write", "sleeping", 65536)) {
            FeedAdapter feed = new FeedAdapter();
            bench.addVenue(feed);
            StrategyHost host = BenchStrategies.host(bench.engine());
            CountingStrategyFactory counting = new CountingStrategyFactory(received);
            BenchStrategies.run(host, counting, "md-1", FeedAdapter.INSTRUMENT.id(), 1 << 22);
            counting.awaitSubscribed();
            Map<String, Long> ids = threadIds();
            long engine = ids.getOrDefault("alphintra-engine", -1L);
            long strategy = ids.getOrDefault("alphintra-strategy-md-1", -1L);
            if (engine < 0 || strategy < 0) {
                throw new IllegalStateException("engine or strategy thread not found among " + ids.keySet());
            }
            long price = 10_000;
            for (int run = -1; run < runs; run++) { // run -1 warms up
                long target = received.get() + events;
                long feedCpu = THREADS.getCurrentThreadCpuTime();
                long engineCpu = THREADS.getThreadCpuTime(engine);
                long strategyCpu = THREADS.getThreadCpuTime(strategy);
                long start = System.nanoTime();
                for (int i = 0; i < events; i++) {
                    feed.publish(price + (i & 63), i);
                }
                while (received.get() < target) {
                    Thread.yield();
                }
                long wall = System.nanoTime() - start;
                // The feed thread's waiting (yield) above is not the path's work: its CPU is counted up to the
                // last publish only when nothing was left to wait for, so it is an upper bound.
                double feedNs = (double) (THREADS.getCurrentThreadCpuTime() - feedCpu) / events;
                double engineNs = (double) (THREADS.getThreadCpuTime(engine) - engineCpu) / events;
                double strategyNs = (double) (THREADS.getThreadCpuTime(strategy) - strategyCpu) / events;
                if (run >= 0) {
                    System.out.printf(Locale.ROOT, "run %d: wall %,.0f events/s | CPU ns/event: feed ≤ %.1f, engine "
                                    + "%.1f, strategy %.1f | engine+strategy %.1f ns = %,.1f M events/s per core | "
                                    + "all three %.1f ns = %,.1f M/s per core%n", run, events * 1e9 / wall, feedNs,
                            engineNs, strategyNs, engineNs + strategyNs, 1e3 / (engineNs + strategyNs),
                            feedNs + engineNs + strategyNs, 1e3 / (feedNs + engineNs + strategyNs));
                }
            }
            String state = BenchStrategies.state(host, "md-1");
            BenchStrategies.stop(host);
            if (!state.startsWith("RUNNING")) {
                throw new IllegalStateException("the strategy ended " + state);
            }
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Map<String, Long> threadIds() {
        return Thread.getAllStackTraces().keySet().stream()
                .collect(Collectors.toMap(Thread::getName, Thread::getId, (a, b) -> a));
    }
}
