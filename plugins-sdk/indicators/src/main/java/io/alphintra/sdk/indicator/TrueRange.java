package io.alphintra.sdk.indicator;

/**
 * True range (TA-Lib {@code TRANGE}): the largest of {@code high - low}, {@code |prev close - high|} and
 * {@code |prev close - low|}. Uses high, low and close. Like TA-Lib it has no value on the first bar, which has no
 * previous close. Warm-up: 2.
 */
public final class TrueRange implements BarIndicator {

    private boolean hasPrevious;
    private boolean ready;
    private double previousClose;
    private double value = Double.NaN;

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        if (hasPrevious) {
            value = of(high, low, previousClose);
            ready = true;
        }
        hasPrevious = true;
        previousClose = close;
        return value;
    }

    /** TA-Lib's formula, shared by the indicators built on the true range. */
    static double of(double high, double low, double previousClose) {
        double greatest = high - low;
        double toHigh = Math.abs(previousClose - high);
        if (toHigh > greatest) {
            greatest = toHigh;
        }
        double toLow = Math.abs(previousClose - low);
        return toLow > greatest ? toLow : greatest;
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
        return 2;
    }

    @Override
    public void reset() {
        hasPrevious = false;
        ready = false;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "TRANGE";
    }
}
