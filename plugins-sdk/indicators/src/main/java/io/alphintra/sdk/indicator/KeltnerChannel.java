package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;

/**
 * Keltner channel (the modern form): middle {@link Ema} of the close, upper and lower
 * {@code middle ± multiplier * }{@link Atr}. Uses high, low and close. Not in TA-Lib. Outputs: {@code upper},
 * {@code middle}, {@code lower}; {@link #value()} is the middle. Warm-up: {@code max(emaPeriod, atrPeriod + 1)}.
 */
public final class KeltnerChannel implements BarIndicator, MultiOutput {

    private static final String[] OUTPUTS = {"upper", "middle", "lower"};

    private final int emaPeriod;
    private final int atrPeriod;
    private final double multiplier;
    private final Ema ema;
    private final Atr atr;
    private double upper = Double.NaN;
    private double middle = Double.NaN;
    private double lower = Double.NaN;

    /**
     * @param emaPeriod  {@code >= 1}
     * @param atrPeriod  {@code >= 1}
     * @param multiplier ATRs from the middle, {@code > 0}
     */
    public KeltnerChannel(int emaPeriod, int atrPeriod, double multiplier) {
        this.emaPeriod = Check.atLeast("emaPeriod", emaPeriod, 1);
        this.atrPeriod = Check.atLeast("atrPeriod", atrPeriod, 1);
        this.multiplier = Check.positive("multiplier", multiplier);
        ema = new Ema(emaPeriod);
        atr = new Atr(atrPeriod);
    }

    /** EMA 20, ATR 10, multiplier 2. */
    public KeltnerChannel() {
        this(20, 10, 2.0);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        double mid = ema.update(close);
        double range = atr.update(open, high, low, close, volume);
        if (ema.isReady() && atr.isReady()) {
            middle = mid;
            upper = mid + multiplier * range;
            lower = mid - multiplier * range;
        }
        return middle;
    }

    public double upper() {
        return upper;
    }

    public double middle() {
        return middle;
    }

    public double lower() {
        return lower;
    }

    @Override
    public double value() {
        return middle;
    }

    @Override
    public boolean isReady() {
        return ema.isReady() && atr.isReady();
    }

    @Override
    public int warmupPeriod() {
        return Math.max(emaPeriod, atrPeriod + 1);
    }

    @Override
    public void reset() {
        ema.reset();
        atr.reset();
        upper = Double.NaN;
        middle = Double.NaN;
        lower = Double.NaN;
    }

    @Override
    public String name() {
        return "KELTNER(" + emaPeriod + "," + atrPeriod + "," + multiplier + ")";
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
            case 0 -> upper;
            case 1 -> middle;
            case 2 -> lower;
            default -> throw Outputs.invalid(index, OUTPUTS.length);
        };
    }
}
