package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.DoubleRing;

/**
 * Average directional movement rating (TA-Lib {@code ADXR}): {@code (ADX + ADX[period - 1 bars ago]) / 2}. Uses
 * high, low and close. Warm-up: {@code 3*period - 1}.
 */
public final class Adxr implements BarIndicator {

    private final Adx adx;
    private final int period;
    private final DoubleRing history;
    private double value = Double.NaN;

    /** @param period {@code >= 2} */
    public Adxr(int period) {
        adx = new Adx(period);
        this.period = period;
        history = new DoubleRing(period);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        double a = adx.update(open, high, low, close, volume);
        if (adx.isReady()) {
            history.push(a);
            if (history.isFull()) {
                value = (a + history.oldest()) / 2.0;
            }
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return history.isFull();
    }

    @Override
    public int warmupPeriod() {
        return 3 * period - 1;
    }

    @Override
    public void reset() {
        adx.reset();
        history.clear();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "ADXR(" + period + ")";
    }
}
