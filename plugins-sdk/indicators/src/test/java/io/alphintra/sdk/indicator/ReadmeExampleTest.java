package io.alphintra.sdk.indicator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples in README.md, compiled and run. Keep the two in step. */
class ReadmeExampleTest {

    /** README "Streaming": a strategy owns its indicators and feeds them each bar. */
    static final class RsiCrossStrategy {
        private final Rsi rsi = new Rsi(14);
        private final Macd macd = new Macd(12, 26, 9);
        private final Atr atr = new Atr(14);

        /** Returns +1 to buy, -1 to sell, 0 to do nothing. */
        int onBar(double open, double high, double low, double close, double volume) {
            double r = rsi.update(close);
            macd.update(close);
            atr.update(open, high, low, close, volume);
            if (!rsi.isReady() || !macd.isReady() || !atr.isReady()) {
                return 0; // still warming up: values are NaN
            }
            if (r < 30 && macd.histogram() > 0) {
                return 1;
            }
            return r > 70 && macd.histogram() < 0 ? -1 : 0;
        }
    }

    @Test
    void streaming() {
        AppleBars bars = AppleBars.INSTANCE;
        RsiCrossStrategy strategy = new RsiCrossStrategy();
        int signals = 0;
        for (int i = 0; i < bars.size(); i++) {
            signals += Math.abs(strategy.onBar(bars.open[i], bars.high[i], bars.low[i], bars.close[i],
                    bars.volume[i]));
        }
        assertThat(strategy.macd.warmupPeriod()).isEqualTo(34);
        assertThat(signals).isPositive();
    }

    @Test
    void batch() {
        double[] closes = AppleBars.INSTANCE.close;
        // README "Batch"
        double[] rsi = Batch.compute(new Rsi(14), closes);              // NaN for the first 14
        double[][] macd = Batch.computeOutputs(new Macd(12, 26, 9), closes); // [0] line, [1] signal, [2] histogram
        assertThat(rsi[13]).isNaN();
        assertThat(rsi[14]).isBetween(0.0, 100.0);
        assertThat(macd[2][33]).isEqualTo(macd[0][33] - macd[1][33]);
    }
}
