package io.alphintra.alerts.internal;

import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertSubscriber;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AlertSubscriber} services, each with a thread and a bounded queue of its own (a lane), so that one that
 * throws, sleeps or never returns costs only its own deliveries. A watchdog logs a call that runs over its budget and
 * interrupts it; a lane whose queue is full drops the alert for that subscriber only, and says so.
 */
final class Subscribers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Subscribers.class);

    private final long budgetNanos;
    private final int capacity;
    private final Map<Object, Lane> lanes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "alphintra-alerts-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param budget how long one call may run before it is logged and interrupted
     * @param capacity alerts that may wait for one subscriber
     */
    Subscribers(Duration budget, int capacity) {
        this.budgetNanos = budget.toNanos();
        this.capacity = capacity;
        long period = Math.max(10, budget.toMillis() / 4);
        watchdog.scheduleWithFixedDelay(this::watch, period, period, TimeUnit.MILLISECONDS);
    }

    /** Starts delivering to {@code subscriber}, known in logs as {@code name}, until {@link #remove(Object)}. */
    void add(Object key, String name, AlertSubscriber subscriber) {
        Lane lane = new Lane(name, subscriber);
        Lane previous = lanes.put(key, lane);
        if (previous != null) {
            previous.stop();
        }
        lane.thread.start();
    }

    void remove(Object key) {
        Lane lane = lanes.remove(key);
        if (lane != null) {
            lane.stop();
        }
    }

    /** Queues {@code record} for every subscriber; never waits. */
    void dispatch(AlertRecord record) {
        for (Lane lane : lanes.values()) {
            lane.offer(record);
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        lanes.values().forEach(Lane::stop);
        lanes.clear();
    }

    private void watch() {
        long now = System.nanoTime();
        for (Lane lane : lanes.values()) {
            lane.checkBudget(now);
        }
    }

    private final class Lane implements Runnable {
        final String name;
        final AlertSubscriber subscriber;
        final ArrayBlockingQueue<AlertRecord> queue = new ArrayBlockingQueue<>(capacity);
        final Thread thread;
        final AtomicLong dropped = new AtomicLong();
        volatile boolean running = true;
        /** Guarded by this lane: when the current call started, 0 between calls. */
        long callStarted;
        long callAlert;
        boolean overrunReported;

        Lane(String name, AlertSubscriber subscriber) {
            this.name = name;
            this.subscriber = subscriber;
            this.thread = new Thread(this, "alphintra-alerts-subscriber " + name);
            thread.setDaemon(true);
        }

        void offer(AlertRecord record) {
            if (queue.offer(record)) {
                long missed = dropped.getAndSet(0);
                if (missed > 0) {
                    LOG.warn("Alert subscriber {} missed {} alerts while {} were waiting for it; delivering again",
                            name, missed, capacity);
                }
            } else if (dropped.getAndIncrement() == 0) {
                LOG.warn("Alert subscriber {} is {} alerts behind (stuck in a call?): alert {} and those after it are"
                        + " dropped for it until it catches up; other subscribers are not affected", name, capacity,
                        record.id());
            }
        }

        @Override
        public void run() {
            while (running) {
                AlertRecord record;
                try {
                    record = queue.take();
                } catch (InterruptedException e) {
                    continue; // stop() or a watchdog interrupt that came as a call ended: running decides
                }
                synchronized (this) {
                    callStarted = System.nanoTime();
                    callAlert = record.id();
                    overrunReported = false;
                }
                try {
                    subscriber.onAlert(record);
                } catch (Throwable t) {
                    // A subscriber is plugin code: any Throwable is its own failure, and costs only this delivery.
                    LOG.warn("Alert subscriber {} failed on alert {}; it is not delivered to it again", name,
                            record.id(), t);
                } finally {
                    synchronized (this) {
                        long took = System.nanoTime() - callStarted;
                        callStarted = 0;
                        Thread.interrupted(); // the watchdog's interrupt belongs to the call that ended
                        if (overrunReported) {
                            LOG.warn("Alert subscriber {} returned from alert {} after {} ms", name, record.id(),
                                    TimeUnit.NANOSECONDS.toMillis(took));
                        }
                    }
                }
            }
        }

        synchronized void checkBudget(long now) {
            if (callStarted != 0 && !overrunReported && now - callStarted > budgetNanos) {
                overrunReported = true;
                LOG.warn("Alert subscriber {} has run {} ms on alert {}, over its budget of {} ms: interrupted;"
                        + " alerts wait for it (up to {}), other subscribers are not held up", name,
                        TimeUnit.NANOSECONDS.toMillis(now - callStarted), callAlert,
                        TimeUnit.NANOSECONDS.toMillis(budgetNanos), capacity);
                thread.interrupt();
            }
        }

        void stop() {
            running = false;
            thread.interrupt();
        }
    }
}
