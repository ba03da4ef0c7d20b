package io.alphintra.simexchange.internal.venue;

import java.util.Arrays;

/**
 * The venue thread's timers: a binary min-heap on (deadline, insertion order), so timers due at the same venue time
 * fire in the order they were set, which keeps runs deterministic. Arrays grow but are never shrunk; a steady state
 * allocates nothing. Not thread-safe.
 */
final class TimerQueue {
    private long[] deadlines = new long[64];
    private long[] order = new long[64];
    private int[] kinds = new int[64];
    private int[] args = new int[64];
    private Object[] payloads = new Object[64];
    private int size;
    private long added;

    // The timer removed by the last poll().
    long deadline;
    int kind;
    int arg;
    Object payload;

    void add(long at, int timerKind, int timerArg, Object timerPayload) {
        if (size == deadlines.length) {
            int capacity = size * 2;
            deadlines = Arrays.copyOf(deadlines, capacity);
            order = Arrays.copyOf(order, capacity);
            kinds = Arrays.copyOf(kinds, capacity);
            args = Arrays.copyOf(args, capacity);
            payloads = Arrays.copyOf(payloads, capacity);
        }
        int i = size++;
        set(i, at, added++, timerKind, timerArg, timerPayload);
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(i, parent)) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    /** The earliest deadline, or {@code Long.MAX_VALUE} when empty. */
    long peekDeadline() {
        return size == 0 ? Long.MAX_VALUE : deadlines[0];
    }

    int size() {
        return size;
    }

    /** Removes the earliest timer into {@link #deadline}, {@link #kind}, {@link #arg} and {@link #payload}. */
    void poll() {
        deadline = deadlines[0];
        kind = kinds[0];
        arg = args[0];
        payload = payloads[0];
        size--;
        if (size > 0) {
            set(0, deadlines[size], order[size], kinds[size], args[size], payloads[size]);
        }
        payloads[size] = null;
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                break;
            }
            int child = left + 1 < size && less(left + 1, left) ? left + 1 : left;
            if (!less(child, i)) {
                break;
            }
            swap(i, child);
            i = child;
        }
    }

    private boolean less(int a, int b) {
        return deadlines[a] < deadlines[b] || deadlines[a] == deadlines[b] && order[a] < order[b];
    }

    private void set(int i, long at, long seq, int timerKind, int timerArg, Object timerPayload) {
        deadlines[i] = at;
        order[i] = seq;
        kinds[i] = timerKind;
        args[i] = timerArg;
        payloads[i] = timerPayload;
    }

    private void swap(int a, int b) {
        long d = deadlines[a];
        deadlines[a] = deadlines[b];
        deadlines[b] = d;
        long o = order[a];
        order[a] = order[b];
        order[b] = o;
        int k = kinds[a];
        kinds[a] = kinds[b];
        kinds[b] = k;
        int g = args[a];
        args[a] = args[b];
        args[b] = g;
        Object p = payloads[a];
        payloads[a] = payloads[b];
        payloads[b] = p;
    }
}
