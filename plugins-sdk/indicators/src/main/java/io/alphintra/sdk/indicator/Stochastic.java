package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingExtreme;

/**
 * Slow stochastic oscillator (TA-Lib {@code STOCH} with SMA smoothing, its default). Raw %K is
 * {@code 100*(close - lowest low)/(highest high - lowest low)} over {@code fastK} bars (0 when the range is empty);
 * {@link #k()} is its SMA over {@code slowK} bars and {@link #d()} the SMA of that over {@code slowD} bars. Uses high,
 * low and close. Outputs: {@code k}, {@code d}; {@link #value()} is {@code k}. Warm-up:
 * {@code fastK + slowK + slowD - 2}.
 */
public final class Stochastic implements BarIndicator, MultiOutput {

    private static final String[] OUTPUTS = {"k", "d"};

    private final int fastK;
    private final int slowK;
    private final int slowD;
    private final RollingExtreme highest;
    private final RollingExtreme lowest;
    private final Sma kAverage;
    private final Sma dAverage;
    private double k = Double.NaN;
    private double d = Double.NaN;

    /**
     * @param fastK raw %K window, {@code >= 1}
     * @param slowK %K smoothing, {@code >= 1}
     * @param slowD %D smoothing, {@code >= 1}
     */
    public Stochastic(int fastK, int slowK, int slowD) {
        this.fastK = Check.atLeast("fastK", fastK, 1);
        this.slowK = Check.atLeast("slowK", slowK, 1);
        this.slowD = Check.atLeast("slowD", slowD, 1);
        highest = new RollingExtreme(fastK, true);
        lowest = new RollingExtreme(fastK, false);
        kAverage = new Sma(slowK);
        dAverage = new Sma(slowD);
    }

    /** TA-Lib's defaults: 5, 3, 3. */
    public Stochastic() {
        this(5, 3, 3);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        highest.add(high);
        lowest.add(low);
        if (highest.isFull()) {
            double smoothedK = kAverage.update(rawK(close, highest.value(), lowest.value()));
            if (kAverage.isReady()) {
                double smoothedD = dAverage.update(smoothedK);
                if (dAverage.isReady()) {
                    k = smoothedK;
                    d = smoothedD;
                }
            }
        }
        return k;
    }

    /** TA-Lib's formula, shared with {@link StochRsi}: 0 when the range is empty. */
    static double rawK(double close, double highest, double lowest) {
        double range = (highest - lowest) / 100.0;
        return range != 0 ? (close - lowest) / range : 0.0;
    }

    /** Slow %K, 0..100. */
    public double k() {
        return k;
    }

    /** Slow %D, 0..100. */
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
        return fastK + slowK + slowD - 2;
    }

    @Override
    public void reset() {
        highest.clear();
        lowest.clear();
        kAverage.reset();
        dAverage.reset();
        k = Double.NaN;
        d = Double.NaN;
    }

    @Override
    public String name() {
        return "STOCH(" + fastK + "," + slowK + "," + slowD + ")";
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
