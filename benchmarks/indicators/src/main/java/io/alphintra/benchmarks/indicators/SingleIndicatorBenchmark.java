package io.alphintra.benchmarks.indicators;

import io.alphintra.sdk.indicator.Adx;
import io.alphintra.sdk.indicator.Atr;
import io.alphintra.sdk.indicator.BarIndicator;
import io.alphintra.sdk.indicator.BollingerBands;
import io.alphintra.sdk.indicator.Cci;
import io.alphintra.sdk.indicator.Ema;
import io.alphintra.sdk.indicator.Ichimoku;
import io.alphintra.sdk.indicator.Kama;
import io.alphintra.sdk.indicator.LinearRegression;
import io.alphintra.sdk.indicator.Macd;
import io.alphintra.sdk.indicator.Rsi;
import io.alphintra.sdk.indicator.Sma;
import io.alphintra.sdk.indicator.Stochastic;
import io.alphintra.sdk.indicator.SuperTrend;
import io.alphintra.sdk.indicator.ValueIndicator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** Updates per second of one Alphintra indicator over the synthetic series; one operation is one update. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SingleIndicatorBenchmark {

    static final int BARS = 100_000;

    @Param({"SMA", "EMA", "RSI", "MACD", "BBANDS", "KAMA", "ATR", "ADX", "STOCH", "CCI", "ICHIMOKU", "SUPERTREND",
        "LINEARREG"})
    public String indicator;

    private SyntheticBars bars;
    private ValueIndicator onClose;
    private BarIndicator onBars;

    @Setup
    public void setUp() {
        bars = new SyntheticBars(BARS, 42);
        switch (indicator) {
            case "SMA" -> onClose = new Sma(20);
            case "EMA" -> onClose = new Ema(20);
            case "RSI" -> onClose = new Rsi(14);
            case "MACD" -> onClose = new Macd(12, 26, 9);
            case "BBANDS" -> onClose = new BollingerBands(20, 2, 2);
            case "KAMA" -> onClose = new Kama(10);
            case "LINEARREG" -> onClose = new LinearRegression(14);
            case "ATR" -> onBars = new Atr(14);
            case "ADX" -> onBars = new Adx(14);
            case "STOCH" -> onBars = new Stochastic(14, 3, 3);
            case "CCI" -> onBars = new Cci(20);
            case "ICHIMOKU" -> onBars = new Ichimoku();
            case "SUPERTREND" -> onBars = new SuperTrend();
            default -> throw new IllegalArgumentException(indicator);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double updates() {
        double sink = 0;
        if (onClose != null) {
            onClose.reset();
            for (int i = 0; i < BARS; i++) {
                sink += onClose.update(bars.close[i]);
            }
        } else {
            onBars.reset();
            for (int i = 0; i < BARS; i++) {
                sink += onBars.update(bars.open[i], bars.high[i], bars.low[i], bars.close[i], bars.volume[i]);
            }
        }
        return sink;
    }
}
