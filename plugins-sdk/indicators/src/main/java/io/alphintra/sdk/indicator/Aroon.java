package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingExtreme;

/**
 * Aroon (TA-Lib {@code AROON} and {@code AROONOSC}): {@code up = 100*(period - bars since the highest high)/period}
 * and {@code down} likewise for the lowest low, over the last {@code period + 1} bars; on ties the most recent bar
 * counts. Uses high and low. Outputs: {@code down}, {@code up}, {@code oscillator} ({@code up - down});
 * {@link #value()} is the oscillator. Warm-up: {@code period + 1}.
 */
public final class Aroon implements BarIndicator, MultiOutput {

    private static final String[] OUTPUTS = {"down", "up", "oscillator"};

    private final int period;
    private final double factor;
    private final RollingExtreme highest;
    private final RollingExtreme lowest;
    private double down = Double.NaN;
    private double up = Double.NaN;
    private double oscillator = Double.NaN;

    /** @param period {@code >= 2} */
    public Aroon(int period) {
        this.period = Check.atLeast("period", period, 2);
        factor = 100.0 / period;
        highest = new RollingExtreme(period + 1, true);
        lowest = new RollingExtreme(period + 1, false);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        highest.add(high);
        lowest.add(low);
        if (highest.isFull()) {
            int sinceHigh = highest.age();
            int sinceLow = lowest.age();
            up = factor * (period - sinceHigh);
            down = factor * (period - sinceLow);
            oscillator = factor * (sinceLow - sinceHigh);
        }
        return oscillator;
    }

    public double up() {
        return up;
    }

    public double down() {
        return down;
    }

    /** {@code up - down}. */
    public double oscillator() {
        return oscillator;
    }

    @Override
    public double value() {
        return oscillator;
    }

    @Override
    public boolean isReady() {
        return highest.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period + 1;
    }

    @Override
    public void reset() {
        highest.clear();
        lowest.clear();
        down = Double.NaN;
        up = Double.NaN;
        oscillator = Double.NaN;
    }

    @Override
    public String name() {
        return "AROON(" + period + ")";
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
            case 0 -> down;
            case 1 -> up;
            case 2 -> oscillator;
            default -> throw Outputs.invalid(index, OUTPUTS.length);
        };
    }
}
