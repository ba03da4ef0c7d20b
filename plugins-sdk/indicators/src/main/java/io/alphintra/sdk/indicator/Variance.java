package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingMoments;

/**
 * Population variance of the last {@code period} values (TA-Lib {@code VAR}, which divides by {@code period}).
 * Rolling Welford updates with an exact recomputation once per window, so values neither drift nor suffer the
 * cancellation of {@code E[x^2] - E[x]^2}. Warm-up: {@code period}.
 */
public final class Variance implements ValueIndicator {

    private final int period;
    private final RollingMoments moments;
    private double value = Double.NaN;

    /** @param period {@code >= 1} */
    public Variance(int period) {
        this.period = Check.atLeast("period", period, 1);
        moments = new RollingMoments(period);
    }

    @Override
    public double update(double input) {
        moments.add(input);
        if (moments.isFull()) {
            value = moments.variance();
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
        return "VAR(" + period + ")";
    }
}
