package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;

/**
 * Hull moving average: {@code WMA(2*WMA(x, p/2) - WMA(x, p), floor(sqrt(p)))}, with {@code p/2} rounded down. Not
 * in TA-Lib. Warm-up: {@code period + floor(sqrt(period)) - 1}.
 */
public final class Hma implements ValueIndicator {

    private final int period;
    private final Wma half;
    private final Wma full;
    private final Wma smoothing;
    private double value = Double.NaN;

    /** @param period {@code >= 2} */
    public Hma(int period) {
        this.period = Check.atLeast("period", period, 2);
        half = new Wma(period / 2);
        full = new Wma(period);
        smoothing = new Wma((int) Math.sqrt(period));
    }

    @Override
    public double update(double input) {
        double h = half.update(input);
        double f = full.update(input);
        if (full.isReady()) {
            value = smoothing.update(2.0 * h - f);
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return smoothing.isReady();
    }

    @Override
    public int warmupPeriod() {
        return period + smoothing.warmupPeriod() - 1;
    }

    @Override
    public void reset() {
        half.reset();
        full.reset();
        smoothing.reset();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "HMA(" + period + ")";
    }
}
