package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;

/**
 * Triangular moving average (TA-Lib {@code TRIMA}): weights rise linearly to the middle of the window and fall
 * again, computed as an SMA of an SMA ({@code (p+1)/2} twice for odd {@code p}, {@code p/2} then {@code p/2+1} for
 * even), which gives exactly those weights in O(1). Warm-up: {@code period}.
 */
public final class Trima implements ValueIndicator {

    private final int period;
    private final Sma inner;
    private final Sma outer;
    private double value = Double.NaN;

    /** @param period {@code >= 2} */
    public Trima(int period) {
        this.period = Check.atLeast("period", period, 2);
        int first = period % 2 == 1 ? (period + 1) / 2 : period / 2;
        inner = new Sma(first);
        outer = new Sma(period + 1 - first);
    }

    @Override
    public double update(double input) {
        double smoothed = inner.update(input);
        if (inner.isReady()) {
            value = outer.update(smoothed);
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return outer.isReady();
    }

    @Override
    public int warmupPeriod() {
        return period;
    }

    @Override
    public void reset() {
        inner.reset();
        outer.reset();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "TRIMA(" + period + ")";
    }
}
