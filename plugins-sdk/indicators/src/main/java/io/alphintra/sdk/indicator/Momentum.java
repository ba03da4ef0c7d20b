package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.DoubleRing;

/** Momentum {@code x - x[period ago]} (TA-Lib {@code MOM}). Warm-up: {@code period + 1}. */
public final class Momentum implements ValueIndicator {

    private final int period;
    private final DoubleRing window;
    private double value = Double.NaN;

    /** @param period {@code >= 1} */
    public Momentum(int period) {
        this.period = Check.atLeast("period", period, 1);
        window = new DoubleRing(period + 1);
    }

    @Override
    public double update(double input) {
        window.push(input);
        if (window.isFull()) {
            value = input - window.oldest();
        }
        return value;
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
        return "MOM(" + period + ")";
    }
}
