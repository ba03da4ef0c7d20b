package io.alphintra.sdk.indicator;

/**
 * Wilder's parabolic stop-and-reverse (TA-Lib {@code SAR}). As in TA-Lib the first trend is short when the second
 * bar's -DM is positive (its low fell further than its high rose), long otherwise; the stop then starts at the first
 * bar's low (long) or high (short). Uses high and low. Warm-up: 2.
 */
public final class ParabolicSar implements BarIndicator {

    private final double acceleration;
    private final double maximum;
    private int count;
    private boolean isLong;
    private double sar;
    private double extremePoint;
    private double factor;
    private double previousHigh;
    private double previousLow;
    private double value = Double.NaN;

    /**
     * @param acceleration step of the acceleration factor, {@code > 0}
     * @param maximum      cap of the acceleration factor, {@code >= acceleration}
     */
    public ParabolicSar(double acceleration, double maximum) {
        if (!(acceleration > 0) || Double.isInfinite(acceleration)) {
            throw new IllegalArgumentException("acceleration = " + acceleration + ": must be finite and > 0");
        }
        if (!(maximum >= acceleration) || Double.isInfinite(maximum)) {
            throw new IllegalArgumentException("maximum = " + maximum + ": must be finite and >= acceleration ("
                    + acceleration + ")");
        }
        this.acceleration = acceleration;
        this.maximum = maximum;
    }

    /** Wilder's 0.02 step and 0.2 cap. */
    public ParabolicSar() {
        this(0.02, 0.2);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        if (count++ == 0) {
            previousHigh = high;
            previousLow = low;
            return value;
        }
        double lastHigh = previousHigh;
        double lastLow = previousLow;
        if (count == 2) {
            double downMove = previousLow - low;
            double upMove = high - previousHigh;
            isLong = !(downMove > 0 && upMove < downMove);
            factor = acceleration;
            extremePoint = isLong ? high : low;
            sar = isLong ? previousLow : previousHigh;
            // TA-Lib treats the second bar as its own predecessor when it first applies the rules.
            lastHigh = high;
            lastLow = low;
        }
        if (isLong) {
            if (low <= sar) {
                isLong = false;
                sar = Math.max(extremePoint, Math.max(lastHigh, high));
                value = sar;
                factor = acceleration;
                extremePoint = low;
                sar = Math.max(sar + factor * (extremePoint - sar), Math.max(lastHigh, high));
            } else {
                value = sar;
                if (high > extremePoint) {
                    extremePoint = high;
                    factor = Math.min(factor + acceleration, maximum);
                }
                sar = Math.min(sar + factor * (extremePoint - sar), Math.min(lastLow, low));
            }
        } else {
            if (high >= sar) {
                isLong = true;
                sar = Math.min(extremePoint, Math.min(lastLow, low));
                value = sar;
                factor = acceleration;
                extremePoint = high;
                sar = Math.min(sar + factor * (extremePoint - sar), Math.min(lastLow, low));
            } else {
                value = sar;
                if (low < extremePoint) {
                    extremePoint = low;
                    factor = Math.min(factor + acceleration, maximum);
                }
                sar = Math.max(sar + factor * (extremePoint - sar), Math.max(lastHigh, high));
            }
        }
        previousHigh = high;
        previousLow = low;
        return value;
    }

    /** Whether the current trend is long (the stop is below the price). */
    public boolean isLong() {
        return isLong;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return count >= 2;
    }

    @Override
    public int warmupPeriod() {
        return 2;
    }

    @Override
    public void reset() {
        count = 0;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "SAR(" + acceleration + "," + maximum + ")";
    }
}
