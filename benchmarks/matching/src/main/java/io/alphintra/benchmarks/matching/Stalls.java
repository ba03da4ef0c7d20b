package io.alphintra.benchmarks.matching;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The times the measuring thread did not make progress: gaps longer than a threshold between two consecutive clock
 * reads, either while it waited for a command's due time or across one command. Recording goes into arrays sized up
 * front, so it allocates nothing while measuring.
 *
 * <p>After the run each stall is attributed: to a JVM safepoint (GC pauses included) when one of the JVM's
 * {@code -Xlog:safepoint} records overlaps it, otherwise to the operating system, which is checked against the
 * thread's own scheduler counters ({@code /proc/thread-self}): the time it spent runnable but waiting for a CPU, and
 * how often it was preempted. What neither explains is the book's own work (only possible for a stall during a
 * command) or the virtual CPU itself not running (hypervisor, interrupts), which the guest kernel counts only
 * machine-wide and in whole clock ticks, as steal and interrupt time.
 */
final class Stalls {

    /** A safepoint log line with the {@code uptimenanos} decorator: time at its end, operation, total length. */
    private static final Pattern SAFEPOINT =
            Pattern.compile("^\\[(\\d+)ns\\] Safepoint \"([^\"]+)\".*Total: (\\d+) ns");
    /** Clock reads are tens of nanoseconds apart, so a safepoint record within this of a stall belongs to it. */
    private static final long MATCH_SLACK_NANOS = 20_000;

    private final long thresholdNanos;
    private final long[] from;
    private final long[] to;
    private final boolean[] inCommand;
    private int count;
    private long unrecorded;
    private Counters before;
    private Counters after;

    Stalls(long thresholdNanos, int capacity) {
        this.thresholdNanos = thresholdNanos;
        this.from = new long[capacity];
        this.to = new long[capacity];
        this.inCommand = new boolean[capacity];
    }

    void record(long fromNanos, long toNanos, boolean duringCommand) {
        if (count == from.length) {
            unrecorded++;
            return;
        }
        from[count] = fromNanos;
        to[count] = toNanos;
        inCommand[count] = duringCommand;
        count++;
    }

    void start() {
        before = Counters.read();
    }

    void stop() {
        after = Counters.read();
    }

    /**
     * Prints the stalls and what caused them.
     *
     * @param runStart nanoTime the run started at, to print when each stall happened
     * @param safepointLog the file of {@code -Xlog:safepoint:file=...:uptimenanos}, or null
     */
    void report(long runStart, Path safepointLog) throws IOException {
        List<long[]> safepoints = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (safepointLog != null) {
            long jvmStart = jvmStartNanoTime();
            for (String line : Files.readAllLines(safepointLog)) {
                Matcher m = SAFEPOINT.matcher(line);
                if (m.find()) {
                    long end = jvmStart + Long.parseLong(m.group(1));
                    safepoints.add(new long[] {end - Long.parseLong(m.group(3)), end});
                    names.add(m.group(2));
                }
            }
        }
        long total = 0;
        long longest = 0;
        long atSafepoint = 0;
        int bySafepoint = 0;
        int duringCommand = 0;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long length = to[i] - from[i];
            total += length;
            longest = Math.max(longest, length);
            duringCommand += inCommand[i] ? 1 : 0;
            long overlap = 0;
            List<String> ops = new ArrayList<>();
            for (int s = 0; s < safepoints.size(); s++) {
                long[] sp = safepoints.get(s);
                long o = Math.min(to[i], sp[1] + MATCH_SLACK_NANOS) - Math.max(from[i], sp[0] - MATCH_SLACK_NANOS);
                if (o > 0) {
                    overlap += Math.min(o, sp[1] - sp[0]);
                    ops.add(names.get(s) + " " + (sp[1] - sp[0]) / 1_000 + " µs");
                }
            }
            if (!ops.isEmpty()) {
                bySafepoint++;
                atSafepoint += overlap;
            }
            lines.add(String.format("  at %,.3f ms: %,d µs %s%s", (from[i] - runStart) / 1e6, length / 1_000,
                    inCommand[i] ? "during a command" : "while waiting", ops.isEmpty() ? "" : ", safepoint " + ops));
        }
        System.out.printf("stalls > %d µs: %,d (%,d not recorded), %,d during a command, total %,.3f ms, longest"
                + " %,d µs%n", thresholdNanos / 1_000, count, unrecorded, duringCommand, total / 1e6,
                longest / 1_000);
        System.out.printf("  at a safepoint: %,d stalls, %,.3f ms%s%n", bySafepoint, atSafepoint / 1e6,
                safepointLog == null ? " (no safepoint log given: run with -Xlog:safepoint:file=F:uptimenanos)"
                        : " (" + safepoints.size() + " safepoints logged in the whole JVM run)");
        System.out.printf("  GC during the run: %,d collections, %,d ms%n", after.gcCount - before.gcCount,
                after.gcMillis - before.gcMillis);
        if (before.runQueueNanos >= 0 && after.runQueueNanos >= 0) {
            System.out.printf("  scheduler, measuring thread: %,.3f ms runnable but waiting for a CPU, %,d"
                    + " involuntary context switches%n", (after.runQueueNanos - before.runQueueNanos) / 1e6,
                    after.involuntarySwitches - before.involuntarySwitches);
            // A vCPU the hypervisor deschedules, or one busy in interrupts, stops the thread without the guest's
            // scheduler counting it as waiting; the kernel counts both only in clock ticks (usually 10 ms).
            System.out.printf("  machine, all CPUs, in clock ticks: steal %,d, interrupts %,d%n",
                    after.stealTicks - before.stealTicks, after.interruptTicks - before.interruptTicks);
        }
        lines.stream().limit(20).forEach(System.out::println);
        if (lines.size() > 20) {
            System.out.printf("  ... %,d more%n", lines.size() - 20);
        }
    }

    /**
     * {@code System.nanoTime()} at the JVM's start, the origin of the log's {@code uptimenanos}: found at the moment
     * the millisecond uptime ticks, so it is right to within a few microseconds, not a millisecond.
     */
    private static long jvmStartNanoTime() {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        long first = runtime.getUptime();
        long now;
        long uptime;
        do {
            now = System.nanoTime();
            uptime = runtime.getUptime();
        } while (uptime == first);
        return now - uptime * 1_000_000L;
    }

    /** What the JVM and the kernel counted for the calling thread; -1 where /proc is not there. */
    private record Counters(long gcCount, long gcMillis, long runQueueNanos, long involuntarySwitches,
            long stealTicks, long interruptTicks) {

        static Counters read() {
            long gcs = 0;
            long gcMillis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcs += gc.getCollectionCount();
                gcMillis += gc.getCollectionTime();
            }
            try {
                // schedstat: time on the CPU, time runnable but waiting for one, timeslices.
                long runQueue = Long.parseLong(Files.readString(Path.of("/proc/thread-self/schedstat")).trim()
                        .split("\\s+")[1]);
                long involuntary = -1;
                for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
                    if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                        involuntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                    }
                }
                // The machine's "cpu" line: user nice system idle iowait irq softirq steal ..., in clock ticks.
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                return new Counters(gcs, gcMillis, runQueue, involuntary, Long.parseLong(cpu[8]),
                        Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]));
            } catch (IOException | RuntimeException notLinux) {
                return new Counters(gcs, gcMillis, -1, -1, -1, -1);
            }
        }
    }
}
