package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;

/**
 * Double exponential moving average {@code 2*EMA - EMA(EMA)} (TA-Lib {@code DEMA}); each EMA is seeded with the
 * simple average of its first {@code period} inputs. Warm-up: {@code 2*period - 1}.
 */
public final class Dema implements ValueIndicator {

    private final int period;
    private final Ema ema1;
    private final Ema ema2;
    private double value = Double.NaN;

    /** @param period {@code >= 1} */
    public Dema(int period) {
        this.period = Check.atLeast("period", period, 1);
        ema1 = new Ema(period);
        ema2 = new Ema(period);
    }

    @Override
    public double update(double input) {
        double e1 = ema1.update(input);
        if (ema1.isReady()) {
            double e2 = ema2.update(e1);
            if (ema2.isReady()) {
                value = 2.0 * e1 - e2;
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
        return ema2.isReady();
    }

    @Override
    public int warmupPeriod() {
        return 2 * period - 1;
    }

    @Override
    public void reset() {
        ema1.reset();
        ema2.reset();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "DEMA(" + period + ")";
    }
}
