package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingCovariance;

/**
 * Pearson correlation of two series over the last {@code period} pairs (TA-Lib {@code CORREL}), -1..1; 0 when either
 * series is flat. Warm-up: {@code period}.
 */
public final class Correlation implements PairIndicator {

    private final int period;
    private final RollingCovariance moments;
    private double value = Double.NaN;

    /** @param period {@code >= 2} */
    public Correlation(int period) {
        this.period = Check.atLeast("period", period, 2);
        moments = new RollingCovariance(period);
    }

    @Override
    public double update(double x, double y) {
        moments.add(x, y);
        if (moments.isFull()) {
            double denominator = moments.sxx() * moments.syy();
            value = denominator > 0 ? moments.sxy() / Math.sqrt(denominator) : 0.0;
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return moments.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period;
    }

    @Override
    public void reset() {
        moments.clear();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "CORREL(" + period + ")";
    }
}
