package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.DoubleRing;

/**
 * Rate of change in percent (TA-Lib {@code ROC}): {@code 100*(x / x[period ago] - 1)}, 0 when the old value is 0.
 * Warm-up: {@code period + 1}.
 */
public final class Roc implements ValueIndicator {

    private final int period;
    private final DoubleRing window;
    private double value = Double.NaN;

    /** @param period {@code >= 1} */
    public Roc(int period) {
        this.period = Check.atLeast("period", period, 1);
        window = new DoubleRing(period + 1);
    }

    @Override
    public double update(double input) {
        window.push(input);
        if (window.isFull()) {
            value = percentChange(input, window.oldest());
        }
        return value;
    }

    /** TA-Lib's formula, shared with {@link Trix}. */
    static double percentChange(double current, double previous) {
        return previous != 0 ? (current / previous - 1.0) * 100.0 : 0.0;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return window.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period + 1;
    }

    @Override
    public void reset() {
        window.clear();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "ROC(" + period + ")";
    }
}
