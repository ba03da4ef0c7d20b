package io.alphintra.sdk.harness;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The strategy's timers in virtual time. Timers due at the same time fire in the order of their ids, so runs are
 * deterministic; a repeating timer fires at every period, since virtual time skips none.
 */
final class Timers {

    /** What {@link #pollDue(long)} answers when no timer is due. */
    static final long NONE = -1;

    private record Timer(long id, long dueNanos, long periodNanos) {
    }

    private final PriorityQueue<Timer> queue = new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.id, b.id));
    /** The live timer of each id; an entry of the queue that is not here was cancelled or rescheduled. */
    private final Map<Long, Timer> live = new HashMap<>();
    private long lastId;

    /** A timer first due {@code delayNanos} after {@code nowNanos}, then every {@code periodNanos} if positive. */
    long schedule(long nowNanos, long delayNanos, long periodNanos) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("delay = " + delayNanos + " ns: a timer cannot fire in the past");
        }
        Timer timer = new Timer(++lastId, Math.addExact(nowNanos, delayNanos), periodNanos);
        live.put(timer.id, timer);
        queue.add(timer);
        return timer.id;
    }

    boolean cancel(long id) {
        return live.remove(id) != null;
    }

    /** When the next timer is due, epoch nanoseconds; {@link Long#MAX_VALUE} if none. */
    long nextDueNanos() {
        dropStale();
        return queue.isEmpty() ? Long.MAX_VALUE : queue.peek().dueNanos;
    }

    /** The id of a timer due by {@code nowNanos}, taken off (or moved one period on), or {@link #NONE}. */
    long pollDue(long nowNanos) {
        if (nextDueNanos() > nowNanos) {
            return NONE;
        }
        Timer due = queue.poll();
        if (due.periodNanos > 0) {
            Timer next = new Timer(due.id, Math.addExact(due.dueNanos, due.periodNanos), due.periodNanos);
            live.put(next.id, next);
            queue.add(next);
        } else {
            live.remove(due.id);
        }
        return due.id;
    }

    private void dropStale() {
        while (!queue.isEmpty() && live.get(queue.peek().id) != queue.peek()) {
            queue.poll();
        }
    }
}
