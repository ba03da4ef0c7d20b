package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.DoubleRing;

/**
 * Linearly weighted moving average: weights {@code 1..period}, the latest value weighted most (TA-Lib {@code WMA}).
 * O(1): the weighted sum drops the plain sum of the window and adds {@code period} times the new value. Warm-up:
 * {@code period}.
 */
public final class Wma implements ValueIndicator {

    private final int period;
    private final double divisor;
    private final DoubleRing window;
    private double sum;
    private double weightedSum;
    private double value = Double.NaN;

    /** @param period {@code >= 1} */
    public Wma(int period) {
        this.period = Check.atLeast("period", period, 1);
        divisor = period * (period + 1) / 2.0;
        window = new DoubleRing(period);
    }

    @Override
    public double update(double input) {
        double evicted = window.push(input);
        if (Double.isNaN(evicted)) {
            sum += input;
            weightedSum += window.size() * input;
        } else if (window.atWrapPoint()) {
            // Exact recomputation once per window so that the running sums cannot drift.
            sum = 0;
            weightedSum = 0;
            for (int ago = 0; ago < period; ago++) {
                double v = window.get(ago);
                sum += v;
                weightedSum += (period - ago) * v;
            }
        } else {
            weightedSum += period * input - sum;
            sum += input - evicted;
        }
        if (window.isFull()) {
            value = weightedSum / divisor;
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return window.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period;
    }

    @Override
    public void reset() {
        window.clear();
        sum = 0;
        weightedSum = 0;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "WMA(" + period + ")";
    }
}
