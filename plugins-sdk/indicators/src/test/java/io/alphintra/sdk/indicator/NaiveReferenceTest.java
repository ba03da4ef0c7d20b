package io.alphintra.sdk.indicator;

import org.junit.jupiter.api.Test;

import static io.alphintra.sdk.indicator.Fixtures.assertClose;
import static io.alphintra.sdk.indicator.Fixtures.nans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Indicators that TA-Lib lacks, against plain O(n*period) recomputations from their definitions on the Apple bars.
 * The references deliberately share no code with the indicators.
 */
class NaiveReferenceTest {

    private static final AppleBars B = AppleBars.INSTANCE;
    private static final int N = B.size();

    private static double max(double[] a, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            m = Math.max(m, a[i]);
        }
        return m;
    }

    private static double min(double[] a, int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            m = Math.min(m, a[i]);
        }
        return m;
    }

    private static double wma(double[] a, int end, int p) {
        double s = 0;
        for (int j = 0; j < p; j++) {
            s += (p - j) * a[end - j];
        }
        return s / (p * (p + 1) / 2.0);
    }

    /** Wilder ATR seeded with the mean of the first p true ranges (bars 1..p). */
    private static double[] atr(int p) {
        double[] tr = nans(N);
        for (int i = 1; i < N; i++) {
            double pc = B.close[i - 1];
            tr[i] = Math.max(B.high[i], pc) - Math.min(B.low[i], pc);
        }
        double[] out = nans(N);
        double sum = 0;
        for (int i = 1; i <= p; i++) {
            sum += tr[i];
        }
        out[p] = sum / p;
        for (int i = p + 1; i < N; i++) {
            out[i] = (out[i - 1] * (p - 1) + tr[i]) / p;
        }
        return out;
    }

    /** EMA with k = 2/(p+1), seeded with the mean of the first p defined inputs starting at {@code first}. */
    private static double[] ema(double[] x, int first, int p) {
        double[] out = nans(x.length);
        double sum = 0;
        for (int i = first; i < first + p; i++) {
            sum += x[i];
        }
        out[first + p - 1] = sum / p;
        double k = 2.0 / (p + 1);
        for (int i = first + p; i < x.length; i++) {
            out[i] = out[i - 1] + k * (x[i] - out[i - 1]);
        }
        return out;
    }

    private static double[] bars(BarIndicator indicator) {
        return Batch.compute(indicator, B.open, B.high, B.low, B.close, B.volume);
    }

    private static double[][] outputs(BarIndicator indicator) {
        return Batch.computeOutputs((BarIndicator & MultiOutput) indicator, B.open, B.high, B.low, B.close, B.volume);
    }

    @Test
    void hma() {
        int p = 16;
        int half = 8;
        int root = 4;
        double[] diff = nans(N);
        for (int i = p - 1; i < N; i++) {
            diff[i] = 2 * wma(B.close, i, half) - wma(B.close, i, p);
        }
        double[] expected = nans(N);
        for (int i = p - 1 + root - 1; i < N; i++) {
            expected[i] = wma(diff, i, root);
        }
        assertClose("HMA", Batch.compute(new Hma(p), B.close), expected);
    }

    @Test
    void vwma() {
        int p = 10;
        double[] expected = nans(N);
        for (int i = p - 1; i < N; i++) {
            double pv = 0;
            double v = 0;
            for (int j = i - p + 1; j <= i; j++) {
                pv += B.close[j] * B.volume[j];
                v += B.volume[j];
            }
            expected[i] = pv / v;
        }
        assertClose("VWMA", bars(new Vwma(p)), expected);
    }

    @Test
    void vwapSinceStart() {
        double[] expected = new double[N];
        for (int i = 0; i < N; i++) {
            double pv = 0;
            double v = 0;
            for (int j = 0; j <= i; j++) {
                pv += (B.high[j] + B.low[j] + B.close[j]) / 3 * B.volume[j];
                v += B.volume[j];
            }
            expected[i] = pv / v;
        }
        assertClose("VWAP", bars(new Vwap()), expected);
    }

    @Test
    void keltner() {
        double[] mid = ema(B.close, 0, 20);
        double[] range = atr(10);
        double[][] expected = {nans(N), nans(N), nans(N)};
        for (int i = 19; i < N; i++) {
            expected[0][i] = mid[i] + 2 * range[i];
            expected[1][i] = mid[i];
            expected[2][i] = mid[i] - 2 * range[i];
        }
        double[][] actual = outputs(new KeltnerChannel(20, 10, 2.0));
        for (int k = 0; k < 3; k++) {
            assertClose("Keltner " + k, actual[k], expected[k]);
        }
    }

    @Test
    void donchian() {
        int p = 20;
        double[][] expected = {nans(N), nans(N), nans(N)};
        for (int i = p - 1; i < N; i++) {
            expected[0][i] = max(B.high, i - p + 1, i);
            expected[2][i] = min(B.low, i - p + 1, i);
            expected[1][i] = (expected[0][i] + expected[2][i]) / 2;
        }
        double[][] actual = outputs(new DonchianChannel(p));
        for (int k = 0; k < 3; k++) {
            assertClose("Donchian " + k, actual[k], expected[k]);
        }
    }

    @Test
    void parkinsonAndGarmanKlass() {
        int p = 20;
        double[] parkinson = nans(N);
        double[] garmanKlass = nans(N);
        for (int i = p - 1; i < N; i++) {
            double s = 0;
            double g = 0;
            for (int j = i - p + 1; j <= i; j++) {
                double hl = Math.log(B.high[j] / B.low[j]);
                double co = Math.log(B.close[j] / B.open[j]);
                s += hl * hl;
                g += 0.5 * hl * hl - (2 * Math.log(2) - 1) * co * co;
            }
            parkinson[i] = Math.sqrt(s / (4 * p * Math.log(2)));
            garmanKlass[i] = Math.sqrt(g / p);
        }
        assertClose("Parkinson", bars(new ParkinsonVolatility(p)), parkinson);
        assertClose("Garman-Klass", bars(new GarmanKlassVolatility(p)), garmanKlass);
    }

    @Test
    void chaikinMoneyFlow() {
        int p = 20;
        double[] expected = nans(N);
        for (int i = p - 1; i < N; i++) {
            double flow = 0;
            double v = 0;
            for (int j = i - p + 1; j <= i; j++) {
                double range = B.high[j] - B.low[j];
                double clv = range == 0 ? 0 : ((B.close[j] - B.low[j]) - (B.high[j] - B.close[j])) / range;
                flow += clv * B.volume[j];
                v += B.volume[j];
            }
            expected[i] = flow / v;
        }
        assertClose("CMF", bars(new ChaikinMoneyFlow(p)), expected);
    }

    @Test
    void forceIndex() {
        double[] raw = nans(N);
        for (int i = 1; i < N; i++) {
            raw[i] = (B.close[i] - B.close[i - 1]) * B.volume[i];
        }
        assertClose("Force", bars(new ForceIndex(13)), ema(raw, 1, 13));
    }

    @Test
    void easeOfMovement() {
        int p = 14;
        double scale = 1e8;
        double[] raw = nans(N);
        for (int i = 1; i < N; i++) {
            double distance = (B.high[i] + B.low[i]) / 2 - (B.high[i - 1] + B.low[i - 1]) / 2;
            double boxRatio = (B.volume[i] / scale) / (B.high[i] - B.low[i]);
            raw[i] = distance / boxRatio;
        }
        double[] expected = nans(N);
        for (int i = p; i < N; i++) {
            double s = 0;
            for (int j = i - p + 1; j <= i; j++) {
                s += raw[j];
            }
            expected[i] = s / p;
        }
        assertClose("EMV", bars(new EaseOfMovement(p, scale)), expected);
    }

    @Test
    void ichimoku() {
        int d = 26;
        double[][] expected = new double[6][];
        for (int k = 0; k < 6; k++) {
            expected[k] = nans(N);
        }
        double[] spanA = nans(N);
        double[] spanB = nans(N);
        for (int i = 51; i < N; i++) {
            double tenkan = (max(B.high, i - 8, i) + min(B.low, i - 8, i)) / 2;
            double kijun = (max(B.high, i - 25, i) + min(B.low, i - 25, i)) / 2;
            spanA[i] = (tenkan + kijun) / 2;
            spanB[i] = (max(B.high, i - 51, i) + min(B.low, i - 51, i)) / 2;
            if (i >= 51 + d) {
                expected[0][i] = tenkan;
                expected[1][i] = kijun;
                expected[2][i] = spanA[i];
                expected[3][i] = spanB[i];
                expected[4][i] = spanA[i - d];
                expected[5][i] = spanB[i - d];
            }
        }
        double[][] actual = outputs(new Ichimoku(9, 26, 52, d));
        for (int k = 0; k < 6; k++) {
            assertClose("Ichimoku " + k, actual[k], expected[k]);
        }
    }

    @Test
    void superTrend() {
        int p = 10;
        double m = 3;
        double[] range = atr(p);
        double[][] expected = {nans(N), nans(N), nans(N), nans(N)};
        double upper = 0;
        double lower = 0;
        boolean up = false;
        for (int i = p; i < N; i++) {
            double hl2 = (B.high[i] + B.low[i]) / 2;
            double bu = hl2 + m * range[i];
            double bl = hl2 - m * range[i];
            if (i == p) {
                upper = bu;
                lower = bl;
            } else {
                double prevClose = B.close[i - 1];
                upper = (bu < upper || prevClose > upper) ? bu : upper;
                lower = (bl > lower || prevClose < lower) ? bl : lower;
                up = up ? B.close[i] >= lower : B.close[i] > upper;
            }
            expected[0][i] = up ? lower : upper;
            expected[1][i] = up ? 1 : -1;
            expected[2][i] = upper;
            expected[3][i] = lower;
        }
        double[][] actual = outputs(new SuperTrend(p, m));
        for (int k = 0; k < 4; k++) {
            assertClose("SuperTrend " + k, actual[k], expected[k]);
        }
    }

    @Test
    void zScore() {
        int p = 20;
        double[] expected = nans(N);
        for (int i = p - 1; i < N; i++) {
            double mean = 0;
            for (int j = i - p + 1; j <= i; j++) {
                mean += B.close[j];
            }
            mean /= p;
            double var = 0;
            for (int j = i - p + 1; j <= i; j++) {
                var += (B.close[j] - mean) * (B.close[j] - mean);
            }
            expected[i] = (B.close[i] - mean) / Math.sqrt(var / p);
        }
        assertClose("ZScore", Batch.compute(new ZScore(p), B.close), expected);
    }

    @Test
    void bollingerPercentBAndBandwidth() {
        int p = 20;
        double[][] actual = Batch.computeOutputs(new BollingerBands(p, 2, 2), B.close);
        double[] percentB = nans(N);
        double[] bandwidth = nans(N);
        for (int i = p - 1; i < N; i++) {
            double mean = 0;
            for (int j = i - p + 1; j <= i; j++) {
                mean += B.close[j];
            }
            mean /= p;
            double var = 0;
            for (int j = i - p + 1; j <= i; j++) {
                var += (B.close[j] - mean) * (B.close[j] - mean);
            }
            double sd = Math.sqrt(var / p);
            percentB[i] = (B.close[i] - (mean - 2 * sd)) / (4 * sd);
            bandwidth[i] = 4 * sd / mean;
        }
        assertClose("%B", actual[3], percentB);
        assertClose("bandwidth", actual[4], bandwidth);
    }

    /**
     * Two million updates of a series with a large mean and a small spread: the rolling sums and moments must still
     * agree with a fresh computation over the last window (no drift, no cancellation).
     */
    @Test
    void longSeriesDoNotDrift() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        int n = 2_000_025; // not a multiple of p: the last update falls between two recomputations
        int p = 50;
        double[] x = new double[n];
        double[] y = new double[n];
        double level = 1e6;
        for (int i = 0; i < n; i++) {
            level += random.nextDouble() - 0.5;
            x[i] = level;
            y[i] = 0.5 * level + random.nextDouble();
        }
        Sma sma = new Sma(p);
        Variance variance = new Variance(p);
        LinearRegression regression = new LinearRegression(p);
        Correlation correlation = new Correlation(p);
        for (int i = 0; i < n - 1; i++) {
            sma.update(x[i]);
            variance.update(x[i]);
            regression.update(x[i]);
            correlation.update(x[i], y[i]);
        }
        // End between two exact recomputations, where accumulated error would be largest.
        sma.update(x[n - 1]);
        variance.update(x[n - 1]);
        regression.update(x[n - 1]);
        correlation.update(x[n - 1], y[n - 1]);

        int from = n - p;
        double mx = 0;
        double my = 0;
        for (int i = from; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= p;
        my /= p;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        double stx = 0;
        double tMean = (p - 1) / 2.0;
        double stt = 0;
        for (int i = from; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
            sxy += (x[i] - mx) * (y[i] - my);
            stx += (i - from - tMean) * (x[i] - mx);
            stt += (i - from - tMean) * (i - from - tMean);
        }
        // Absolute: relative to a mean of 1e6 a drifting sum would still pass.
        assertThat(sma.value()).isCloseTo(mx, within(1e-7));
        assertClose("VAR", new double[] {variance.value()}, new double[] {sxx / p});
        assertClose("slope", new double[] {regression.slope()}, new double[] {stx / stt});
        assertClose("correlation", new double[] {correlation.value()}, new double[] {sxy / Math.sqrt(sxx * syy)});
    }
}
