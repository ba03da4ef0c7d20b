package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingExtreme;

/**
 * Highest of the last {@code period} values (TA-Lib {@code MAX}), with a monotonic deque: O(1) amortised. Warm-up:
 * {@code period}.
 */
public final class Highest implements ValueIndicator {

    private final int period;
    private final RollingExtreme extreme;
    private double value = Double.NaN;

    /** @param period {@code >= 1} */
    public Highest(int period) {
        this.period = Check.atLeast("period", period, 1);
        extreme = new RollingExtreme(period, true);
    }

    @Override
    public double update(double input) {
        extreme.add(input);
        if (extreme.isFull()) {
            value = extreme.value();
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return extreme.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period;
    }

    @Override
    public void reset() {
        extreme.clear();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "MAX(" + period + ")";
    }
}
