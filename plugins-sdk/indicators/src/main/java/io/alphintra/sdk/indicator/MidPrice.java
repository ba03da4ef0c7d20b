package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingExtreme;

/**
 * Midprice {@code (highest high + lowest low)/2} over {@code period} bars (TA-Lib {@code MIDPRICE}). Uses high and
 * low. Warm-up: {@code period}.
 */
public final class MidPrice implements BarIndicator {

    private final int period;
    private final RollingExtreme highest;
    private final RollingExtreme lowest;
    private double value = Double.NaN;

    /** @param period {@code >= 1} */
    public MidPrice(int period) {
        this.period = Check.atLeast("period", period, 1);
        highest = new RollingExtreme(period, true);
        lowest = new RollingExtreme(period, false);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        highest.add(high);
        lowest.add(low);
        if (highest.isFull()) {
            value = (highest.value() + lowest.value()) / 2.0;
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return highest.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period;
    }

    @Override
    public void reset() {
        highest.clear();
        lowest.clear();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "MIDPRICE(" + period + ")";
    }
}
