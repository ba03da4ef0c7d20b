package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingSum;

/**
 * Chaikin money flow over {@code period} bars: {@code sum(clv * volume)/sum(volume)} with the close location value
 * {@code clv = ((close - low) - (high - close))/(high - low)} (0 on a bar with no range); 0 when the window has no
 * volume. Uses high, low, close and volume. Not in TA-Lib. Warm-up: {@code period}.
 */
public final class ChaikinMoneyFlow implements BarIndicator {

    private final int period;
    private final RollingSum flow;
    private final RollingSum volumes;
    private double value = Double.NaN;

    /** @param period {@code >= 1} */
    public ChaikinMoneyFlow(int period) {
        this.period = Check.atLeast("period", period, 1);
        flow = new RollingSum(period);
        volumes = new RollingSum(period);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        flow.add(AccumulationDistribution.moneyFlow(high, low, close, volume));
        volumes.add(volume);
        if (volumes.isFull()) {
            double v = volumes.sum();
            value = v != 0 ? flow.sum() / v : 0.0;
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return volumes.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period;
    }

    @Override
    public void reset() {
        flow.clear();
        volumes.clear();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "CMF(" + period + ")";
    }
}
