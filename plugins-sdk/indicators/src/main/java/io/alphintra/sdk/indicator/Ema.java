package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;

/**
 * Exponential moving average with {@code k = 2 / (period + 1)}, seeded with the simple average of the first
 * {@code period} values, as TA-Lib {@code EMA} does by default. Warm-up: {@code period}.
 */
public final class Ema implements ValueIndicator {

    private final int period;
    private final double k;
    private int count;
    private double seedSum;
    private double value = Double.NaN;

    /** @param period {@code >= 1} (1 passes the input through) */
    public Ema(int period) {
        this.period = Check.atLeast("period", period, 1);
        k = 2.0 / (period + 1);
    }

    @Override
    public double update(double input) {
        if (count >= period) {
            value = (input - value) * k + value;
        } else {
            seedSum += input;
            if (++count == period) {
                value = seedSum / period;
            }
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return count >= period;
    }

    @Override
    public int warmupPeriod() {
        return period;
    }

    @Override
    public void reset() {
        count = 0;
        seedSum = 0;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "EMA(" + period + ")";
    }
}
