package io.alphintra.sdk.indicator.internal;

/**
 * Highest (or lowest) of the last {@code period} values with a monotonic deque: O(1) amortised per update, arrays
 * preallocated. On ties the most recent value wins, as in TA-Lib (this matters for Aroon's "bars since").
 */
public final class RollingExtreme {

    private final int period;
    private final boolean highest;
    private final double[] values;
    private final long[] indices;
    private int head;
    private int count;
    private long seen;

    public RollingExtreme(int period, boolean highest) {
        this.period = Check.atLeast("period", period, 1);
        this.highest = highest;
        values = new double[period];
        indices = new long[period];
    }

    public void add(double value) {
        if (count > 0 && indices[head] <= seen - period) {
            head = head + 1 == period ? 0 : head + 1;
            count--;
        }
        // Drop candidates that can never again be the extreme: dominated by the newer value (ties included).
        // The remaining entries have distinct indices inside the window, so there is room for one more.
        while (count > 0) {
            double last = values[slot(count - 1)];
            if (highest ? last <= value : last >= value) {
                count--;
            } else {
                break;
            }
        }
        int tail = slot(count);
        values[tail] = value;
        indices[tail] = seen;
        count++;
        seen++;
    }

    /** The extreme of the window; {@code NaN} before the first value. */
    public double value() {
        return count == 0 ? Double.NaN : values[head];
    }

    /** How many updates ago the extreme arrived: 0 when it is the latest value. */
    public int age() {
        return (int) (seen - 1 - indices[head]);
    }

    /** Whether {@code period} values have been seen. */
    public boolean isFull() {
        return seen >= period;
    }

    public void clear() {
        head = 0;
        count = 0;
        seen = 0;
    }

    private int slot(int offset) {
        int i = head + offset;
        return i >= period ? i - period : i;
    }
}
