package io.alphintra.benchmarks.matching;

import io.alphintra.simexchange.internal.matching.OrderBook;
import java.io.IOException;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;

/**
 * Our book's latency at an offered rate, open loop: command i is due at start + i / rate, whatever happened to the
 * commands before it, and its latency is measured from when it was due, not when it was sent, so time spent behind
 * schedule counts (no coordinated omission). One thread does everything: it spins until a command is due, applies
 * it to the book and stamps the completion. There is no generator thread to hand off from, so on a small machine the
 * harness does not compete with the book for a CPU, and what it measures is the book plus whatever stops the thread.
 *
 * <p>Service time (the command alone) is reported beside it, and so is every stall of the thread longer than the
 * goal (50 µs) with its cause (see {@link Stalls}), so that time lost to the scheduler or the JVM on a busy machine
 * can be told apart from time spent in the book; also the bytes the thread allocated per command. The JIT is warmed
 * by unpaced replays on throwaway books first.
 *
 * <pre>java -Xlog:safepoint:file=safepoints.log:uptimenanos -cp target/benchmarks.jar \
 *     io.alphintra.benchmarks.matching.LatencyMain [rate/s] [commands] [safepoints.log]</pre>
 */
public final class LatencyMain {

    /** The latency goal; a stall of the thread longer than this can break it on its own. */
    private static final long STALL_NANOS = 50_000;

    private LatencyMain() {
    }

    public static void main(String[] args) throws IOException {
        long rate = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        int commands = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        Path safepointLog = args.length > 2 ? Path.of(args[2]) : null;
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
        Stalls stalls = new Stalls(STALL_NANOS, 100_000);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long late = 0;
        stalls.start();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        long lastRead = start;
        for (int i = 0; i < flow.size; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long sent = System.nanoTime();
            while (true) {
                if (sent - lastRead > STALL_NANOS) {
                    stalls.record(lastRead, sent, false);
                }
                lastRead = sent;
                if (sent >= due) {
                    break;
                }
                Thread.onSpinWait();
                sent = System.nanoTime();
            }
            OrderFlow.replay(flow, i, book);
            long done = System.nanoTime();
            if (done - sent > STALL_NANOS) {
                stalls.record(sent, done, true);
            }
            lastRead = done;
            if (done - due > STALL_NANOS) {
                late++;
            }
            histogram.recordValue(done - due);
            service.recordValue(done - sent);
        }
        long elapsed = System.nanoTime() - start;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        stalls.stop();

        System.out.printf("offered %,d commands/s, %,d commands in %.2f s (achieved %,d/s), sink %d%n", rate,
                flow.size, elapsed / 1e9, flow.size * 1_000_000_000L / elapsed, sink);
        print("latency from due time", histogram);
        print("service time", service);
        System.out.printf("commands done more than %d µs after due: %,d (%.4f %%)%n", STALL_NANOS / 1_000, late,
                100.0 * late / flow.size);
        System.out.printf("allocated %,d bytes in the paced run (%.3f bytes/command), live orders at end %,d%n",
                allocated, (double) allocated / flow.size, book.liveOrders());
        stalls.report(start, safepointLog);
    }
    private static void print(String what, Histogram histogram) {
        System.out.printf("%s, ns: p50 %,d  p90 %,d  p99 %,d  p99.9 %,d  p99.99 %,d  max %,d%n", what,
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9),
                histogram.getValueAtPercentile(99.99), histogram.getMaxValue());
    }
}
