package io.alphintra.alerts.internal;

import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A subscriber (and delivery consumer) that keeps what it hears, and when it heard it, for tests to wait on. */
final class Recorder implements AlertSubscriber, java.util.function.Consumer<AlertRecord> {
    private final List<AlertRecord> records = new ArrayList<>();
    private final List<Long> receivedAtNanos = new ArrayList<>();

    @Override
    public synchronized void onAlert(AlertRecord record) {
        records.add(record);
        receivedAtNanos.add(System.nanoTime());
        notifyAll();
    }

    @Override
    public void accept(AlertRecord record) {
        onAlert(record);
    }

    synchronized List<AlertRecord> records() {
        return List.copyOf(records);
    }

    synchronized List<Long> receivedAtNanos() {
        return List.copyOf(receivedAtNanos);
    }

    /** Waits until the records heard satisfy {@code condition}; fails after {@code millis}. */
    synchronized List<AlertRecord> await(Predicate<List<AlertRecord>> condition, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.test(records)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("not heard within " + millis + " ms; heard " + records);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return List.copyOf(records);
    }

    synchronized List<AlertRecord> awaitCount(int count, long millis) throws InterruptedException {
        return await(heard -> heard.size() >= count, millis);
    }
}
