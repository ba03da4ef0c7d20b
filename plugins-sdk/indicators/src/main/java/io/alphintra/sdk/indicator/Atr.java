package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;

/**
 * Average true range with Wilder's smoothing (TA-Lib {@code ATR}): the simple average of the first {@code period}
 * true ranges (from the second bar on), then {@code (atr*(period-1) + tr)/period}. Uses high, low and close.
 * Warm-up: {@code period + 1}.
 */
public final class Atr implements BarIndicator {

    private final int period;
    private int ranges;
    private boolean hasPrevious;
    private double previousClose;
    private double atr;
    private double value = Double.NaN;

    /** @param period {@code >= 1} */
    public Atr(int period) {
        this.period = Check.atLeast("period", period, 1);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        if (hasPrevious) {
            double tr = TrueRange.of(high, low, previousClose);
            ranges++;
            if (ranges < period) {
                atr += tr;
            } else if (ranges == period) {
                atr = (atr + tr) / period;
                value = atr;
            } else {
                atr = (atr * (period - 1) + tr) / period;
                value = atr;
            }
        }
        hasPrevious = true;
        previousClose = close;
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return ranges >= period;
    }

    @Override
    public int warmupPeriod() {
        return period + 1;
    }

    @Override
    public void reset() {
        ranges = 0;
        hasPrevious = false;
        atr = 0;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "ATR(" + period + ")";
    }
}
