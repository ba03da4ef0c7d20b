package io.alphintra.benchmarks.indicators;

import io.alphintra.sdk.indicator.AccumulationDistribution;
import io.alphintra.sdk.indicator.Adx;
import io.alphintra.sdk.indicator.Atr;
import io.alphintra.sdk.indicator.BarIndicator;
import io.alphintra.sdk.indicator.BollingerBands;
import io.alphintra.sdk.indicator.Cci;
import io.alphintra.sdk.indicator.ChaikinMoneyFlow;
import io.alphintra.sdk.indicator.Cmo;
import io.alphintra.sdk.indicator.Dema;
import io.alphintra.sdk.indicator.DonchianChannel;
import io.alphintra.sdk.indicator.Ema;
import io.alphintra.sdk.indicator.Hma;
import io.alphintra.sdk.indicator.Kama;
import io.alphintra.sdk.indicator.Macd;
import io.alphintra.sdk.indicator.Obv;
import io.alphintra.sdk.indicator.Roc;
import io.alphintra.sdk.indicator.Rsi;
import io.alphintra.sdk.indicator.Sma;
import io.alphintra.sdk.indicator.StandardDeviation;
import io.alphintra.sdk.indicator.Tema;
import io.alphintra.sdk.indicator.ValueIndicator;
import io.alphintra.sdk.indicator.Wma;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.CMOIndicator;
import org.ta4j.core.indicators.DoubleEMAIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.HMAIndicator;
import org.ta4j.core.indicators.KAMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.TripleEMAIndicator;
import org.ta4j.core.indicators.WMAIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.AccumulationDistributionIndicator;
import org.ta4j.core.indicators.volume.ChaikinMoneyFlowIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The same 20 indicators updated together on every bar of one instrument, Alphintra beside ta4j 0.17 with
 * {@code DoubleNum}. One operation is one bar (all 20 indicators advanced); multiply by 20 for indicator updates.
 *
 * <p>Fairness: ta4j computes lazily from a {@link BarSeries}, so its series is built once in setup (not timed) and
 * each invocation creates fresh indicators and reads every indicator at every index in order, which is how a ta4j
 * back-test or a live loop after {@code addBar} drives them; Alphintra creates fresh indicators and feeds each bar.
 * The set leaves out ta4j's {@code StochasticOscillatorKIndicator} and {@code WilliamsRIndicator}, which rebuild
 * helper indicators inside every {@code calculate} (O(n^2) over a pass), and its {@code ParabolicSarIndicator},
 * which took 20 s for 5,000 bars and 151 s for 10,000 here: any of them would make the ratio meaningless. Every
 * ta4j indicator in the set takes time linear in the number of bars (checked at 50k and 100k bars).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class IndicatorSetBenchmark {

    static final int BARS = 100_000;

    private SyntheticBars bars;
    private BarSeries series;

    @Setup
    public void setUp() {
        bars = new SyntheticBars(BARS, 42);
        series = new BaseBarSeriesBuilder().withName("synthetic").withNumTypeOf(DoubleNum.class).build();
        ZonedDateTime time = ZonedDateTime.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < BARS; i++) {
            series.addBar(time.plusMinutes(i), bars.open[i], bars.high[i], bars.low[i], bars.close[i],
                    bars.volume[i]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double alphintra() {
        ValueIndicator[] onClose = {new Sma(20), new Ema(20), new Wma(20), new Dema(20), new Tema(20), new Hma(16),
            new Kama(10), new Rsi(14), new Macd(12, 26, 9), new Roc(10), new Cmo(14), new BollingerBands(20, 2, 2),
            new StandardDeviation(20)};
        BarIndicator[] onBars = {new Cci(20), new Atr(14), new Adx(14), new Obv(), new AccumulationDistribution(),
            new ChaikinMoneyFlow(20), new DonchianChannel(20)};
        BollingerBands bands = (BollingerBands) onClose[11];
        double sink = 0;
        for (int i = 0; i < BARS; i++) {
            double c = bars.close[i];
            for (ValueIndicator indicator : onClose) {
                sink += indicator.update(c);
            }
            for (BarIndicator indicator : onBars) {
                sink += indicator.update(bars.open[i], bars.high[i], bars.low[i], c, bars.volume[i]);
            }
            // ta4j's Bollinger indicator is the upper band: read the same output here.
            sink += bands.upper();
        }
        return sink;
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double ta4j() {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, 20);
        List<Indicator<Num>> indicators = List.of(new SMAIndicator(close, 20), new EMAIndicator(close, 20),
                new WMAIndicator(close, 20), new DoubleEMAIndicator(close, 20), new TripleEMAIndicator(close, 20),
                new HMAIndicator(close, 16), new KAMAIndicator(close, 10, 2, 30), new RSIIndicator(close, 14),
                new MACDIndicator(close, 12, 26), new ROCIndicator(close, 10), new CMOIndicator(close, 14),
                new BollingerBandsUpperIndicator(new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20)),
                        deviation, DoubleNum.valueOf(2)),
                deviation, new CCIIndicator(series, 20), new ATRIndicator(series, 14), new ADXIndicator(series, 14),
                new OnBalanceVolumeIndicator(series), new AccumulationDistributionIndicator(series),
                new ChaikinMoneyFlowIndicator(series, 20), new DonchianChannelUpperIndicator(series, 20));
        @SuppressWarnings("unchecked")
        Indicator<Num>[] all = indicators.toArray(new Indicator[0]);
        double sink = 0;
        for (int i = 0; i < BARS; i++) {
            for (Indicator<Num> indicator : all) {
                sink += indicator.getValue(i).doubleValue();
            }
        }
        return sink;
    }
}
