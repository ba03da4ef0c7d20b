package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingMoments;

/**
 * Z-score of the latest value within the last {@code period} values: {@code (x - mean)/population standard
 * deviation}, 0 when the window is flat. Not in TA-Lib. Warm-up: {@code period}.
 */
public final class ZScore implements ValueIndicator {

    private final int period;
    private final RollingMoments moments;
    private double value = Double.NaN;

    /** @param period {@code >= 2} */
    public ZScore(int period) {
        this.period = Check.atLeast("period", period, 2);
        moments = new RollingMoments(period);
    }

    @Override
    public double update(double input) {
        moments.add(input);
        if (moments.isFull()) {
            double deviation = Math.sqrt(moments.variance());
            value = deviation != 0 ? (input - moments.mean()) / deviation : 0.0;
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
        return "ZSCORE(" + period + ")";
    }
}
