package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingExtreme;

/**
 * Midpoint {@code (highest + lowest)/2} of the last {@code period} values (TA-Lib {@code MIDPOINT}). Warm-up:
 * {@code period}.
 */
public final class MidPoint implements ValueIndicator {

    private final int period;
    private final RollingExtreme highest;
    private final RollingExtreme lowest;
    private double value = Double.NaN;

    /** @param period {@code >= 1} */
    public MidPoint(int period) {
        this.period = Check.atLeast("period", period, 1);
        highest = new RollingExtreme(period, true);
        lowest = new RollingExtreme(period, false);
    }

    @Override
    public double update(double input) {
        highest.add(input);
        lowest.add(input);
        if (highest.isFull()) {
            value = (highest.value() + lowest.value()) / 2.0;
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return highest.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period;
    }

    @Override
    public void reset() {
        highest.clear();
        lowest.clear();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "MIDPOINT(" + period + ")";
    }
}
