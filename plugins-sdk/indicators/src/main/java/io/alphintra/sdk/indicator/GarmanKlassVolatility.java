package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingSum;

/**
 * Garman-Klass volatility estimate over {@code period} bars: {@code sqrt(mean(0.5*ln(high/low)^2 - (2 ln 2 -
 * 1)*ln(close/open)^2))}, per bar (multiply by {@code sqrt(bars per year)} to annualise); a negative mean, possible
 * on tiny samples, gives 0. Uses open, high, low and close, which must be positive. Not in TA-Lib. Warm-up: {@code
 * period}.
 */
public final class GarmanKlassVolatility implements BarIndicator {

    private static final double OPEN_CLOSE_WEIGHT = 2.0 * Math.log(2.0) - 1.0;

    private final int period;
    private final RollingSum terms;
    private double value = Double.NaN;

    /** @param period {@code >= 1} */
    public GarmanKlassVolatility(int period) {
        this.period = Check.atLeast("period", period, 1);
        terms = new RollingSum(period);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        double logRange = Math.log(high / low);
        double logBody = Math.log(close / open);
        terms.add(0.5 * logRange * logRange - OPEN_CLOSE_WEIGHT * logBody * logBody);
        if (terms.isFull()) {
            value = Math.sqrt(Math.max(0.0, terms.sum() / period));
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return terms.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period;
    }

    @Override
    public void reset() {
        terms.clear();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "GARMANKLASS(" + period + ")";
    }
}
