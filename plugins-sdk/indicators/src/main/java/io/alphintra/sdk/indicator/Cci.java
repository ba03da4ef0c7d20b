package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.DoubleRing;
import io.alphintra.sdk.indicator.internal.RollingSum;

/**
 * Commodity channel index (TA-Lib {@code CCI}): {@code (tp - SMA(tp)) / (0.015 * mean deviation)} of the typical
 * price {@code tp = (high + low + close)/3} over {@code period} bars; 0 when either term is 0. Uses high, low and
 * close. The mean absolute deviation around a moving mean has no running form, so an update costs O(period) (no
 * allocation). Warm-up: {@code period}.
 */
public final class Cci implements BarIndicator {

    private final int period;
    private final RollingSum typical;
    private double value = Double.NaN;

    /** @param period {@code >= 2} */
    public Cci(int period) {
        this.period = Check.atLeast("period", period, 2);
        typical = new RollingSum(period);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        double tp = (high + low + close) / 3.0;
        typical.add(tp);
        if (typical.isFull()) {
            double mean = typical.sum() / period;
            DoubleRing window = typical.window();
            double deviation = 0;
            for (int i = 0; i < period; i++) {
                deviation += Math.abs(window.get(i) - mean);
            }
            double distance = tp - mean;
            value = distance != 0 && deviation != 0 ? distance / (0.015 * (deviation / period)) : 0.0;
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return typical.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period;
    }

    @Override
    public void reset() {
        typical.clear();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "CCI(" + period + ")";
    }
}
