package io.alphintra.sdk.indicator.internal;

/**
 * Sum of the last {@code period} values in O(1). Adding and subtracting for ever lets rounding error accumulate, so
 * the sum is recomputed from the window once per {@code period} updates: O(1) amortised and no drift.
 */
public final class RollingSum {

    private final DoubleRing window;
    private double sum;

    public RollingSum(int period) {
        window = new DoubleRing(period);
    }

    /** Adds {@code value}, dropping the oldest once full. */
    public void add(double value) {
        double evicted = window.push(value);
        if (window.isFull() && window.atWrapPoint()) {
            double exact = 0;
            for (int i = 0; i < window.capacity(); i++) {
                exact += window.get(i);
            }
            sum = exact;
        } else {
            sum += value;
            if (!Double.isNaN(evicted)) {
                sum -= evicted;
            }
        }
    }

    public double sum() {
        return sum;
    }

    public boolean isFull() {
        return window.isFull();
    }

    public DoubleRing window() {
        return window;
    }

    public void clear() {
        window.clear();
        sum = 0;
    }
}
