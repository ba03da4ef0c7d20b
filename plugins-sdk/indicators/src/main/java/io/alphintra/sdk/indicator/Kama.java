package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.DoubleRing;
import io.alphintra.sdk.indicator.internal.RollingSum;

/**
 * Kaufman adaptive moving average (TA-Lib {@code KAMA}, fast 2 and slow 30 as in TA-Lib). The efficiency ratio
 * {@code |x - x[period ago]| / sum of |changes|} over the window picks a smoothing constant between the two; the
 * average starts at input {@code period - 1}, as in TA-Lib. Warm-up: {@code period + 1}.
 */
public final class Kama implements ValueIndicator {

    private static final double SLOWEST = 2.0 / (30 + 1);
    private static final double FASTEST_MINUS_SLOWEST = 2.0 / (2 + 1) - SLOWEST;

    private final int period;
    private final DoubleRing prices;
    private final RollingSum absoluteChanges;
    private int count;
    private double kama;
    private double value = Double.NaN;

    /** @param period efficiency-ratio window, {@code >= 2} */
    public Kama(int period) {
        this.period = Check.atLeast("period", period, 2);
        prices = new DoubleRing(period + 1);
        absoluteChanges = new RollingSum(period);
    }

    @Override
    public double update(double input) {
        if (count > 0) {
            absoluteChanges.add(Math.abs(input - prices.get(0)));
        }
        prices.push(input);
        count++;
        if (count == period) {
            kama = input;
        } else if (count > period) {
            double change = input - prices.oldest();
            double volatility = absoluteChanges.sum();
            double efficiency = volatility <= change ? 1.0 : Math.abs(change / volatility);
            double smoothing = efficiency * FASTEST_MINUS_SLOWEST + SLOWEST;
            smoothing *= smoothing;
            kama = (input - kama) * smoothing + kama;
            value = kama;
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return count > period;
    }

    @Override
    public int warmupPeriod() {
        return period + 1;
    }

    @Override
    public void reset() {
        prices.clear();
        absoluteChanges.clear();
        count = 0;
        kama = 0;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "KAMA(" + period + ")";
    }
}
