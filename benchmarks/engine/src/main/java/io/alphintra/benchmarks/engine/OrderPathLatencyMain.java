package io.alphintra.benchmarks.engine;

import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.order.OrderRequest;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import org.HdrHistogram.Histogram;

/**
 * Order-path latency at offered rates: order {@code i} of a run is due at start + i / rate and its latency is taken
 * from when it was due, not when it was sent, so time spent behind schedule counts (no coordinated omission).
 * Measured to two points, both as the engine's listeners see them: the engine's durable {@code PENDING_NEW} (gate,
 * journal, group commit) and the venue's {@code NEW} acknowledgement back in the engine (plus the hop to the venue
 * thread, the venue's matching, the hop back through the ring, a second journal commit). One engine serves every
 * rate in turn, after an unpaced warm-up.
 *
 * <pre>java -Xms4g -Xmx4g -cp target/benchmarks.jar io.alphintra.benchmarks.engine.OrderPathLatencyMain \
 *     [rates=10000,50000,100000,max] [seconds=3] [durability=write] [wait=sleeping] [mode=fill] [warmup=100000] [pacing=spin|yield]</pre>
 */
public final class OrderPathLatencyMain {
    /** Orders in an unpaced run (rate {@code max}): sustained orders/s, submit to venue acknowledgement. */
    private static final int MAX_RUN = 200_000;

    private OrderPathLatencyMain() {
    }

    public static void main(String[] args) throws Exception {
        String[] rateTexts = (args.length > 0 ? args[0] : "10000,50000,100000").split(",");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        String durability = args.length > 2 ? args[2] : "write";
        String wait = args.length > 3 ? args[3] : "sleeping";
        String mode = args.length > 4 ? args[4] : "fill";
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 100_000;
        boolean yieldWhileWaiting = args.length > 6 && args[6].equals("yield");
        long[] rates = new long[rateTexts.length];
        int total = warmup;
        for (int r = 0; r < rates.length; r++) {
            rates[r] = rateTexts[r].trim().equals("max") ? 0 : Long.parseLong(rateTexts[r].trim());
            total += rates[r] == 0 ? MAX_RUN : (int) (rates[r] * seconds);
        }
        System.out.printf("durability %s, wait strategy %s, flow %s, %,d warm-up orders, %.1f s per rate, %s%n",
                durability, wait, mode, warmup, seconds, Runtime.version());
        try (OrderRig rig = new OrderRig(durability, wait, mode, total)) {
            TradingEngine engine = rig.engine();
            OrderRig.Acks acks = rig.acks();
            int next = 0;
            // Warm-up: unpaced, at most 4,096 orders in flight (the venue's ring refuses beyond 65,536).
            OrderRequest[] orders = rig.orders(next, warmup);
            long warmupStart = System.nanoTime();
            for (int k = 0; k < warmup; k++) {
                while (k - acks.acked.get() > 4_096) {
                    Thread.yield();
                }
                engine.send(orders[k], "bench");
            }
            next += warmup;
            rig.awaitAcks(next, 60);
            long warmupNanos = System.nanoTime() - warmupStart;
            System.out.printf("warm-up: %,d orders acknowledged in %.2f s (%,d/s unpaced, <= 4,096 in flight), %,d"
                    + " rejected%n", warmup, warmupNanos / 1e9, warmup * 1_000_000_000L / warmupNanos,
                    acks.rejected.get());

            for (long rate : rates) {
                if (rate == 0) {
                    orders = rig.orders(next, MAX_RUN);
                    settle();
                    long start = System.nanoTime();
                    for (int k = 0; k < MAX_RUN; k++) {
                        while (k - (acks.acked.get() - next) > 4_096) {
                            Thread.yield();
                        }
                        engine.send(orders[k], "bench");
                    }
                    rig.awaitAcks(next + MAX_RUN, 60);
                    long elapsed = System.nanoTime() - start;
                    next += MAX_RUN;
                    System.out.printf("%nunpaced (<= 4,096 in flight): %,d orders acknowledged in %.2f s = %,d orders/s%n",
                            MAX_RUN, elapsed / 1e9, MAX_RUN * 1_000_000_000L / elapsed);
                    continue;
                }
                int count = (int) (rate * seconds);
                orders = rig.orders(next, count);
                long[] due = new long[count];
                long[] sent = new long[count];
                settle();
                long interval = 1_000_000_000L / rate;
                long start = System.nanoTime() + 1_000_000;
                for (int k = 0; k < count; k++) {
                    long dueAt = start + k * interval;
                    long now;
                    while ((now = System.nanoTime()) < dueAt) {
                        if (yieldWhileWaiting) {
                            Thread.yield(); // on a machine with fewer cores than busy threads
                        } else {
                            Thread.onSpinWait();
                        }
                    }
                    due[k] = dueAt;
                    sent[k] = now;
                    engine.send(orders[k], "bench");
                }
                long elapsed = System.nanoTime() - start;
                rig.awaitAcks(next + count, 60);
                Histogram pendingNew = new Histogram(60_000_000_000L, 3);
                Histogram ack = new Histogram(60_000_000_000L, 3);
                Histogram ackService = new Histogram(60_000_000_000L, 3);
                for (int k = 0; k < count; k++) {
                    int i = next + k;
                    pendingNew.recordValue(Math.max(0, acks.pendingNewAt[i] - due[k]));
                    ack.recordValue(Math.max(0, acks.ackAt[i] - due[k]));
                    ackService.recordValue(Math.max(0, acks.ackAt[i] - sent[k]));
                }
                next += count;
                System.out.printf("%noffered %,d orders/s: %,d orders sent in %.2f s (%,d/s), %,d rejected so far%n",
                        rate, count, elapsed / 1e9, count * 1_000_000_000L / elapsed, acks.rejected.get());
                print("  engine PENDING_NEW, from due", pendingNew);
                print("  venue NEW ack,      from due", ack);
                print("  venue NEW ack,     from send", ackService);
            }
        }
    }

    /**
     * Collects the previous run's garbage, then waits until the JIT compiler has been idle for 100 ms (at most 5 s),
     * so that neither a collection nor a compilation the last run set off lands inside the next one's clock.
     */
    private static void settle() throws InterruptedException {
        System.gc();
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        long deadline = System.nanoTime() + 5_000_000_000L;
        long compiled = compiler.getTotalCompilationTime();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < 100_000_000L && System.nanoTime() < deadline) {
            Thread.sleep(10);
            long now = compiler.getTotalCompilationTime();
            if (now != compiled) {
                compiled = now;
                quietSince = System.nanoTime();
            }
        }
    }

    private static void print(String what, Histogram histogram) {
        System.out.printf("%s, µs: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n", what,
                histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
                histogram.getMaxValue() / 1e3);
    }
}
