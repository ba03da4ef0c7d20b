package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.WilderGainLoss;

/**
 * Relative strength index, 0..100 (TA-Lib {@code RSI}): Wilder-smoothed average gain over average gain plus loss,
 * seeded with the simple averages of the first {@code period} changes. 0 when the series has not moved. Warm-up:
 * {@code period + 1}.
 */
public final class Rsi implements ValueIndicator {

    private final int period;
    private final WilderGainLoss averages;
    private boolean ready;
    private double value = Double.NaN;

    /** @param period {@code >= 2} */
    public Rsi(int period) {
        this.period = Check.atLeast("period", period, 2);
        averages = new WilderGainLoss(period);
    }

    @Override
    public double update(double input) {
        if (averages.add(input)) {
            ready = true;
            double gain = averages.averageGain();
            double total = gain + averages.averageLoss();
            value = total != 0 ? 100.0 * (gain / total) : 0.0;
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public int warmupPeriod() {
        return period + 1;
    }

    @Override
    public void reset() {
        averages.clear();
        ready = false;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "RSI(" + period + ")";
    }
}
