package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.WilderGainLoss;

/**
 * Chande momentum oscillator, -100..100, as TA-Lib {@code CMO} computes it: {@code 100*(gain - loss)/(gain + loss)}
 * with the Wilder-smoothed averages of {@link Rsi} (Chande's original uses plain sums over the window). 0 when the
 * series has not moved. Warm-up: {@code period + 1}.
 */
public final class Cmo implements ValueIndicator {

    private final int period;
    private final WilderGainLoss averages;
    private boolean ready;
    private double value = Double.NaN;

    /** @param period {@code >= 2} */
    public Cmo(int period) {
        this.period = Check.atLeast("period", period, 2);
        averages = new WilderGainLoss(period);
    }

    @Override
    public double update(double input) {
        if (averages.add(input)) {
            ready = true;
            double gain = averages.averageGain();
            double loss = averages.averageLoss();
            double total = gain + loss;
            value = total != 0 ? 100.0 * ((gain - loss) / total) : 0.0;
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
        return "CMO(" + period + ")";
    }
}
