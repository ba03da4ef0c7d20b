package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingSum;

/**
 * Ultimate oscillator, 0..100 (TA-Lib {@code ULTOSC}): {@code 100*(4*A1 + 2*A2 + A3)/7} where {@code Ai} is the sum
 * of buying pressure {@code close - min(low, prev close)} over the sum of true range for window {@code i}; a window
 * whose true range sums to 0 contributes 0. Uses high, low and close. TA-Lib sorts the three periods; here they must
 * be given shortest first. Warm-up: {@code period3 + 1}.
 */
public final class UltimateOscillator implements BarIndicator {

    private final int period1;
    private final int period2;
    private final int period3;
    private final RollingSum[] pressure = new RollingSum[3];
    private final RollingSum[] range = new RollingSum[3];
    private boolean hasPrevious;
    private double previousClose;
    private double value = Double.NaN;

    /**
     * @param period1 shortest, {@code >= 1}
     * @param period2 middle, {@code >= period1}
     * @param period3 longest, {@code >= period2}
     */
    public UltimateOscillator(int period1, int period2, int period3) {
        this.period1 = Check.atLeast("period1", period1, 1);
        this.period2 = Check.atLeast("period2", period2, period1);
        this.period3 = Check.atLeast("period3", period3, period2);
        int[] periods = {period1, period2, period3};
        for (int i = 0; i < 3; i++) {
            pressure[i] = new RollingSum(periods[i]);
            range[i] = new RollingSum(periods[i]);
        }
    }

    /** The usual 7, 14, 28. */
    public UltimateOscillator() {
        this(7, 14, 28);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        if (hasPrevious) {
            double trueLow = Math.min(low, previousClose);
            double buyingPressure = close - trueLow;
            double trueRange = Math.max(high, previousClose) - trueLow;
            for (int i = 0; i < 3; i++) {
                pressure[i].add(buyingPressure);
                range[i].add(trueRange);
            }
            if (range[2].isFull()) {
                double sum = 4.0 * ratio(0) + 2.0 * ratio(1) + ratio(2);
                value = 100.0 * (sum / 7.0);
            }
        }
        hasPrevious = true;
        previousClose = close;
        return value;
    }

    private double ratio(int i) {
        double r = range[i].sum();
        return r != 0 ? pressure[i].sum() / r : 0.0;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return range[2].isFull();
    }

    @Override
    public int warmupPeriod() {
        return period3 + 1;
    }

    @Override
    public void reset() {
        for (int i = 0; i < 3; i++) {
            pressure[i].clear();
            range[i].clear();
        }
        hasPrevious = false;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "ULTOSC(" + period1 + "," + period2 + "," + period3 + ")";
    }
}
