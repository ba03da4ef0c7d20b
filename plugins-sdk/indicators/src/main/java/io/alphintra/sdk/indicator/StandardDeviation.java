package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingMoments;

/**
 * Population standard deviation of the last {@code period} values times {@code deviations} (TA-Lib {@code STDDEV}).
 * Warm-up: {@code period}.
 */
public final class StandardDeviation implements ValueIndicator {

    private final int period;
    private final double deviations;
    private final RollingMoments moments;
    private double value = Double.NaN;

    /**
     * @param period {@code >= 2}
     * @param deviations multiplier, {@code > 0} (TA-Lib's default 1)
     */
    public StandardDeviation(int period, double deviations) {
        this.period = Check.atLeast("period", period, 2);
        this.deviations = Check.positive("deviations", deviations);
        moments = new RollingMoments(period);
    }

    @Override
    public double update(double input) {
        moments.add(input);
        if (moments.isFull()) {
            value = Math.sqrt(moments.variance()) * deviations;
        }
        return value;
    }

    /** One standard deviation. */
    public StandardDeviation(int period) {
        this(period, 1.0);
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
        return "STDDEV(" + period + "," + deviations + ")";
    }
}
