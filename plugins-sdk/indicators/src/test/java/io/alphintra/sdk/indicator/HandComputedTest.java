package io.alphintra.sdk.indicator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Small cases worked out by hand (the arithmetic is in the comments). */
class HandComputedTest {

    private static final double NaN = Double.NaN;
    private static final double[] X = {1, 2, 3, 4, 5, 6};

    private static void assertSeries(double[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(actual[i]).as("index %d", i).isNaN();
            } else {
                assertThat(actual[i]).as("index %d", i).isCloseTo(expected[i], within(1e-12));
            }
        }
    }

    /** Bars given as {open, high, low, close, volume} rows. */
    private static double[] bars(BarIndicator indicator, double[]... rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            out[i] = indicator.update(r[0], r[1], r[2], r[3], r[4]);
        }
        return out;
    }

    @Test
    void movingAverages() {
        assertSeries(Batch.compute(new Sma(3), X), NaN, NaN, 2, 3, 4, 5);
        // seed (1+2+3)/3 = 2; k = 0.5: 2 + 0.5*(4-2) = 3; 3 + 0.5*(5-3) = 4
        assertSeries(Batch.compute(new Ema(3), X), NaN, NaN, 2, 3, 4, 5);
        assertSeries(Batch.compute(new Ema(3), new double[] {1, 2, 3, 10}), NaN, NaN, 2, 6);
        // (1*1 + 2*2 + 3*3)/6 = 14/6; (2 + 6 + 12)/6 = 20/6
        assertSeries(Batch.compute(new Wma(3), X), NaN, NaN, 14.0 / 6, 20.0 / 6, 26.0 / 6, 32.0 / 6);
        // TRIMA(4) weights 1,2,2,1: (1 + 4 + 6 + 4)/6 = 2.5
        assertSeries(Batch.compute(new Trima(4), X), NaN, NaN, NaN, 2.5, 3.5, 4.5);
        // On a straight line every lag-compensated average sits on the line.
        assertSeries(Batch.compute(new Dema(2), X), NaN, NaN, 3, 4, 5, 6);
        assertSeries(Batch.compute(new Tema(2), X), NaN, NaN, NaN, 4, 5, 6);
        // HMA(4): WMA2 - and WMA4 - of a line lag by 1/3 and 1; 2*WMA2 - WMA4 = x + 1/3; WMA2 of that lags 1/3.
        assertSeries(Batch.compute(new Hma(4), X), NaN, NaN, NaN, NaN, 5, 6);
    }

    @Test
    void kamaOnAStraightLineMovesAtTheFastestRate() {
        // Efficiency 1, so the smoothing is (2/3)^2 = 4/9: KAMA starts at x[1] = 2, then 2 + 4/9*(3-2).
        double[] k = Batch.compute(new Kama(2), new double[] {1, 2, 3});
        assertSeries(k, NaN, NaN, 2 + 4.0 / 9);
    }

    @Test
    void volumeWeighted() {
        // VWMA(2) of closes 10, 20, 30 with volumes 1, 3, 1: (10 + 60)/4 = 17.5, (60 + 30)/4 = 22.5
        double[] v = bars(new Vwma(2), new double[] {0, 10, 10, 10, 1}, new double[] {0, 20, 20, 20, 3},
                new double[] {0, 30, 30, 30, 1});
        assertSeries(v, NaN, 17.5, 22.5);
        // VWAP of typical prices 10 (vol 1) and (12+6+9)/3 = 9 (vol 2): (10 + 18)/3
        Vwap vwap = new Vwap();
        assertSeries(bars(vwap, new double[] {0, 10, 10, 10, 1}, new double[] {0, 12, 6, 9, 2}), 10, 28.0 / 3);
        vwap.reset();
        assertThat(vwap.update(0, 12, 6, 9, 2)).isEqualTo(9);
    }

    @Test
    void rsiAndCmo() {
        // changes +1, -1, +2: average gain (1+2)/3 = 1, loss 1/3 -> RSI 75, CMO 100*(2/3)/(4/3) = 50
        double[] x = {10, 11, 10, 12};
        assertSeries(Batch.compute(new Rsi(3), x), NaN, NaN, NaN, 75);
        assertSeries(Batch.compute(new Cmo(3), x), NaN, NaN, NaN, 50);
        // next change -3: gain (1*2 + 0)/3 = 2/3, loss (1/3*2 + 3)/3 = 11/9 -> 100*(6/9)/(17/9)
        assertSeries(Batch.compute(new Rsi(3), new double[] {10, 11, 10, 12, 9}), NaN, NaN, NaN, 75, 600.0 / 17);
        assertSeries(Batch.compute(new Rsi(2), new double[] {5, 5, 5}), NaN, NaN, 0);
    }

    @Test
    void changes() {
        assertSeries(Batch.compute(new Momentum(2), X), NaN, NaN, 2, 2, 2, 2);
        assertSeries(Batch.compute(new Roc(2), X), NaN, NaN, 200, 100, 200.0 / 3, 50);
    }

    @Test
    void rangeIndicators() {
        double[][] rows = {{0, 10, 8, 9, 100}, {0, 12, 9, 11, 200}, {0, 11, 7, 8, 300}, {0, 13, 10, 12, 400}};
        // true ranges: bar 1 max(3, |9-12|, |9-9|) = 3; bar 2 max(4, 0, 4) = 4; bar 3 max(3, 5, 2) = 5
        assertSeries(bars(new TrueRange(), rows), NaN, 3, 4, 5);
        // ATR(2): (3+4)/2 = 3.5, then (3.5 + 5)/2 = 4.25; NATR = 100*4.25/12
        assertSeries(bars(new Atr(2), rows), NaN, NaN, 3.5, 4.25);
        assertSeries(bars(new Natr(2), rows), NaN, NaN, 3.5 / 8 * 100, 4.25 / 12 * 100);
        // highest high / lowest low over 3 bars: (12, 7) then (13, 7); closes 8 and 12
        assertSeries(bars(new WilliamsR(3), rows), NaN, NaN, -80, -100.0 / 6);
        assertSeries(bars(new MidPrice(3), rows), NaN, NaN, 9.5, 10);
        DonchianChannel donchian = new DonchianChannel(3);
        bars(donchian, rows);
        assertThat(new double[] {donchian.upper(), donchian.middle(), donchian.lower()}).containsExactly(13, 10, 7);
        // raw %K over 2 bars: bar1 (11-8)/(12-8) = 75, bar2 (8-7)/(12-7) = 20, bar3 (12-7)/(13-7) = 83.33
        Stochastic stochastic = new Stochastic(2, 1, 2);
        assertSeries(bars(stochastic, rows), NaN, NaN, 20, 250.0 / 3);
        assertThat(stochastic.d()).isCloseTo((20 + 250.0 / 3) / 2, within(1e-12));
        // Aroon(2) over 3 bars at bar 3: highest high 13 now (up 100), lowest low 7 one bar ago (down 50)
        Aroon aroon = new Aroon(2);
        bars(aroon, rows);
        assertThat(new double[] {aroon.up(), aroon.down(), aroon.oscillator()}).containsExactly(100, 50, 50);
    }

    @Test
    void volumeIndicators() {
        double[][] rows = {{9, 10, 8, 9, 100}, {9, 12, 9, 11, 200}, {11, 11, 7, 8, 300}, {8, 13, 10, 13, 400}};
        // OBV starts at 100, +200, -300, +400
        assertSeries(bars(new Obv(), rows), 100, 300, 0, 400);
        // CLV: 0, (2-1)/3 = 1/3, (1-3)/4 = -1/2, 1 -> AD 0, 66.67, -83.33, 316.67
        assertSeries(bars(new AccumulationDistribution(), rows), 0, 200.0 / 3, 200.0 / 3 - 150, 200.0 / 3 + 250);
        // CMF(2) at bar 3: (-150 + 400)/(300 + 400)
        assertSeries(bars(new ChaikinMoneyFlow(2), rows), NaN, 200.0 / 3 / 300, (200.0 / 3 - 150) / 500, 250.0 / 700);
        // force: 2*200 = 400, -3*300 = -900, 5*400 = 2000; EMA(2) seed (400-900)/2 = -250, then -250 + 2/3*2250
        assertSeries(bars(new ForceIndex(2), rows), NaN, NaN, -250, 1250);
        // BOP: 0/2, 2/3, -3/4, 5/3
        assertSeries(bars(new BalanceOfPower(), rows), 0, 2.0 / 3, -0.75, 5.0 / 3);
        // EMV(1), scale 1: distance (10.5 - 9) * range 3 / volume 200
        assertSeries(bars(new EaseOfMovement(1, 1), rows), NaN, 1.5 * 3 / 200, -1.5 * 4 / 300, 2.5 * 3 / 400);
    }

    @Test
    void statistics() {
        // window 2,4,6: mean 4, population variance 8/3
        double[] x = {2, 4, 6};
        assertSeries(Batch.compute(new Variance(3), x), NaN, NaN, 8.0 / 3);
        assertSeries(Batch.compute(new StandardDeviation(3), x), NaN, NaN, Math.sqrt(8.0 / 3));
        assertSeries(Batch.compute(new ZScore(3), x), NaN, NaN, 2 / Math.sqrt(8.0 / 3));
        BollingerBands bands = new BollingerBands(3, 1, 1);
        Batch.compute(bands, x);
        double sd = Math.sqrt(8.0 / 3);
        assertThat(bands.upper()).isCloseTo(4 + sd, within(1e-12));
        assertThat(bands.percentB()).isCloseTo((6 - (4 - sd)) / (2 * sd), within(1e-12));
        assertThat(bands.bandwidth()).isCloseTo(2 * sd / 4, within(1e-12));
        assertSeries(Batch.compute(new Highest(2), x), NaN, 4, 6);
        assertSeries(Batch.compute(new Lowest(2), x), NaN, 2, 4);
        assertSeries(Batch.compute(new MidPoint(3), x), NaN, NaN, 4);
        // y = 3x + 1 exactly: slope 3, intercept (at the oldest point) 1 + 3*k, forecast one step ahead
        LinearRegression line = new LinearRegression(3);
        Batch.compute(line, new double[] {1, 4, 7, 10});
        assertThat(new double[] {line.slope(), line.intercept(), line.line(), line.forecast()})
                .containsExactly(new double[] {3, 4, 10, 13}, within(1e-12));
        assertThat(Batch.compute(new Correlation(3), new double[] {1, 2, 3}, new double[] {5, 3, 1})[2])
                .isCloseTo(-1, within(1e-12));
        // asset returns exactly twice the benchmark's: +10%/+5%, then -20%/-10%
        assertSeries(Batch.compute(new Beta(2), new double[] {100, 110, 88}, new double[] {50, 52.5, 47.25}),
                NaN, NaN, 2);
    }

    @Test
    void volatilityEstimators() {
        double lnRange = Math.log(12.0 / 10);
        double lnBody = Math.log(11.0 / 10.5);
        double[][] rows = {{10.5, 12, 10, 11, 1}};
        assertSeries(bars(new ParkinsonVolatility(1), rows), Math.sqrt(lnRange * lnRange / (4 * Math.log(2))));
        assertSeries(bars(new GarmanKlassVolatility(1), rows),
                Math.sqrt(0.5 * lnRange * lnRange - (2 * Math.log(2) - 1) * lnBody * lnBody));
    }

    @Test
    void parabolicSarStartsLongBelowTheFirstLowAndReversesOnPenetration() {
        // bar 1 does not make a lower low, so long: SAR = first low 9, EP = 12
        ParabolicSar sar = new ParabolicSar(0.02, 0.2);
        assertThat(sar.update(0, 10, 9, 0, 0)).isNaN();
        assertThat(sar.update(0, 12, 10, 0, 0)).isEqualTo(9);
        assertThat(sar.isLong()).isTrue();
        // next SAR: 9 + 0.02*(12 - 9) = 9.06, capped at the two lows (10) -> 9.06; bar 2 low 8 breaks it: reverse
        // to the extreme point 12 (at least the highs 12 and 11)
        assertThat(sar.update(0, 11, 8, 0, 0)).isEqualTo(12);
        assertThat(sar.isLong()).isFalse();
    }

    @Test
    void directionalMovement() {
        // DM(2): bar1 +DM 2 (12-10 > 9-9), TR 3; bar2 -DM 2 (9-7 > 11-12), TR 4.
        // bar2: +DM = 2 - 2/2 + 0 = 1, -DM = 0 + 2 = 2, TR = 3 - 1.5 + 4 = 5.5
        DirectionalMovement dm = new DirectionalMovement(2);
        bars(dm, new double[] {0, 10, 9, 9, 0}, new double[] {0, 12, 9, 11, 0}, new double[] {0, 11, 7, 8, 0});
        assertThat(dm.plusDi()).isCloseTo(100 / 5.5, within(1e-12));
        assertThat(dm.minusDi()).isCloseTo(200 / 5.5, within(1e-12));
        assertThat(dm.dx()).isCloseTo(100.0 / 3, within(1e-12));
    }

    @Test
    void macdOnAStraightLine() {
        // EMAs of a line lag by (p-1)/2: fast 2 lags 0.5, slow 3 lags 1 -> MACD 0.5, signal 0.5, histogram 0
        Macd macd = new Macd(2, 3, 2);
        Batch.compute(macd, X);
        assertThat(new double[] {macd.macd(), macd.signal(), macd.histogram()})
                .containsExactly(new double[] {0.5, 0.5, 0}, within(1e-12));
        assertSeries(Batch.compute(new Apo(2, 3, MaType.SMA), X), NaN, NaN, 0.5, 0.5, 0.5, 0.5);
        assertSeries(Batch.compute(new Ppo(2, 3, MaType.SMA), X), NaN, NaN, 25, 50.0 / 3, 12.5, 10);
    }

    @Test
    void moreBarIndicators() {
        double[][] rows = {{0, 10, 8, 9, 100}, {0, 12, 9, 11, 200}, {0, 11, 7, 8, 300}, {0, 13, 10, 12, 400}};
        // typical prices 9, 32/3, 26/3, 35/3. CCI(2) of any two is +-(5/6)/(0.015 * 5/6) = +-66.67
        assertSeries(bars(new Cci(2), rows), NaN, 200.0 / 3, -200.0 / 3, 200.0 / 3);
        // money flows +32/3*200 = 6400/3, -26/3*300 = -7800/3, +35/3*400 = 14000/3
        assertSeries(bars(new Mfi(2), rows), NaN, NaN, 100 * 6400.0 / 14200, 100 * 14000.0 / 21800);
        // one-bar windows: 100 * buying pressure / true range = 2/3, 1/4, 4/5 (bar 3: 12 - min(10, 8) over 13 - 8)
        assertSeries(bars(new UltimateOscillator(1, 1, 1), rows), NaN, 200.0 / 3, 25, 80);
        // EMA(2) of closes: seed (9+11)/2 = 10, then 10 + 2/3*(8-10); ATR(1) = true range 3, 4
        KeltnerChannel keltner = new KeltnerChannel(2, 1, 2);
        assertSeries(bars(keltner, rows), NaN, 10, 26.0 / 3, 26.0 / 3 + 2.0 / 3 * (12 - 26.0 / 3));
        assertThat(keltner.upper()).isCloseTo(keltner.middle() + 2 * 5, within(1e-12));
        // DX on bars 2 and 3: 100/3 (see directionalMovement) and, with +DM 2.5, -DM 1, TR 7.75, 100*1.5/3.5
        assertSeries(bars(new Adx(2), rows), NaN, NaN, NaN, (100.0 / 3 + 300.0 / 7) / 2);
    }

    @Test
    void chaikinOscillatorSeedsBothEmasWithTheFirstAdValue() {
        // A/D 0, 200/3, -250/3; fast k 2/3: 400/9, -1100/27; slow k 1/2: 100/3, -25
        double[][] rows = {{9, 10, 8, 9, 100}, {9, 12, 9, 11, 200}, {11, 11, 7, 8, 300}};
        assertSeries(bars(new ChaikinOscillator(2, 3), rows), NaN, NaN, -1100.0 / 27 + 25);
    }

    @Test
    void trixOfPeriodOneIsTheOneBarRateOfChange() {
        assertSeries(Batch.compute(new Trix(1), new double[] {1, 2, 3, 4}), NaN, 100, 50, 100.0 / 3);
    }
}
