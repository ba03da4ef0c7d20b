package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingSum;

/**
 * Parkinson's high-low volatility estimate over {@code period} bars: {@code sqrt(sum(ln(high/low)^2) / (4 * period
 * * ln 2))}, per bar (multiply by {@code sqrt(bars per year)} to annualise). Uses high and low, which must be
 * positive. Not in TA-Lib. Warm-up: {@code period}.
 */
public final class ParkinsonVolatility implements BarIndicator {

    private final int period;
    private final double scale;
    private final RollingSum squaredLogRanges;
    private double value = Double.NaN;

    /** @param period {@code >= 1} */
    public ParkinsonVolatility(int period) {
        this.period = Check.atLeast("period", period, 1);
        scale = 1.0 / (4.0 * period * Math.log(2.0));
        squaredLogRanges = new RollingSum(period);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        double logRange = Math.log(high / low);
        squaredLogRanges.add(logRange * logRange);
        if (squaredLogRanges.isFull()) {
            value = Math.sqrt(Math.max(0.0, squaredLogRanges.sum()) * scale);
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return squaredLogRanges.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period;
    }

    @Override
    public void reset() {
        squaredLogRanges.clear();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "PARKINSON(" + period + ")";
    }
}
