package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;

/**
 * Arms' ease of movement: {@link Sma} over {@code period} bars of {@code distance / boxRatio}, where distance is
 * the change of {@code (high + low)/2} since the previous bar and {@code boxRatio = (volume / volumeScale)/(high -
 * low)}; computed as {@code distance * (high - low) * volumeScale / volume}, so a bar without range gives 0, and so
 * does a bar without volume. Uses high, low and volume. Not in TA-Lib. Warm-up: {@code period + 1}.
 */
public final class EaseOfMovement implements BarIndicator {

    private final int period;
    private final double volumeScale;
    private final Sma average;
    private boolean hasPrevious;
    private double previousMid;
    private double value = Double.NaN;

    /**
     * @param period {@code >= 1}
     * @param volumeScale volume units per box, {@code > 0} (commonly 100,000,000 for shares)
     */
    public EaseOfMovement(int period, double volumeScale) {
        this.period = Check.atLeast("period", period, 1);
        this.volumeScale = Check.positive("volumeScale", volumeScale);
        average = new Sma(period);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        double mid = (high + low) / 2.0;
        if (hasPrevious) {
            double raw = volume != 0 ? (mid - previousMid) * (high - low) * volumeScale / volume : 0.0;
            value = average.update(raw);
        }
        hasPrevious = true;
        previousMid = mid;
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return average.isReady();
    }

    @Override
    public int warmupPeriod() {
        return period + 1;
    }

    @Override
    public void reset() {
        average.reset();
        hasPrevious = false;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "EMV(" + period + ")";
    }
}
