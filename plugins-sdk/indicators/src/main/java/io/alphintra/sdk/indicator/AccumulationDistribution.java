package io.alphintra.sdk.indicator;

/**
 * Chaikin accumulation/distribution line (TA-Lib {@code AD}): the running sum of {@code clv * volume}, {@code clv =
 * ((close - low) - (high - close))/(high - low)}, a bar with no range adding nothing. Uses high, low, close and
 * volume. Warm-up: 1.
 */
public final class AccumulationDistribution implements BarIndicator {

    private boolean ready;
    private double line;
    private double value = Double.NaN;

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        line += moneyFlow(high, low, close, volume);
        value = line;
        ready = true;
        return value;
    }

    /** TA-Lib's money flow volume of one bar, shared by the Chaikin indicators. */
    static double moneyFlow(double high, double low, double close, double volume) {
        double range = high - low;
        return range > 0 ? (((close - low) - (high - close)) / range) * volume : 0.0;
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
        return 1;
    }

    @Override
    public void reset() {
        ready = false;
        line = 0;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "AD";
    }
}
