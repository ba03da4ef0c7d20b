package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingSum;

/**
 * Volume-weighted moving average of closes over {@code period} bars: {@code sum(close*volume) / sum(volume)}. Uses
 * close and volume. If the window has no volume at all the simple average of the closes is returned, so that the
 * value stays defined. Not in TA-Lib. Warm-up: {@code period}.
 */
public final class Vwma implements BarIndicator {

    private final int period;
    private final RollingSum priceVolume;
    private final RollingSum volumes;
    private final RollingSum prices;
    private double value = Double.NaN;

    /** @param period {@code >= 1} */
    public Vwma(int period) {
        this.period = Check.atLeast("period", period, 1);
        priceVolume = new RollingSum(period);
        volumes = new RollingSum(period);
        prices = new RollingSum(period);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        priceVolume.add(close * volume);
        volumes.add(volume);
        prices.add(close);
        if (prices.isFull()) {
            double v = volumes.sum();
            value = v != 0 ? priceVolume.sum() / v : prices.sum() / period;
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return prices.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period;
    }

    @Override
    public void reset() {
        priceVolume.clear();
        volumes.clear();
        prices.clear();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "VWMA(" + period + ")";
    }
}
