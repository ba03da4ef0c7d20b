package io.alphintra.benchmarks.engine;

import java.lang.management.ManagementFactory;

/**
 * The engine thread's bytes per order inside {@link OrderPathBenchmark}'s shots, which {@code -prof gc} cannot tell
 * apart from the per-shot setup: it counts the fresh engine each shot starts with, pre-sized indexes included. Here
 * the thread's own allocation counter is read around the shot alone.
 *
 * <pre>java -Xms4g -Xmx4g -Xmn2g -cp target/benchmarks.jar io.alphintra.benchmarks.engine.OrderPathAllocationMain \
 *     [batch=64] [reports=none|listener] [shots=8]</pre>
 */
public final class OrderPathAllocationMain {
    private OrderPathAllocationMain() {
    }

    public static void main(String[] args) throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        OrderPathBenchmark benchmark = new OrderPathBenchmark();
        benchmark.batch = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        benchmark.reports = args.length > 1 ? args[1] : "none";
        int shots = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        benchmark.buildFlow();
        for (int shot = 1; shot <= shots; shot++) {
            benchmark.start();
            long before = threads.getCurrentThreadAllocatedBytes();
            benchmark.orders();
            long bytes = threads.getCurrentThreadAllocatedBytes() - before;
            benchmark.stop();
            System.out.printf("shot %d: %.1f B/order%n", shot, (double) bytes / OrderPathBenchmark.ORDERS);
        }
    }
}
