package io.alphintra.sdk.indicator;

/**
 * Balance of power (TA-Lib {@code BOP}): {@code (close - open)/(high - low)}, 0 on a bar with no range. Uses open,
 * high, low and close. Warm-up: 1.
 */
public final class BalanceOfPower implements BarIndicator {

    private boolean ready;
    private double value = Double.NaN;

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        double range = high - low;
        value = range > 0 ? (close - open) / range : 0.0;
        ready = true;
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
        return 1;
    }

    @Override
    public void reset() {
        ready = false;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "BOP";
    }
}
