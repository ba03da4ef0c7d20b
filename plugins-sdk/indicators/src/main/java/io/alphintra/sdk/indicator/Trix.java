package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;

/**
 * TRIX (TA-Lib {@code TRIX}): one-bar rate of change, in percent, of a triple-smoothed EMA. Warm-up:
 * {@code 3*(period - 1) + 2}.
 */
public final class Trix implements ValueIndicator {

    private final int period;
    private final Ema ema1;
    private final Ema ema2;
    private final Ema ema3;
    private boolean hasPrevious;
    private double previous;
    private boolean ready;
    private double value = Double.NaN;

    /** @param period {@code >= 1} */
    public Trix(int period) {
        this.period = Check.atLeast("period", period, 1);
        ema1 = new Ema(period);
        ema2 = new Ema(period);
        ema3 = new Ema(period);
    }

    @Override
    public double update(double input) {
        double e1 = ema1.update(input);
        if (!ema1.isReady()) {
            return value;
        }
        double e2 = ema2.update(e1);
        if (!ema2.isReady()) {
            return value;
        }
        double e3 = ema3.update(e2);
        if (!ema3.isReady()) {
            return value;
        }
        if (hasPrevious) {
            value = Roc.percentChange(e3, previous);
            ready = true;
        }
        hasPrevious = true;
        previous = e3;
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
        return 3 * (period - 1) + 2;
    }

    @Override
    public void reset() {
        ema1.reset();
        ema2.reset();
        ema3.reset();
        hasPrevious = false;
        ready = false;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "TRIX(" + period + ")";
    }
}
