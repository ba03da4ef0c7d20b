package io.alphintra.sdk.indicator;

/**
 * On-balance volume (TA-Lib {@code OBV}): starts at the first bar's volume, as TA-Lib does, then adds the volume of
 * each bar that closes up and subtracts that of each bar that closes down. Uses close and volume. Warm-up: 1.
 */
public final class Obv implements BarIndicator {

    private boolean ready;
    private double previousClose;
    private double obv;
    private double value = Double.NaN;

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        if (!ready) {
            obv = volume;
            ready = true;
        } else if (close > previousClose) {
            obv += volume;
        } else if (close < previousClose) {
            obv -= volume;
        }
        previousClose = close;
        value = obv;
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
        obv = 0;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "OBV";
    }
}
