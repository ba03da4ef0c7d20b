package io.alphintra.sdk.indicator;

import java.util.Objects;

/**
 * Runs a streaming indicator over whole arrays, for feature engineering and back-tests. It {@link Indicator#reset()
 * resets} the indicator and feeds it each element in order, so the results are exactly those a strategy would see
 * streaming; the indicator is left holding the state after the last element. Outputs are {@code NaN} during
 * warm-up.
 *
 * <p>Example (also in {@code ReadmeExampleTest}):
 * <pre>{@code
 * double[] rsi = Batch.compute(new Rsi(14), closes);
 * double[][] macd = Batch.computeOutputs(new Macd(12, 26, 9), closes); // macd[0] line, [1] signal, [2] histogram
 * }</pre>
 */
public final class Batch {

    private Batch() {
    }

    /** {@link ValueIndicator#value()} after each element of {@code input}, in a new array. */
    public static double[] compute(ValueIndicator indicator, double[] input) {
        double[] out = new double[input.length];
        compute(indicator, input, out);
        return out;
    }

    /** {@link ValueIndicator#value()} after each element of {@code input}, written to {@code out}. */
    public static void compute(ValueIndicator indicator, double[] input, double[] out) {
        requireLength(out, input.length, "out");
        indicator.reset();
        for (int i = 0; i < input.length; i++) {
            out[i] = indicator.update(input[i]);
        }
    }

    /** {@link BarIndicator#value()} after each bar, in a new array. All arrays must have the same length. */
    public static double[] compute(BarIndicator indicator, double[] open, double[] high, double[] low, double[] close,
            double[] volume) {
        double[] out = new double[close.length];
        compute(indicator, open, high, low, close, volume, out);
        return out;
    }

    /** {@link BarIndicator#value()} after each bar, written to {@code out}. All arrays must have the same length. */
    public static void compute(BarIndicator indicator, double[] open, double[] high, double[] low, double[] close,
            double[] volume, double[] out) {
        int n = close.length;
        requireBars(open, high, low, volume, n);
        requireLength(out, n, "out");
        indicator.reset();
        for (int i = 0; i < n; i++) {
            out[i] = indicator.update(open[i], high[i], low[i], close[i], volume[i]);
        }
    }

    /** {@link PairIndicator#value()} after each pair {@code (x[i], y[i])}, in a new array. */
    public static double[] compute(PairIndicator indicator, double[] x, double[] y) {
        requireLength(y, x.length, "y");
        double[] out = new double[x.length];
        indicator.reset();
        for (int i = 0; i < x.length; i++) {
            out[i] = indicator.update(x[i], y[i]);
        }
        return out;
    }

    /**
     * Every output of a multi-output indicator after each element: {@code result[k][i]} is output {@code k} (see
     * {@link MultiOutput#outputName(int)}) after element {@code i}.
     */
    public static <T extends ValueIndicator & MultiOutput> double[][] computeOutputs(T indicator, double[] input) {
        double[][] out = new double[indicator.outputCount()][input.length];
        indicator.reset();
        for (int i = 0; i < input.length; i++) {
            indicator.update(input[i]);
            copyOutputs(indicator, out, i);
        }
        return out;
    }

    /**
     * Every output of a multi-output bar indicator after each bar; see
     * {@link #computeOutputs(ValueIndicator, double[])}.
     */
    public static <T extends BarIndicator & MultiOutput> double[][] computeOutputs(T indicator, double[] open,
            double[] high, double[] low, double[] close, double[] volume) {
        int n = close.length;
        requireBars(open, high, low, volume, n);
        double[][] out = new double[indicator.outputCount()][n];
        indicator.reset();
        for (int i = 0; i < n; i++) {
            indicator.update(open[i], high[i], low[i], close[i], volume[i]);
            copyOutputs(indicator, out, i);
        }
        return out;
    }

    private static void copyOutputs(MultiOutput indicator, double[][] out, int i) {
        for (int k = 0; k < out.length; k++) {
            out[k][i] = indicator.output(k);
        }
    }

    private static void requireBars(double[] open, double[] high, double[] low, double[] volume, int n) {
        requireLength(open, n, "open");
        requireLength(high, n, "high");
        requireLength(low, n, "low");
        requireLength(volume, n, "volume");
    }

    private static void requireLength(double[] array, int length, String name) {
        Objects.requireNonNull(array, name);
        if (array.length != length) {
            throw new IllegalArgumentException(name + ".length = " + array.length + ": must be " + length);
        }
    }
}
