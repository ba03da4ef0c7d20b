package io.alphintra.sdk.harness;

import static io.alphintra.sdk.harness.Fixtures.AAPL;
import static io.alphintra.sdk.harness.Fixtures.BTC_USD;
import static io.alphintra.sdk.harness.Fixtures.SECOND;
import static io.alphintra.sdk.harness.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.marketdata.Bar;
import io.alphintra.sdk.marketdata.BarRecord;
import io.alphintra.sdk.marketdata.BarSpec;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.portfolio.Position;
import io.alphintra.sdk.strategy.BaseStrategy;
import io.alphintra.sdk.strategy.StrategyConfig;
import io.alphintra.simexchange.Recording;
import io.alphintra.testdata.TestData;

/** The real recordings of the repository's test data: a week of Bitstamp trades and a year of Apple daily bars. */
class RecordedDataTest {

    private static final BarSpec DAILY = BarSpec.time(Duration.ofDays(1));

    @Test
    void theSameRunTwiceGivesTheSameResultBitForBit() {
        StrategyConfig config = config(BTC_USD, Map.of("lookback", "50", "quantity", "0.5"));
        StrategyHarness.Builder harness = StrategyHarness.builder()
                .instrument(BTC_USD, Recording.trades(TestData.bitstampTrades()))
                .ackLatency(Duration.ofMillis(20)).fees("1", "2.5").cash(Money.parse(Currency.USD, "100000.00"));

        HarnessResult first = harness.run(config, new BreakoutStrategy(config));
        HarnessResult second = harness.run(config, new BreakoutStrategy(config));

        assertThat(first.fills()).hasSizeGreaterThan(100);
        assertThat(second.orders()).isEqualTo(first.orders());
        assertThat(second.fills()).isEqualTo(first.fills());
        assertThat(second.positions()).isEqualTo(first.positions());
        assertThat(second.summary()).isEqualTo(first.summary());
        assertThat(second.endNanos()).isEqualTo(first.endNanos());
    }

    @Test
    void theBooksAddUpToTheCashFlowsOfAWeekOfBitstampTrades() {
        StrategyConfig config = config(BTC_USD, Map.of("lookback", "20", "quantity", "0.25"));
        Money deposit = Money.parse(Currency.USD, "100000.00");
        HarnessResult result = StrategyHarness.builder()
                .instrument(BTC_USD, Recording.trades(TestData.bitstampTrades())).fees("0", "2").cash(deposit)
                .run(config, new BreakoutStrategy(config));

        Summary summary = result.summary();
        assertThat(summary.fills()).isEqualTo(result.fills().size()).isGreaterThan(100);
        // Exact: what was made and lost, open or closed, is what equity moved.
        assertThat(summary.realizedPnl().add(summary.unrealizedPnl()))
                .isEqualByComparingTo(summary.equity().subtract(deposit));
        Position position = result.position(BTC_USD.id()).orElseThrow();
        assertThat(result.cash(Currency.BTC)).as("the pair's base currency is the holding")
                .isEqualTo(Money.of(Currency.BTC, position.netQuantity(), 8));
        assertThat(result.markPrice(BTC_USD.id())).as("the last print, 999.00").hasValue(999_00);
        assertThat(result.endNanos()).isEqualTo(1_385_913_725L * SECOND);
    }

    @Test
    void dailyBarsBuiltFromARecordingOfBarsAreTheRecordedBars() throws IOException {
        Path file = TestData.appleDailyBars2013();
        BarTrader strategy = new BarTrader();
        HarnessResult result = StrategyHarness.builder().instrument(AAPL, Recording.bars(file))
                .run(config(AAPL, Map.of()), strategy);

        List<BarRecord> recorded = readBars(file);
        assertThat(recorded).hasSize(252);
        assertThat(strategy.bars).isEqualTo(recorded);
        // Market orders when the first and the tenth bar close: at that close plus and minus the spread.
        long bought = recorded.get(0).close() + 1;
        long sold = recorded.get(9).close() - 1;
        assertThat(result.fills()).extracting(fill -> fill.price()).containsExactly(bought, sold);
        assertThat(result.realizedPnl(Currency.USD))
                .isEqualTo(Money.of(Currency.USD, (sold - bought) * 100, 2));
    }

    /** Buys 100 shares at market when the first daily bar closes and sells them when the tenth does. */
    private static final class BarTrader extends BaseStrategy {
        final List<BarRecord> bars = new ArrayList<>();

        @Override
        protected void onStarted() {
            context().subscribeBars(AAPL.id(), DAILY);
        }

        @Override
        public void onBar(Bar bar) {
            bars.add(bar.toRecord());
            if (bars.size() == 1 || bars.size() == 10) {
                context().submit(OrderRequest.market(context().nextClientOrderId(), AAPL,
                        bars.size() == 1 ? Side.BUY : Side.SELL, 100, TimeInForce.IOC, context().attribution()));
            }
        }
    }

    private static List<BarRecord> readBars(Path file) throws IOException {
        List<BarRecord> bars = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            long start = LocalDate.parse(fields[0]).toEpochDay() * 86_400 * SECOND;
            bars.add(new BarRecord(AAPL.id(), DAILY, AAPL.parsePrice("open", fields[1]),
                    AAPL.parsePrice("high", fields[2]), AAPL.parsePrice("low", fields[3]),
                    AAPL.parsePrice("close", fields[4]), Long.parseLong(fields[5]), start, start + 86_400 * SECOND));
        }
        return bars;
    }
}
