package io.alphintra.benchmarks.matching;

import io.alphintra.simexchange.internal.matching.OrderBook;
import org.HdrHistogram.Histogram;

/**
 * Our book's latency at an offered rate: command i is due at start + i / rate, and its latency is measured from
 * when it was due, not when it was sent, so time spent behind schedule counts (no coordinated omission). The JIT is
 * warmed by unpaced replays on throwaway books first. Service time (the command alone) is reported beside it, so that
 * time lost to the scheduler on a busy machine can be told apart from time spent in the book, and so are the bytes the
 * measuring thread allocated per command.
 *
 * <pre>java -cp target/benchmarks.jar io.alphintra.benchmarks.matching.LatencyMain [rate/s] [commands]</pre>
 */
public final class LatencyMain {

    private LatencyMain() {
    }

    public static void main(String[] args) {
        long rate = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        int commands = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        OrderFlow flow = OrderFlow.generate(MatchingThroughputBenchmark.SEED, commands,
                MatchingThroughputBenchmark.RESTING, MatchingThroughputBenchmark.USERS);
        long sink = 0;
        for (int warmup = 0; warmup < 5; warmup++) {
            sink += new OurEngineDriver(MatchingThroughputBenchmark.RESTING * 4).replay(flow);
        }

        OurEngineDriver driver = new OurEngineDriver(MatchingThroughputBenchmark.RESTING * 4);
        OrderBook book = driver.book();
        Histogram histogram = new Histogram(10_000_000_000L, 3);
        Histogram service = new Histogram(10_000_000_000L, 3);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < flow.size; i++) {
            long due = start + i * interval;
            long sent;
            while ((sent = System.nanoTime()) < due) {
                Thread.onSpinWait();
            }
            OrderFlow.replay(flow, i, book);
            long done = System.nanoTime();
            histogram.recordValue(done - due);
            service.recordValue(done - sent);
        }
        long elapsed = System.nanoTime() - start;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

        System.out.printf("offered %,d commands/s, %,d commands in %.2f s (achieved %,d/s), sink %d%n", rate,
                flow.size, elapsed / 1e9, flow.size * 1_000_000_000L / elapsed, sink);
        print("latency from due time", histogram);
        print("service time", service);
        System.out.printf("allocated %,d bytes in the paced run (%.3f bytes/command), live orders at end %,d%n",
                allocated, (double) allocated / flow.size, book.liveOrders());
    }

    private static void print(String what, Histogram histogram) {
        System.out.printf("%s, ns: p50 %,d  p90 %,d  p99 %,d  p99.9 %,d  p99.99 %,d  max %,d%n", what,
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9),
                histogram.getValueAtPercentile(99.99), histogram.getMaxValue());
    }
}
