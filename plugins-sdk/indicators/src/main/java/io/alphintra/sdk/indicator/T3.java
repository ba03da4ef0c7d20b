package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;

/**
 * Tillson T3 (TA-Lib {@code T3}): six chained EMAs, each seeded with the simple average of its first {@code period}
 * inputs, combined with coefficients from the volume factor {@code v}. Warm-up: {@code 6*(period-1) + 1}.
 */
public final class T3 implements ValueIndicator {

    private final int period;
    private final double volumeFactor;
    private final Ema[] emas = new Ema[6];
    private final double c1;
    private final double c2;
    private final double c3;
    private final double c4;
    private double value = Double.NaN;

    /**
     * @param period       EMA period, {@code >= 2}
     * @param volumeFactor {@code v} in {@code [0, 1]}; 0.7 is Tillson's (and TA-Lib's) default
     */
    public T3(int period, double volumeFactor) {
        this.period = Check.atLeast("period", period, 2);
        if (!(volumeFactor >= 0 && volumeFactor <= 1)) {
            throw new IllegalArgumentException("volumeFactor = " + volumeFactor + ": must be in [0, 1]");
        }
        this.volumeFactor = volumeFactor;
        for (int i = 0; i < emas.length; i++) {
            emas[i] = new Ema(period);
        }
        double v = volumeFactor;
        double v2 = v * v;
        double v3 = v2 * v;
        c1 = -v3;
        c2 = 3.0 * (v2 + v3);
        c3 = -6.0 * v2 - 3.0 * (v + v3);
        c4 = 1.0 + 3.0 * v + v3 + 3.0 * v2;
    }

    /** T3 with Tillson's volume factor 0.7. */
    public T3(int period) {
        this(period, 0.7);
    }

    @Override
    public double update(double input) {
        double x = input;
        for (Ema ema : emas) {
            x = ema.update(x);
            if (!ema.isReady()) {
                return value;
            }
        }
        value = c1 * emas[5].value() + c2 * emas[4].value() + c3 * emas[3].value() + c4 * emas[2].value();
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return emas[5].isReady();
    }

    @Override
    public int warmupPeriod() {
        return 6 * (period - 1) + 1;
    }

    @Override
    public void reset() {
        for (Ema ema : emas) {
            ema.reset();
        }
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "T3(" + period + "," + volumeFactor + ")";
    }
}
