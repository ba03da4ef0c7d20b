package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;

/**
 * SuperTrend: bands {@code (high + low)/2 ± multiplier * ATR} that only tighten while the trend lasts (the upper
 * band may not rise unless the previous close was above it, the lower may not fall unless the previous close was
 * below it). The trend turns up when the close crosses above the upper band and down when it crosses below the
 * lower; the SuperTrend is the lower band in an up trend and the upper band in a down trend. The rules are those of
 * TradingView's {@code ta.supertrend}, starting in a down trend; the ATR is {@link Atr} (TA-Lib's Wilder ATR, which
 * ignores the first bar's range, where TradingView's counts {@code high - low} on it). Uses high, low and close. Not
 * in TA-Lib. Outputs: {@code value}, {@code direction} ({@code +1} up, {@code -1} down), {@code upper},
 * {@code lower}; {@link #value()} is {@code value}. Warm-up: {@code atrPeriod + 1}.
 */
public final class SuperTrend implements BarIndicator, MultiOutput {

    private static final String[] OUTPUTS = {"value", "direction", "upper", "lower"};

    private final int atrPeriod;
    private final double multiplier;
    private final Atr atr;
    private boolean started;
    private double previousClose;
    private double upper = Double.NaN;
    private double lower = Double.NaN;
    private double direction = Double.NaN;
    private double value = Double.NaN;

    /**
     * @param atrPeriod  {@code >= 1}
     * @param multiplier ATRs from the midpoint, {@code > 0}
     */
    public SuperTrend(int atrPeriod, double multiplier) {
        this.atrPeriod = Check.atLeast("atrPeriod", atrPeriod, 1);
        this.multiplier = Check.positive("multiplier", multiplier);
        atr = new Atr(atrPeriod);
    }

    /** ATR 10, multiplier 3. */
    public SuperTrend() {
        this(10, 3.0);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        double range = atr.update(open, high, low, close, volume);
        if (atr.isReady()) {
            double mid = (high + low) / 2.0;
            double basicUpper = mid + multiplier * range;
            double basicLower = mid - multiplier * range;
            if (!started) {
                started = true;
                upper = basicUpper;
                lower = basicLower;
                direction = -1;
            } else {
                boolean wasDown = direction < 0;
                upper = basicUpper < upper || previousClose > upper ? basicUpper : upper;
                lower = basicLower > lower || previousClose < lower ? basicLower : lower;
                if (wasDown) {
                    direction = close > upper ? 1 : -1;
                } else {
                    direction = close < lower ? -1 : 1;
                }
            }
            value = direction > 0 ? lower : upper;
        }
        previousClose = close;
        return value;
    }

    /** {@code +1} in an up trend, {@code -1} in a down trend. */
    public double direction() {
        return direction;
    }

    public double upper() {
        return upper;
    }

    public double lower() {
        return lower;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return started;
    }

    @Override
    public int warmupPeriod() {
        return atrPeriod + 1;
    }

    @Override
    public void reset() {
        atr.reset();
        started = false;
        upper = Double.NaN;
        lower = Double.NaN;
        direction = Double.NaN;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "SUPERTREND(" + atrPeriod + "," + multiplier + ")";
    }

    @Override
    public int outputCount() {
        return OUTPUTS.length;
    }

    @Override
    public String outputName(int index) {
        return Outputs.name(OUTPUTS, index);
    }

    @Override
    public double output(int index) {
        return switch (index) {
            case 0 -> value;
            case 1 -> direction;
            case 2 -> upper;
            case 3 -> lower;
            default -> throw Outputs.invalid(index, OUTPUTS.length);
        };
    }
}
