package io.alphintra.sdk.indicator;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static io.alphintra.sdk.indicator.Fixtures.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every indicator that TA-Lib has, against TA-Lib Java 0.4.0 on the 2013 Apple bars: the same warm-up (our first
 * value is at TA-Lib's outBegIdx) and every value after it within 1e-9 relative.
 */
class TaLibComparisonTest {

    private static final AppleBars BARS = AppleBars.INSTANCE;
    private static final double[] O = BARS.open;
    private static final double[] H = BARS.high;
    private static final double[] L = BARS.low;
    private static final double[] C = BARS.close;
    private static final double[] V = BARS.volume;
    private static final int N = BARS.size();
    private static final int END = N - 1;

    private final Core core = new Core();

    /** One TA-Lib call writing its outputs from index 0 of each array; we shift them to their input positions. */
    private interface TaLibCall {
        RetCode call(MInteger begin, MInteger count, double[]... outs);
    }

    private static double[][] talib(int outputs, TaLibCall call) {
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[][] raw = new double[outputs][N];
        RetCode rc = call.call(begin, count, raw);
        assertThat(rc).isEqualTo(RetCode.Success);
        double[][] aligned = new double[outputs][];
        for (int k = 0; k < outputs; k++) {
            aligned[k] = Fixtures.nans(N);
            System.arraycopy(raw[k], 0, aligned[k], begin.value, count.value);
        }
        return aligned;
    }

    private static double[] talib(TaLibCall call) {
        return talib(1, call)[0];
    }

    private static double[] close(ValueIndicator indicator) {
        return Batch.compute(indicator, C);
    }

    private static double[] bars(BarIndicator indicator) {
        return Batch.compute(indicator, O, H, L, C, V);
    }

    @TestFactory
    List<DynamicTest> singleOutput() {
        List<DynamicTest> tests = new ArrayList<>();
        add(tests, "SMA", close(new Sma(10)), talib((b, n, o) -> core.sma(0, END, C, 10, b, n, o[0])));
        add(tests, "EMA", close(new Ema(10)), talib((b, n, o) -> core.ema(0, END, C, 10, b, n, o[0])));
        add(tests, "WMA", close(new Wma(10)), talib((b, n, o) -> core.wma(0, END, C, 10, b, n, o[0])));
        add(tests, "DEMA", close(new Dema(10)), talib((b, n, o) -> core.dema(0, END, C, 10, b, n, o[0])));
        add(tests, "TEMA", close(new Tema(10)), talib((b, n, o) -> core.tema(0, END, C, 10, b, n, o[0])));
        add(tests, "TRIMA even", close(new Trima(10)), talib((b, n, o) -> core.trima(0, END, C, 10, b, n, o[0])));
        add(tests, "TRIMA odd", close(new Trima(11)), talib((b, n, o) -> core.trima(0, END, C, 11, b, n, o[0])));
        add(tests, "KAMA", close(new Kama(10)), talib((b, n, o) -> core.kama(0, END, C, 10, b, n, o[0])));
        add(tests, "T3", close(new T3(5, 0.7)), talib((b, n, o) -> core.t3(0, END, C, 5, 0.7, b, n, o[0])));
        add(tests, "RSI", close(new Rsi(14)), talib((b, n, o) -> core.rsi(0, END, C, 14, b, n, o[0])));
        add(tests, "CMO", close(new Cmo(14)), talib((b, n, o) -> core.cmo(0, END, C, 14, b, n, o[0])));
        add(tests, "WILLR", bars(new WilliamsR(14)), talib((b, n, o) -> core.willR(0, END, H, L, C, 14, b, n, o[0])));
        add(tests, "CCI", bars(new Cci(14)), talib((b, n, o) -> core.cci(0, END, H, L, C, 14, b, n, o[0])));
        add(tests, "ROC", close(new Roc(10)), talib((b, n, o) -> core.roc(0, END, C, 10, b, n, o[0])));
        add(tests, "MOM", close(new Momentum(10)), talib((b, n, o) -> core.mom(0, END, C, 10, b, n, o[0])));
        add(tests, "TRIX", close(new Trix(10)), talib((b, n, o) -> core.trix(0, END, C, 10, b, n, o[0])));
        for (MaType type : MaType.values()) {
            MAType t = type == MaType.SMA ? MAType.Sma : MAType.Ema;
            add(tests, "PPO " + type, close(new Ppo(12, 26, type)),
                    talib((b, n, o) -> core.ppo(0, END, C, 12, 26, t, b, n, o[0])));
            add(tests, "APO " + type, close(new Apo(12, 26, type)),
                    talib((b, n, o) -> core.apo(0, END, C, 12, 26, t, b, n, o[0])));
        }
        add(tests, "ULTOSC", bars(new UltimateOscillator(7, 14, 28)),
                talib((b, n, o) -> core.ultOsc(0, END, H, L, C, 7, 14, 28, b, n, o[0])));
        add(tests, "MFI", bars(new Mfi(14)), talib((b, n, o) -> core.mfi(0, END, H, L, C, V, 14, b, n, o[0])));
        add(tests, "ADX", bars(new Adx(14)), talib((b, n, o) -> core.adx(0, END, H, L, C, 14, b, n, o[0])));
        add(tests, "ADXR", bars(new Adxr(14)), talib((b, n, o) -> core.adxr(0, END, H, L, C, 14, b, n, o[0])));
        add(tests, "TRANGE", bars(new TrueRange()), talib((b, n, o) -> core.trueRange(0, END, H, L, C, b, n, o[0])));
        add(tests, "ATR", bars(new Atr(14)), talib((b, n, o) -> core.atr(0, END, H, L, C, 14, b, n, o[0])));
        add(tests, "NATR", bars(new Natr(14)), talib((b, n, o) -> core.natr(0, END, H, L, C, 14, b, n, o[0])));
        add(tests, "STDDEV", close(new StandardDeviation(20, 1.5)),
                talib((b, n, o) -> core.stdDev(0, END, C, 20, 1.5, b, n, o[0])));
        add(tests, "VAR", close(new Variance(20)), talib((b, n, o) -> core.variance(0, END, C, 20, 1.0, b, n, o[0])));
        add(tests, "OBV", bars(new Obv()), talib((b, n, o) -> core.obv(0, END, C, V, b, n, o[0])));
        add(tests, "AD", bars(new AccumulationDistribution()),
                talib((b, n, o) -> core.ad(0, END, H, L, C, V, b, n, o[0])));
        add(tests, "ADOSC", bars(new ChaikinOscillator(3, 10)),
                talib((b, n, o) -> core.adOsc(0, END, H, L, C, V, 3, 10, b, n, o[0])));
        add(tests, "SAR", bars(new ParabolicSar(0.02, 0.2)),
                talib((b, n, o) -> core.sar(0, END, H, L, 0.02, 0.2, b, n, o[0])));
        add(tests, "CORREL", Batch.compute(new Correlation(20), C, V),
                talib((b, n, o) -> core.correl(0, END, C, V, 20, b, n, o[0])));
        // TA-Lib's BETA divides by the variance of its first input's returns, so the benchmark goes first there.
        add(tests, "BETA", Batch.compute(new Beta(5), C, O),
                talib((b, n, o) -> core.beta(0, END, O, C, 5, b, n, o[0])));
        add(tests, "MAX", close(new Highest(14)), talib((b, n, o) -> core.max(0, END, C, 14, b, n, o[0])));
        add(tests, "MIN", close(new Lowest(14)), talib((b, n, o) -> core.min(0, END, C, 14, b, n, o[0])));
        add(tests, "MIDPOINT", close(new MidPoint(14)), talib((b, n, o) -> core.midPoint(0, END, C, 14, b, n, o[0])));
        add(tests, "MIDPRICE", bars(new MidPrice(14)),
                talib((b, n, o) -> core.midPrice(0, END, H, L, 14, b, n, o[0])));
        add(tests, "BOP", bars(new BalanceOfPower()), talib((b, n, o) -> core.bop(0, END, O, H, L, C, b, n, o[0])));
        return tests;
    }

    @TestFactory
    List<DynamicTest> multiOutput() {
        List<DynamicTest> tests = new ArrayList<>();
        addAll(tests, "MACD", Batch.computeOutputs(new Macd(12, 26, 9), C),
                talib(3, (b, n, o) -> core.macd(0, END, C, 12, 26, 9, b, n, o[0], o[1], o[2])));
        addAll(tests, "STOCH", Batch.computeOutputs(new Stochastic(5, 3, 3), O, H, L, C, V),
                talib(2, (b, n, o) -> core.stoch(0, END, H, L, C, 5, 3, MAType.Sma, 3, MAType.Sma, b, n, o[0], o[1])));
        addAll(tests, "STOCHRSI", Batch.computeOutputs(new StochRsi(14, 5, 3), C),
                talib(2, (b, n, o) -> core.stochRsi(0, END, C, 14, 5, 3, MAType.Sma, b, n, o[0], o[1])));
        double[][] aroon = Batch.computeOutputs(new Aroon(14), O, H, L, C, V);
        addAll(tests, "AROON", new double[][] {aroon[0], aroon[1]},
                talib(2, (b, n, o) -> core.aroon(0, END, H, L, 14, b, n, o[0], o[1])));
        add(tests, "AROONOSC", aroon[2], talib((b, n, o) -> core.aroonOsc(0, END, H, L, 14, b, n, o[0])));
        double[][] dm = Batch.computeOutputs(new DirectionalMovement(14), O, H, L, C, V);
        add(tests, "PLUS_DI", dm[0], talib((b, n, o) -> core.plusDI(0, END, H, L, C, 14, b, n, o[0])));
        add(tests, "MINUS_DI", dm[1], talib((b, n, o) -> core.minusDI(0, END, H, L, C, 14, b, n, o[0])));
        add(tests, "DX", dm[2], talib((b, n, o) -> core.dx(0, END, H, L, C, 14, b, n, o[0])));
        double[][] adx = Batch.computeOutputs(new Adx(14), O, H, L, C, V);
        double[] plusDi = talib((b, n, o) -> core.plusDI(0, END, H, L, C, 14, b, n, o[0]));
        double[] minusDi = talib((b, n, o) -> core.minusDI(0, END, H, L, C, 14, b, n, o[0]));
        for (int i = 0; i < 27; i++) {
            plusDi[i] = Double.NaN;
            minusDi[i] = Double.NaN;
        }
        add(tests, "ADX +DI (from ADX's warm-up)", adx[1], plusDi);
        add(tests, "ADX -DI (from ADX's warm-up)", adx[2], minusDi);
        double[][] bb = Batch.computeOutputs(new BollingerBands(20, 2.0, 1.5), C);
        addAll(tests, "BBANDS", new double[][] {bb[0], bb[1], bb[2]},
                talib(3, (b, n, o) -> core.bbands(0, END, C, 20, 2.0, 1.5, MAType.Sma, b, n, o[0], o[1], o[2])));
        double[][] lr = Batch.computeOutputs(new LinearRegression(14), C);
        add(tests, "LINEARREG", lr[0], talib((b, n, o) -> core.linearReg(0, END, C, 14, b, n, o[0])));
        add(tests, "LINEARREG_SLOPE", lr[1], talib((b, n, o) -> core.linearRegSlope(0, END, C, 14, b, n, o[0])));
        add(tests, "LINEARREG_INTERCEPT", lr[2],
                talib((b, n, o) -> core.linearRegIntercept(0, END, C, 14, b, n, o[0])));
        add(tests, "TSF", lr[3], talib((b, n, o) -> core.tsf(0, END, C, 14, b, n, o[0])));
        add(tests, "LINEARREG_ANGLE", lr[4], talib((b, n, o) -> core.linearRegAngle(0, END, C, 14, b, n, o[0])));
        return tests;
    }

    private static void add(List<DynamicTest> tests, String name, double[] ours, double[] reference) {
        tests.add(dynamicTest(name, () -> {
            assertThat(java.util.Arrays.stream(ours).filter(v -> !Double.isNaN(v)).count()).as(name + " has values")
                    .isGreaterThan(N / 2);
            assertClose(name, ours, reference);
        }));
    }

    private static void addAll(List<DynamicTest> tests, String name, double[][] ours, double[][] reference) {
        for (int k = 0; k < reference.length; k++) {
            add(tests, name + " output " + k, ours[k], reference[k]);
        }
    }
}
