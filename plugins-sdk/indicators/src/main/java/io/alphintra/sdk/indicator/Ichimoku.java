package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.DoubleRing;
import io.alphintra.sdk.indicator.internal.RollingExtreme;

/**
 * Ichimoku kinko hyo. Each line is a midpoint {@code (highest high + lowest low)/2}: {@code tenkan} over
 * {@code tenkanPeriod} bars, {@code kijun} over {@code kijunPeriod}, {@code senkouA = (tenkan + kijun)/2} and
 * {@code senkouB} over {@code senkouBPeriod}. The two senkou spans are reported as computed on this bar (a chart
 * plots them {@code displacement} bars ahead); {@code cloudA} and {@code cloudB} are the spans computed
 * {@code displacement} bars ago, i.e. the cloud under the current bar, which is what a strategy compares the price
 * with. (Charting packages that count the current bar as the first of the displacement, such as TradingView, use
 * {@code displacement - 1}: pass 25 to match them.) The lagging span is the close itself, so it is not an output.
 * Uses high and low. Not in TA-Lib. Outputs: {@code tenkan}, {@code kijun}, {@code senkouA}, {@code senkouB},
 * {@code cloudA}, {@code cloudB}; {@link #value()} is the kijun. Warm-up: {@code max(periods) + displacement}, when
 * the first cloud is known.
 */
public final class Ichimoku implements BarIndicator, MultiOutput {

    private static final String[] OUTPUTS = {"tenkan", "kijun", "senkouA", "senkouB", "cloudA", "cloudB"};

    private final int tenkanPeriod;
    private final int kijunPeriod;
    private final int senkouBPeriod;
    private final int displacement;
    private final int linesReadyAfter;
    private final RollingExtreme[] highs = new RollingExtreme[3];
    private final RollingExtreme[] lows = new RollingExtreme[3];
    private final DoubleRing pastSenkouA;
    private final DoubleRing pastSenkouB;
    private int count;
    private double tenkan = Double.NaN;
    private double kijun = Double.NaN;
    private double senkouA = Double.NaN;
    private double senkouB = Double.NaN;
    private double cloudA = Double.NaN;
    private double cloudB = Double.NaN;

    /**
     * @param tenkanPeriod  conversion line, {@code >= 1}
     * @param kijunPeriod   base line, {@code >= 1}
     * @param senkouBPeriod leading span B, {@code >= 1}
     * @param displacement  bars the leading spans are shifted forward, {@code >= 1}
     */
    public Ichimoku(int tenkanPeriod, int kijunPeriod, int senkouBPeriod, int displacement) {
        this.tenkanPeriod = Check.atLeast("tenkanPeriod", tenkanPeriod, 1);
        this.kijunPeriod = Check.atLeast("kijunPeriod", kijunPeriod, 1);
        this.senkouBPeriod = Check.atLeast("senkouBPeriod", senkouBPeriod, 1);
        this.displacement = Check.atLeast("displacement", displacement, 1);
        linesReadyAfter = Math.max(tenkanPeriod, Math.max(kijunPeriod, senkouBPeriod));
        int[] periods = {tenkanPeriod, kijunPeriod, senkouBPeriod};
        for (int i = 0; i < 3; i++) {
            highs[i] = new RollingExtreme(periods[i], true);
            lows[i] = new RollingExtreme(periods[i], false);
        }
        pastSenkouA = new DoubleRing(displacement + 1);
        pastSenkouB = new DoubleRing(displacement + 1);
    }

    /** Hosoda's 9, 26, 52 with a displacement of 26. */
    public Ichimoku() {
        this(9, 26, 52, 26);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        for (int i = 0; i < 3; i++) {
            highs[i].add(high);
            lows[i].add(low);
        }
        if (++count < linesReadyAfter) {
            return kijun;
        }
        double t = midpoint(0);
        double k = midpoint(1);
        double a = (t + k) / 2.0;
        double b = midpoint(2);
        pastSenkouA.push(a);
        pastSenkouB.push(b);
        if (pastSenkouA.isFull()) {
            tenkan = t;
            kijun = k;
            senkouA = a;
            senkouB = b;
            cloudA = pastSenkouA.oldest();
            cloudB = pastSenkouB.oldest();
        }
        return kijun;
    }

    private double midpoint(int line) {
        return (highs[line].value() + lows[line].value()) / 2.0;
    }

    /** Conversion line. */
    public double tenkan() {
        return tenkan;
    }

    /** Base line. */
    public double kijun() {
        return kijun;
    }

    /** Leading span A as computed on this bar (plotted {@code displacement} bars ahead). */
    public double senkouA() {
        return senkouA;
    }

    /** Leading span B as computed on this bar (plotted {@code displacement} bars ahead). */
    public double senkouB() {
        return senkouB;
    }

    /** Leading span A that applies to the current bar (computed {@code displacement} bars ago). */
    public double cloudA() {
        return cloudA;
    }

    /** Leading span B that applies to the current bar (computed {@code displacement} bars ago). */
    public double cloudB() {
        return cloudB;
    }

    @Override
    public double value() {
        return kijun;
    }

    @Override
    public boolean isReady() {
        return pastSenkouA.isFull();
    }

    @Override
    public int warmupPeriod() {
        return linesReadyAfter + displacement;
    }

    @Override
    public void reset() {
        for (int i = 0; i < 3; i++) {
            highs[i].clear();
            lows[i].clear();
        }
        pastSenkouA.clear();
        pastSenkouB.clear();
        count = 0;
        tenkan = Double.NaN;
        kijun = Double.NaN;
        senkouA = Double.NaN;
        senkouB = Double.NaN;
        cloudA = Double.NaN;
        cloudB = Double.NaN;
    }

    @Override
    public String name() {
        return "ICHIMOKU(" + tenkanPeriod + "," + kijunPeriod + "," + senkouBPeriod + "," + displacement + ")";
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
            case 0 -> tenkan;
            case 1 -> kijun;
            case 2 -> senkouA;
            case 3 -> senkouB;
            case 4 -> cloudA;
            case 5 -> cloudB;
            default -> throw Outputs.invalid(index, OUTPUTS.length);
        };
    }
}
