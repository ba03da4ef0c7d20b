package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.DoubleRing;

/**
 * Least-squares line through the last {@code period} values against time (TA-Lib {@code LINEARREG},
 * {@code LINEARREG_SLOPE}, {@code LINEARREG_INTERCEPT}, {@code LINEARREG_ANGLE} and {@code TSF} in one). Time runs
 * 0 (oldest value in the window) to {@code period - 1} (latest). Outputs: {@code value} (the line at the latest
 * value), {@code slope} (per bar), {@code intercept} (the line at the oldest value), {@code forecast} (one bar ahead)
 * and {@code angle} ({@code atan(slope)} in degrees); {@link #value()} is {@code value}. TA-Lib re-sums the window
 * every bar; here the sums slide in O(1) and are recomputed exactly once per window. Warm-up: {@code period}.
 */
public final class LinearRegression implements ValueIndicator, MultiOutput {

    private static final String[] OUTPUTS = {"value", "slope", "intercept", "forecast", "angle"};

    private final int period;
    private final double sumX;
    private final double divisor;
    private final DoubleRing window;
    private double sumY;
    private double sumXY;
    private double line = Double.NaN;
    private double slope = Double.NaN;
    private double intercept = Double.NaN;
    private double forecast = Double.NaN;
    private double angle = Double.NaN;

    /** @param period {@code >= 2} */
    public LinearRegression(int period) {
        this.period = Check.atLeast("period", period, 2);
        sumX = period * (period - 1) * 0.5;
        double sumXSquared = period * (period - 1.0) * (2.0 * period - 1.0) / 6.0;
        divisor = period * sumXSquared - sumX * sumX;
        window = new DoubleRing(period);
    }

    @Override
    public double update(double input) {
        double evicted = window.push(input);
        if (Double.isNaN(evicted)) {
            sumXY += (window.size() - 1) * input;
            sumY += input;
        } else if (window.atWrapPoint()) {
            sumY = 0;
            sumXY = 0;
            for (int ago = 0; ago < period; ago++) {
                double v = window.get(ago);
                sumY += v;
                sumXY += (period - 1 - ago) * v;
            }
        } else {
            // Every remaining value moves one step back in time; the new one enters at x = period - 1.
            sumXY += (period - 1) * input - (sumY - evicted);
            sumY += input - evicted;
        }
        if (window.isFull()) {
            slope = (period * sumXY - sumX * sumY) / divisor;
            intercept = (sumY - slope * sumX) / period;
            line = intercept + slope * (period - 1);
            forecast = intercept + slope * period;
            angle = Math.toDegrees(Math.atan(slope));
        }
        return line;
    }

    /** The line at the latest value. */
    public double line() {
        return line;
    }

    /** Change per bar. */
    public double slope() {
        return slope;
    }

    /** The line at the oldest value of the window. */
    public double intercept() {
        return intercept;
    }

    /** The line one bar after the latest value (time series forecast). */
    public double forecast() {
        return forecast;
    }

    /** {@code atan(slope)} in degrees. */
    public double angle() {
        return angle;
    }

    @Override
    public double value() {
        return line;
    }

    @Override
    public boolean isReady() {
        return window.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period;
    }

    @Override
    public void reset() {
        window.clear();
        sumY = 0;
        sumXY = 0;
        line = Double.NaN;
        slope = Double.NaN;
        intercept = Double.NaN;
        forecast = Double.NaN;
        angle = Double.NaN;
    }

    @Override
    public String name() {
        return "LINEARREG(" + period + ")";
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
            case 0 -> line;
            case 1 -> slope;
            case 2 -> intercept;
            case 3 -> forecast;
            case 4 -> angle;
            default -> throw Outputs.invalid(index, OUTPUTS.length);
        };
    }
}
