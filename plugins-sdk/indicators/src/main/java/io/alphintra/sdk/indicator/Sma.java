package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingSum;

/** Simple moving average of the last {@code period} values (TA-Lib {@code SMA}). Warm-up: {@code period}. */
public final class Sma implements ValueIndicator {

    private final int period;
    private final RollingSum sum;
    private double value = Double.NaN;

    /** @param period window length, {@code >= 1} (1 passes the input through) */
    public Sma(int period) {
        this.period = Check.atLeast("period", period, 1);
        sum = new RollingSum(period);
    }

    @Override
    public double update(double input) {
        sum.add(input);
        if (sum.isFull()) {
            value = sum.sum() / period;
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return sum.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period;
    }

    @Override
    public void reset() {
        sum.clear();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "SMA(" + period + ")";
    }
}
