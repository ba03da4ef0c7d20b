package io.alphintra.streams.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The bounded hand-off between the threads that publish events (the engine thread, the alerts bundle's subscriber
 * thread) and the one dispatcher thread that encodes and writes them.
 *
 * <p>The engine calls its listeners on its own thread and must never wait on one, so {@link #offer} never blocks,
 * never takes a lock and never allocates: the slots are allocated once, a publisher claims one with a compare-and-set
 * on the tail (a bounded MPSC queue with per-slot sequence numbers, after Dmitry Vyukov's bounded queue) and fills in
 * the event object it was given. A full ring refuses the event at once and counts it as dropped.
 *
 * <p>Single consumer: {@link #poll} and {@link #await} are called on the dispatcher thread only.
 */
final class EventRing {
    static final int TOP_OF_BOOK = 1;
    static final int TRADE = 2;
    static final int REPORT = 3;
    static final int ALERT = 4;

    /** What the consumer is handed, one event at a time. */
    interface Consumer {
        void accept(int kind, Object event, String source, String strategy);
    }

    private final int mask;
    private final AtomicLongArray sequences;
    private final int[] kinds;
    private final Object[] events;
    private final String[] sources;
    private final String[] strategies;
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    /** The consumer's position; written by the consumer only. */
    private long head;
    private volatile Thread sleeper;

    /** @param capacity a power of two */
    EventRing(int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("ring capacity = " + capacity + ": must be a power of two, at least 2");
        }
        mask = capacity - 1;
        sequences = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            sequences.set(i, i);
        }
        kinds = new int[capacity];
        events = new Object[capacity];
        sources = new String[capacity];
        strategies = new String[capacity];
    }

    int capacity() {
        return mask + 1;
    }

    /**
     * Hands one event to the consumer, from any thread; returns at once.
     *
     * @return false when the ring was full: the event is dropped and counted
     */
    boolean offer(int kind, Object event, String source, String strategy) {
        long position = tail.get();
        int index;
        while (true) {
            index = (int) position & mask;
            long difference = sequences.get(index) - position;
            if (difference == 0) {
                if (tail.compareAndSet(position, position + 1)) {
                    break;
                }
                position = tail.get();
            } else if (difference < 0) {
                dropped.incrementAndGet();
                return false;
            } else {
                position = tail.get(); // another publisher took this slot; try the next
            }
        }
        kinds[index] = kind;
        events[index] = event;
        sources[index] = source;
        strategies[index] = strategy;
        // A volatile write, not a lazy one: the read of sleeper below must not move before it, or a consumer that
        // checked for events just before this publish and then parked would sleep through it.
        sequences.set(index, position + 1);
        Thread parked = sleeper;
        if (parked != null) {
            LockSupport.unpark(parked);
        }
        return true;
    }

    /**
     * Hands the oldest event to {@code consumer}. Consumer thread only.
     *
     * @return false when there was none
     */
    boolean poll(Consumer consumer) {
        long position = head;
        int index = (int) position & mask;
        if (sequences.get(index) != position + 1) {
            return false;
        }
        int kind = kinds[index];
        Object event = events[index];
        String source = sources[index];
        String strategy = strategies[index];
        events[index] = null; // let the event be collected while the slot waits for its next use
        sources[index] = null;
        strategies[index] = null;
        sequences.set(index, position + mask + 1);
        head = position + 1;
        consumer.accept(kind, event, source, strategy);
        return true;
    }

    /** Whether an event is waiting. Consumer thread only. */
    boolean isEmpty() {
        return sequences.get((int) head & mask) != head + 1;
    }

    /**
     * Parks the consumer until an event is offered, {@link #wake} is called, or {@code timeoutNanos} pass. Consumer
     * thread only; returns at once when an event is waiting or {@code otherWork} says there is some. Whoever makes
     * other work must publish it before calling {@link #wake}: the check here follows the consumer's announcement
     * that it may sleep, so one of the two always sees the other.
     */
    void await(long timeoutNanos, BooleanSupplier otherWork) {
        sleeper = Thread.currentThread();
        try {
            if (isEmpty() && !otherWork.getAsBoolean()) {
                LockSupport.parkNanos(this, timeoutNanos);
            }
        } finally {
            sleeper = null;
        }
    }

    /** Wakes the consumer if it is parked in {@link #await}, e.g. for work that does not come through the ring. */
    void wake() {
        Thread parked = sleeper;
        if (parked != null) {
            LockSupport.unpark(parked);
        }
    }

    /** Events refused because the ring was full, since it was created. */
    long dropped() {
        return dropped.get();
    }
}
