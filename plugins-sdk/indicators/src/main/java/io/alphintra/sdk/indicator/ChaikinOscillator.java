package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;

/**
 * Chaikin A/D oscillator (TA-Lib {@code ADOSC}): {@code EMA(AD, fast) - EMA(AD, slow)} of the
 * {@link AccumulationDistribution} line. As in TA-Lib, both EMAs start at the first A/D value rather than at a
 * simple average. Uses high, low, close and volume. Warm-up: {@code slowPeriod}.
 */
public final class ChaikinOscillator implements BarIndicator {

    private final int fastPeriod;
    private final int slowPeriod;
    private final double fastK;
    private final double slowK;
    private int count;
    private double line;
    private double fastEma;
    private double slowEma;
    private double value = Double.NaN;

    /**
     * @param fastPeriod {@code >= 2}, {@code < slowPeriod}
     * @param slowPeriod {@code >= 2}
     */
    public ChaikinOscillator(int fastPeriod, int slowPeriod) {
        this.fastPeriod = Check.atLeast("fastPeriod", fastPeriod, 2);
        this.slowPeriod = Check.atLeast("slowPeriod", slowPeriod, 2);
        Check.less("fastPeriod", fastPeriod, "slowPeriod", slowPeriod);
        fastK = 2.0 / (fastPeriod + 1);
        slowK = 2.0 / (slowPeriod + 1);
    }

    /** Chaikin's 3 and 10. */
    public ChaikinOscillator() {
        this(3, 10);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        line += AccumulationDistribution.moneyFlow(high, low, close, volume);
        if (count == 0) {
            fastEma = line;
            slowEma = line;
        } else {
            fastEma = fastK * line + (1.0 - fastK) * fastEma;
            slowEma = slowK * line + (1.0 - slowK) * slowEma;
        }
        if (++count >= slowPeriod) {
            value = fastEma - slowEma;
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return count >= slowPeriod;
    }

    @Override
    public int warmupPeriod() {
        return slowPeriod;
    }

    @Override
    public void reset() {
        count = 0;
        line = 0;
        fastEma = 0;
        slowEma = 0;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "ADOSC(" + fastPeriod + "," + slowPeriod + ")";
    }
}
