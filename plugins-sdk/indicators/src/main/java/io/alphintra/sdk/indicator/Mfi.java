package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingSum;

/**
 * Money flow index, 0..100 (TA-Lib {@code MFI}): {@code 100*positive/(positive + negative)} money flow
 * ({@code typical price * volume}, signed by the change of the typical price; unchanged bars count as neither) over
 * {@code period} bars; 0 when there was no flow. Uses high, low, close and volume. Warm-up: {@code period + 1}.
 */
public final class Mfi implements BarIndicator {

    private final int period;
    private final RollingSum positive;
    private final RollingSum negative;
    private boolean hasPrevious;
    private double previousTypical;
    private double value = Double.NaN;

    /** @param period {@code >= 2} */
    public Mfi(int period) {
        this.period = Check.atLeast("period", period, 2);
        positive = new RollingSum(period);
        negative = new RollingSum(period);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        double typical = (high + low + close) / 3.0;
        if (hasPrevious) {
            double flow = typical * volume;
            double change = typical - previousTypical;
            positive.add(change > 0 ? flow : 0.0);
            negative.add(change < 0 ? flow : 0.0);
            if (positive.isFull()) {
                double total = positive.sum() + negative.sum();
                value = total != 0 ? 100.0 * (positive.sum() / total) : 0.0;
            }
        }
        hasPrevious = true;
        previousTypical = typical;
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return positive.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period + 1;
    }

    @Override
    public void reset() {
        positive.clear();
        negative.clear();
        hasPrevious = false;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "MFI(" + period + ")";
    }
}
