package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingExtreme;

/**
 * Stochastic RSI (TA-Lib {@code STOCHRSI} with SMA smoothing): the fast stochastic of {@link Rsi} values. {@link #k()}
 * is {@code 100*(rsi - lowest rsi)/(highest rsi - lowest rsi)} over {@code fastK} RSI values (0 when they are all
 * equal) and {@link #d()} its SMA over {@code fastD}. Outputs: {@code k}, {@code d}; {@link #value()} is {@code k}.
 * Warm-up: {@code period + fastK + fastD - 1}.
 */
public final class StochRsi implements ValueIndicator, MultiOutput {

    private static final String[] OUTPUTS = {"k", "d"};

    private final int period;
    private final int fastK;
    private final int fastD;
    private final Rsi rsi;
    private final RollingExtreme highest;
    private final RollingExtreme lowest;
    private final Sma dAverage;
    private double k = Double.NaN;
    private double d = Double.NaN;

    /**
     * @param period RSI period, {@code >= 2}
     * @param fastK  stochastic window over RSI values, {@code >= 1}
     * @param fastD  %D smoothing, {@code >= 1}
     */
    public StochRsi(int period, int fastK, int fastD) {
        this.period = Check.atLeast("period", period, 2);
        this.fastK = Check.atLeast("fastK", fastK, 1);
        this.fastD = Check.atLeast("fastD", fastD, 1);
        rsi = new Rsi(period);
        highest = new RollingExtreme(fastK, true);
        lowest = new RollingExtreme(fastK, false);
        dAverage = new Sma(fastD);
    }

    @Override
    public double update(double input) {
        double r = rsi.update(input);
        if (rsi.isReady()) {
            highest.add(r);
            lowest.add(r);
            if (highest.isFull()) {
                double rawK = Stochastic.rawK(r, highest.value(), lowest.value());
                double smoothedD = dAverage.update(rawK);
                if (dAverage.isReady()) {
                    k = rawK;
                    d = smoothedD;
                }
            }
        }
        return k;
    }

    /** Fast %K of RSI, 0..100. */
    public double k() {
        return k;
    }

    /** Fast %D of RSI, 0..100. */
    public double d() {
        return d;
    }

    @Override
    public double value() {
        return k;
    }

    @Override
    public boolean isReady() {
        return dAverage.isReady();
    }

    @Override
    public int warmupPeriod() {
        return period + fastK + fastD - 1;
    }

    @Override
    public void reset() {
        rsi.reset();
        highest.clear();
        lowest.clear();
        dAverage.reset();
        k = Double.NaN;
        d = Double.NaN;
    }

    @Override
    public String name() {
        return "STOCHRSI(" + period + "," + fastK + "," + fastD + ")";
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
            case 0 -> k;
            case 1 -> d;
            default -> throw Outputs.invalid(index, OUTPUTS.length);
        };
    }
}
