package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingExtreme;

/**
 * Donchian channel: upper the highest high and lower the lowest low of the last {@code period} bars (current bar
 * included), middle their average. Uses high and low. Not in TA-Lib (its {@code MIDPRICE} is the middle, see
 * {@link MidPrice}). Outputs: {@code upper}, {@code middle}, {@code lower}; {@link #value()} is the middle. Warm-up:
 * {@code period}.
 */
public final class DonchianChannel implements BarIndicator, MultiOutput {

    private static final String[] OUTPUTS = {"upper", "middle", "lower"};

    private final int period;
    private final RollingExtreme highest;
    private final RollingExtreme lowest;
    private double upper = Double.NaN;
    private double middle = Double.NaN;
    private double lower = Double.NaN;

    /** @param period {@code >= 1} */
    public DonchianChannel(int period) {
        this.period = Check.atLeast("period", period, 1);
        highest = new RollingExtreme(period, true);
        lowest = new RollingExtreme(period, false);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        highest.add(high);
        lowest.add(low);
        if (highest.isFull()) {
            upper = highest.value();
            lower = lowest.value();
            middle = (upper + lower) / 2.0;
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
        return highest.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period;
    }

    @Override
    public void reset() {
        highest.clear();
        lowest.clear();
        upper = Double.NaN;
        middle = Double.NaN;
        lower = Double.NaN;
    }

    @Override
    public String name() {
        return "DONCHIAN(" + period + ")";
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
