package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;

/**
 * Moving average convergence/divergence (TA-Lib {@code MACD}): line {@code EMA(fast) - EMA(slow)}, signal
 * {@code EMA(line, signal)}, histogram {@code line - signal}. As in TA-Lib the fast EMA starts {@code slow - fast}
 * inputs late so that its seed covers the same inputs as the end of the slow seed. Outputs: {@code macd},
 * {@code signal}, {@code histogram}; {@link #value()} is the line. Warm-up: {@code slow + signal - 1}.
 */
public final class Macd implements ValueIndicator, MultiOutput {

    private static final String[] OUTPUTS = {"macd", "signal", "histogram"};

    private final MovingAveragePair averages;
    private final int signalPeriod;
    private final Ema signalEma;
    private double macd = Double.NaN;
    private double signal = Double.NaN;
    private double histogram = Double.NaN;

    /**
     * @param fastPeriod   {@code >= 2}, {@code < slowPeriod}
     * @param slowPeriod   {@code >= 2}
     * @param signalPeriod {@code >= 1}
     */
    public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
        averages = new MovingAveragePair(fastPeriod, slowPeriod, MaType.EMA, true);
        this.signalPeriod = Check.atLeast("signalPeriod", signalPeriod, 1);
        signalEma = new Ema(signalPeriod);
    }

    /** The usual 12, 26, 9. */
    public Macd() {
        this(12, 26, 9);
    }

    @Override
    public double update(double input) {
        if (averages.add(input)) {
            double line = averages.fast() - averages.slow();
            double s = signalEma.update(line);
            if (signalEma.isReady()) {
                macd = line;
                signal = s;
                histogram = line - s;
            }
        }
        return macd;
    }

    /** The MACD line. */
    public double macd() {
        return macd;
    }

    public double signal() {
        return signal;
    }

    public double histogram() {
        return histogram;
    }

    @Override
    public double value() {
        return macd;
    }

    @Override
    public boolean isReady() {
        return signalEma.isReady();
    }

    @Override
    public int warmupPeriod() {
        return averages.slowPeriod + signalPeriod - 1;
    }

    @Override
    public void reset() {
        averages.reset();
        signalEma.reset();
        macd = Double.NaN;
        signal = Double.NaN;
        histogram = Double.NaN;
    }

    @Override
    public String name() {
        return "MACD(" + averages.fastPeriod + "," + averages.slowPeriod + "," + signalPeriod + ")";
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
            case 0 -> macd;
            case 1 -> signal;
            case 2 -> histogram;
            default -> throw Outputs.invalid(index, OUTPUTS.length);
        };
    }
}
