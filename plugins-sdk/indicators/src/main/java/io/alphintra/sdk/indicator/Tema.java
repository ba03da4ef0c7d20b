package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;

/**
 * Triple exponential moving average {@code 3*EMA1 - 3*EMA2 + EMA3}, each EMA of the previous one (TA-Lib
 * {@code TEMA}). Warm-up: {@code 3*period - 2}.
 */
public final class Tema implements ValueIndicator {

    private final int period;
    private final Ema ema1;
    private final Ema ema2;
    private final Ema ema3;
    private double value = Double.NaN;

    /** @param period {@code >= 1} */
    public Tema(int period) {
        this.period = Check.atLeast("period", period, 1);
        ema1 = new Ema(period);
        ema2 = new Ema(period);
        ema3 = new Ema(period);
    }

    @Override
    public double update(double input) {
        double e1 = ema1.update(input);
        if (ema1.isReady()) {
            double e2 = ema2.update(e1);
            if (ema2.isReady()) {
                double e3 = ema3.update(e2);
                if (ema3.isReady()) {
                    value = e3 + 3.0 * e1 - 3.0 * e2;
                }
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
        return ema3.isReady();
    }

    @Override
    public int warmupPeriod() {
        return 3 * period - 2;
    }

    @Override
    public void reset() {
        ema1.reset();
        ema2.reset();
        ema3.reset();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "TEMA(" + period + ")";
    }
}
