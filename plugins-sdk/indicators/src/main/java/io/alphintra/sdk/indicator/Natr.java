package io.alphintra.sdk.indicator;

/**
 * Normalised average true range (TA-Lib {@code NATR}): {@code 100 * ATR / close}, 0 when the close is 0. Uses high,
 * low and close. Warm-up: {@code period + 1}.
 */
public final class Natr implements BarIndicator {

    private final Atr atr;
    private final int period;
    private double value = Double.NaN;

    /** @param period {@code >= 1} */
    public Natr(int period) {
        atr = new Atr(period);
        this.period = period;
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        double a = atr.update(open, high, low, close, volume);
        if (atr.isReady()) {
            value = close != 0 ? (a / close) * 100.0 : 0.0;
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return atr.isReady();
    }

    @Override
    public int warmupPeriod() {
        return period + 1;
    }

    @Override
    public void reset() {
        atr.reset();
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "NATR(" + period + ")";
    }
}
