package io.alphintra.sdk.indicator;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Every indicator class with typical parameters, and helpers to drive any of them from the Apple bars. */
final class Fixtures {

    private Fixtures() {
    }

    static List<Supplier<Indicator>> all() {
        return List.of(
                () -> new Sma(10), () -> new Ema(10), () -> new Wma(10), () -> new Dema(10), () -> new Tema(10),
                () -> new Trima(10), () -> new Kama(10), () -> new Hma(16), () -> new T3(5), () -> new Vwma(10),
                Vwap::new,
                () -> new Rsi(14), Stochastic::new, () -> new StochRsi(14, 5, 3), () -> new WilliamsR(14),
                () -> new Cci(14), () -> new Roc(10), () -> new Momentum(10), () -> new Trix(10), Macd::new,
                () -> new Ppo(12, 26, MaType.EMA), () -> new Apo(12, 26, MaType.SMA), UltimateOscillator::new,
                () -> new Mfi(14), () -> new Cmo(14), () -> new Aroon(14), () -> new DirectionalMovement(14),
                () -> new Adx(14), () -> new Adxr(14),
                TrueRange::new, () -> new Atr(14), () -> new Natr(14), BollingerBands::new, KeltnerChannel::new,
                () -> new DonchianChannel(20), () -> new StandardDeviation(20), () -> new Variance(20),
                () -> new ParkinsonVolatility(20), () -> new GarmanKlassVolatility(20),
                Obv::new, AccumulationDistribution::new, ChaikinOscillator::new, () -> new ChaikinMoneyFlow(20),
                () -> new ForceIndex(13), () -> new EaseOfMovement(14, 1e8),
                ParabolicSar::new, Ichimoku::new, SuperTrend::new, () -> new LinearRegression(14),
                () -> new Correlation(20), () -> new Beta(5), () -> new ZScore(20),
                () -> new Highest(14), () -> new Lowest(14), () -> new MidPoint(14), () -> new MidPrice(14),
                BalanceOfPower::new);
    }

    /** Feeds bar {@code i} to any kind of indicator: closes for value indicators, (close, open) for pairs. */
    static double feed(Indicator indicator, AppleBars bars, int i) {
        if (indicator instanceof ValueIndicator v) {
            return v.update(bars.close[i]);
        }
        if (indicator instanceof BarIndicator b) {
            return b.update(bars.open[i], bars.high[i], bars.low[i], bars.close[i], bars.volume[i]);
        }
        if (indicator instanceof PairIndicator p) {
            return p.update(bars.close[i], bars.open[i]);
        }
        throw new IllegalArgumentException(indicator.name());
    }

    /** The batch form over all bars, matching {@link #feed}. */
    static double[] batch(Indicator indicator, AppleBars bars) {
        if (indicator instanceof ValueIndicator v) {
            return Batch.compute(v, bars.close);
        }
        if (indicator instanceof BarIndicator b) {
            return Batch.compute(b, bars.open, bars.high, bars.low, bars.close, bars.volume);
        }
        if (indicator instanceof PairIndicator p) {
            return Batch.compute(p, bars.close, bars.open);
        }
        throw new IllegalArgumentException(indicator.name());
    }

    /** Equal within 1e-9 relative to the expected magnitude (absolute 1e-9 below magnitude 1), NaN only with NaN. */
    static void assertClose(String label, double[] actual, double[] expected) {
        assertThat(actual).as(label + " length").hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(actual[i]).as(label + " at " + i + " (warm-up)").isNaN();
            } else {
                double tolerance = 1e-9 * Math.max(1.0, Math.abs(expected[i]));
                assertThat(actual[i]).as(label + " at " + i).isCloseTo(expected[i],
                        org.assertj.core.data.Offset.offset(tolerance));
            }
        }
    }

    static double[] nans(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
