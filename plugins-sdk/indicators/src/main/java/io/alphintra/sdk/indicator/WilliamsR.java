package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingExtreme;

/**
 * Williams %R, -100..0 (TA-Lib {@code WILLR}): {@code -100*(highest high - close)/(highest high - lowest low)} over
 * {@code period} bars, 0 when the range is empty. Uses high, low and close. Warm-up: {@code period}.
 */
public final class WilliamsR implements BarIndicator {

    private final int period;
    private final RollingExtreme highest;
    private final RollingExtreme lowest;
    private double value = Double.NaN;

    /** @param period {@code >= 2} */
    public WilliamsR(int period) {
        this.period = Check.atLeast("period", period, 2);
        highest = new RollingExtreme(period, true);
        lowest = new RollingExtreme(period, false);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        highest.add(high);
        lowest.add(low);
        if (highest.isFull()) {
            double hh = highest.value();
            double range = (hh - lowest.value()) * -0.01;
            value = range != 0 ? (hh - close) / range : 0.0;
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
        return "WILLR(" + period + ")";
    }
}
