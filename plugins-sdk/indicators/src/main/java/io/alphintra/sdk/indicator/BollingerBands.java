package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingMoments;

/**
 * Bollinger bands (TA-Lib {@code BBANDS} with its default SMA): middle {@code SMA(period)}, upper and lower
 * {@code middle ± k * population standard deviation}. Also {@code percentB = (x - lower)/(upper - lower)} (0.5 when
 * the bands coincide) and {@code bandwidth = (upper - lower)/middle} (0 when the middle is 0), which TA-Lib lacks.
 * Outputs: {@code upper}, {@code middle}, {@code lower}, {@code percentB}, {@code bandwidth}; {@link #value()} is the
 * middle. Warm-up: {@code period}.
 */
public final class BollingerBands implements ValueIndicator, MultiOutput {

    private static final String[] OUTPUTS = {"upper", "middle", "lower", "percentB", "bandwidth"};

    private final int period;
    private final double upperDeviations;
    private final double lowerDeviations;
    private final RollingMoments moments;
    private double upper = Double.NaN;
    private double middle = Double.NaN;
    private double lower = Double.NaN;
    private double percentB = Double.NaN;
    private double bandwidth = Double.NaN;

    /**
     * @param period          {@code >= 2}
     * @param upperDeviations standard deviations above the middle, {@code >= 0}
     * @param lowerDeviations standard deviations below the middle, {@code >= 0}
     */
    public BollingerBands(int period, double upperDeviations, double lowerDeviations) {
        this.period = Check.atLeast("period", period, 2);
        this.upperDeviations = Check.nonNegative("upperDeviations", upperDeviations);
        this.lowerDeviations = Check.nonNegative("lowerDeviations", lowerDeviations);
        moments = new RollingMoments(period);
    }

    /** Bollinger's 20 periods, 2 deviations. */
    public BollingerBands() {
        this(20, 2.0, 2.0);
    }

    @Override
    public double update(double input) {
        moments.add(input);
        if (moments.isFull()) {
            double mean = moments.mean();
            double deviation = Math.sqrt(moments.variance());
            middle = mean;
            upper = mean + upperDeviations * deviation;
            lower = mean - lowerDeviations * deviation;
            double width = upper - lower;
            percentB = width != 0 ? (input - lower) / width : 0.5;
            bandwidth = mean != 0 ? width / mean : 0.0;
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

    /** Where the latest input lies between the bands: 0 at the lower, 1 at the upper. */
    public double percentB() {
        return percentB;
    }

    /** Width of the bands relative to the middle. */
    public double bandwidth() {
        return bandwidth;
    }

    @Override
    public double value() {
        return middle;
    }

    @Override
    public boolean isReady() {
        return moments.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period;
    }

    @Override
    public void reset() {
        moments.clear();
        upper = Double.NaN;
        middle = Double.NaN;
        lower = Double.NaN;
        percentB = Double.NaN;
        bandwidth = Double.NaN;
    }

    @Override
    public String name() {
        return "BBANDS(" + period + "," + upperDeviations + "," + lowerDeviations + ")";
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
            case 3 -> percentB;
            case 4 -> bandwidth;
            default -> throw Outputs.invalid(index, OUTPUTS.length);
        };
    }
}
