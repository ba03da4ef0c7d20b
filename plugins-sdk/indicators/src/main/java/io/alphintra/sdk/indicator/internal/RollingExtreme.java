package io.alphintra.sdk.indicator.internal;

/**
 * Highest (or lowest) of the last {@code period} values with a monotonic deque: O(1) amortised per update, arrays
 * preallocated. On ties the most recent value wins, as in TA-Lib (this matters for Aroon's "bars since").
 */
public final class RollingExtreme {

    private final int period;
    private final boolean highest;
    private final int mask;
    private final double[] values;
    private final long[] indices;
    // Deque entries are the positions [head, tail); a power-of-two capacity turns positions into slots with a mask.
    private long head;
    private long tail;
    private long seen;

    public RollingExtreme(int period, boolean highest) {
        this.period = Check.atLeast("period", period, 1);
        this.highest = highest;
        int capacity = Integer.highestOneBit(period) == period ? period : Integer.highestOneBit(period) << 1;
        mask = capacity - 1;
        values = new double[capacity];
        indices = new long[capacity];
    }

    public void add(double value) {
        if (tail > head && indices[(int) head & mask] <= seen - period) {
            head++;
        }
        // Drop candidates that can never again be the extreme: dominated by the newer value (ties included).
        // The remaining entries have distinct indices inside the window, so there is room for one more.
        if (highest) {
            while (tail > head && values[(int) (tail - 1) & mask] <= value) {
                tail--;
            }
        } else {
            while (tail > head && values[(int) (tail - 1) & mask] >= value) {
                tail--;
            }
        }
        int slot = (int) tail & mask;
        values[slot] = value;
        indices[slot] = seen;
        tail++;
        seen++;
    }

    /** The extreme of the window; {@code NaN} before the first value. */
    public double value() {
        return tail == head ? Double.NaN : values[(int) head & mask];
    }

    /** How many updates ago the extreme arrived: 0 when it is the latest value. */
    public int age() {
        return (int) (seen - 1 - indices[(int) head & mask]);
    }

    /** Whether {@code period} values have been seen. */
    public boolean isFull() {
        return seen >= period;
    }

    public void clear() {
        head = 0;
        tail = 0;
        seen = 0;
    }
}
