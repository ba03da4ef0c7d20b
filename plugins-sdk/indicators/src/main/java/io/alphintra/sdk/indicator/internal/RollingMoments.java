package io.alphintra.sdk.indicator.internal;

/**
 * Mean and population variance of the last {@code period} values in O(1). A window update of Welford's algorithm
 * (add the new value, remove the evicted one) avoids the cancellation of the textbook
 * {@code E[x^2] - E[x]^2}; the moments are recomputed exactly, in two passes, once per {@code period} updates so that
 * rounding does not accumulate.
 */
public final class RollingMoments {

    private final DoubleRing window;
    private double mean;
    private double m2;

    public RollingMoments(int period) {
        window = new DoubleRing(period);
    }

    public void add(double value) {
        double evicted = window.push(value);
        if (window.isFull() && window.atWrapPoint()) {
            recompute();
        } else if (Double.isNaN(evicted)) {
            double delta = value - mean;
            mean += delta / window.size();
            m2 += delta * (value - mean);
        } else {
            double oldMean = mean;
            mean += (value - evicted) / window.size();
            m2 += (value - evicted) * (value - mean + evicted - oldMean);
            if (m2 < 0) {
                m2 = 0;
            }
        }
    }

    private void recompute() {
        int n = window.size();
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += window.get(i);
        }
        double m = s / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = window.get(i) - m;
            squares += d * d;
        }
        mean = m;
        m2 = squares;
    }

    public double mean() {
        return mean;
    }

    /** Population variance (divides by the number of values). */
    public double variance() {
        return m2 / window.size();
    }

    public boolean isFull() {
        return window.isFull();
    }

    public void clear() {
        window.clear();
        mean = 0;
        m2 = 0;
    }
}
