package io.alphintra.engine.internal.portfolio;

import static io.alphintra.engine.internal.portfolio.TestInstruments.AAPL;
import static io.alphintra.engine.internal.portfolio.TestInstruments.BTCUSDT;
import static io.alphintra.engine.internal.portfolio.TestInstruments.ES;
import static io.alphintra.engine.internal.portfolio.TestInstruments.EURUSD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimal;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.portfolio.AccountSnapshot;

class PortfolioValuationTest {
    private Portfolio portfolio;
    private int account;
    private int trend;
    private int meanReversion;

    @BeforeEach
    void setUp() {
        portfolio = new Portfolio();
        account = portfolio.registerAccount("ACC-1", Currency.USD);
        trend = portfolio.registerStrategy("trend");
        meanReversion = portfolio.registerStrategy("mean-reversion");
    }

    @Test
    void unrealisedPnlPerStrategyAndAggregatedPerAccount() {
        int aapl = portfolio.registerInstrument(AAPL);
        portfolio.applyFill(account, trend, aapl, 100, 100_000, Currency.USD, 0, 2, 1); // long 100 @ 10
        portfolio.applyFill(account, meanReversion, aapl, -40, 120_000, Currency.USD, 0, 2, 2); // short 40 @ 12
        assertThat(portfolio.unrealizedPnl(account, trend, aapl)).isEmpty(); // open but not marked

        portfolio.mark(aapl, 110_000); // 11
        // long: 100 x 11 - 1000 = 100; short: 480 - 40 x 11 = 40
        assertThat(portfolio.unrealizedPnl(account, trend, aapl)).hasValue(Money.parse(Currency.USD, "100.0000", 4));
        assertThat(portfolio.unrealizedPnl(account, meanReversion, aapl))
                .hasValue(Money.parse(Currency.USD, "40.0000", 4));
        assertThat(portfolio.accountNetQuantity(account, aapl)).isEqualTo(60);
        assertThat(portfolio.accountUnrealizedPnl(account, aapl)).hasValue(Money.parse(Currency.USD, "140.0000", 4));

        portfolio.applyFill(account, meanReversion, aapl, 40, 115_000, Currency.USD, 0, 2, 3); // cover @ 11.50
        portfolio.applyFill(account, trend, aapl, -50, 120_000, Currency.USD, 0, 2, 4); // sell half @ 12
        // realised: 40 x (12 - 11.5) = 20 and 50 x (12 - 10) = 100
        assertThat(portfolio.accountRealizedPnl(account, aapl)).isEqualTo(Money.parse(Currency.USD, "120.0000", 4));
        assertThat(portfolio.accountNetQuantity(account, aapl)).isEqualTo(50);
        assertThat(portfolio.accountUnrealizedPnl(account, aapl)).hasValue(Money.parse(Currency.USD, "50.0000", 4));
        assertThat(portfolio.unrealizedPnl(account, meanReversion, aapl))
                .hasValue(Money.parse(Currency.USD, "0.0000", 4));
    }

    @Test
    void futuresUnrealisedPnlUsesTheMultiplier() {
        int es = portfolio.registerInstrument(ES);
        portfolio.applyFill(account, trend, es, -3, 500_000, Currency.USD, 0, 2, 1); // short 3 @ 5000.00
        portfolio.mark(es, 499_000); // 4990.00: 10 x 3 x 50 = 1500
        assertThat(portfolio.unrealizedPnl(account, trend, es)).hasValue(Money.parse(Currency.USD, "1500.00", 2));
    }

    @Test
    void equityConvertsEveryCurrencyAndValuesPositionsAtTheirMarks() {
        int aapl = portfolio.registerInstrument(AAPL);
        int eurusd = portfolio.registerInstrument(EURUSD);
        int btc = portfolio.registerInstrument(BTCUSDT);
        int es = portfolio.registerInstrument(ES);
        portfolio.adjustCash(account, Currency.USD, 10_000_000, 2); // 100000.00
        portfolio.applyFill(account, trend, aapl, 100, 100_000, Currency.USD, 0, 2, 1); // USD -1000
        portfolio.applyFill(account, trend, eurusd, 1_000, 110_000, Currency.USD, 0, 2, 1); // EUR +1000, USD -1100
        portfolio.applyFill(account, trend, btc, 10_000_000, 6_000_000, Currency.USDT, 0, 2, 1); // BTC +0.1, USDT -6000
        portfolio.applyFill(account, trend, es, 1, 500_000, Currency.USD, 0, 2, 1); // no cash
        portfolio.mark(aapl, 110_000); // 100 shares worth 1100
        portfolio.mark(es, 501_000); // +10.00 x 50 = 500
        FxRates rates = new FxRates()
                .set(Currency.EUR, Currency.USD, Decimal.parse("1.10"))
                .set(Currency.BTC, Currency.USD, Decimal.parse("61000"));

        EquityValuation missingUsdt = portfolio.equity(account, rates, 2);
        assertThat(missingUsdt.isComplete()).isFalse();
        assertThat(missingUsdt.equity()).isEmpty();
        assertThat(missingUsdt.missingRates()).containsExactly(Currency.USDT);
        assertThat(missingUsdt.unmarkedInstruments()).isEmpty();

        rates.set(Currency.USDT, Currency.USD, Decimal.parse("0.9990"));
        // 97900 USD + 1000 EUR x 1.10 + 0.1 BTC x 61000 - 6000 USDT x 0.999 + 100 x 11 + 500
        // = 97900 + 1100 + 6100 - 5994 + 1100 + 500 = 100706
        assertThat(portfolio.equity(account, rates, 2).equity()).hasValue(Money.parse(Currency.USD, "100706.00", 2));
    }

    @Test
    void equityReportsUnmarkedPositionsInsteadOfGuessingTheirValue() {
        int aapl = portfolio.registerInstrument(AAPL);
        int es = portfolio.registerInstrument(ES);
        portfolio.applyFill(account, trend, aapl, 100, 100_000, Currency.USD, 0, 2, 1);
        portfolio.applyFill(account, trend, es, 1, 500_000, Currency.USD, 0, 2, 1);
        EquityValuation valuation = portfolio.equity(account, new FxRates(), 2);
        assertThat(valuation.equity()).isEmpty();
        assertThat(valuation.unmarkedInstruments()).containsExactly(AAPL.id(), ES.id());
        assertThat(valuation.missingRates()).isEmpty();
    }

    @Test
    void accountSnapshotHoldsEveryBalanceAndPositionSorted() {
        int aapl = portfolio.registerInstrument(AAPL);
        int eurusd = portfolio.registerInstrument(EURUSD);
        portfolio.applyFill(account, trend, eurusd, 1_000, 110_000, Currency.USD, 0, 2, 5);
        portfolio.applyFill(account, trend, aapl, 10, 100_000, Currency.USD, 0, 2, 6);
        portfolio.applyFill(account, meanReversion, aapl, -10, 100_000, Currency.USD, 0, 2, 7);

        AccountSnapshot snapshot = portfolio.snapshot(account, 99L);
        assertThat(snapshot.asOfNanos()).isEqualTo(99L);
        assertThat(snapshot.baseCurrency()).isEqualTo(Currency.USD);
        assertThat(snapshot.balances()).containsOnlyKeys(Currency.USD, Currency.EUR);
        assertThat(snapshot.balance(Currency.EUR).orElseThrow().total())
                .isEqualTo(Money.parse(Currency.EUR, "1000.00", 2));
        // -1100.00000 - 100.0000 + 100.0000 at the finer scale 5
        assertThat(snapshot.balance(Currency.USD).orElseThrow().available())
                .isEqualTo(Money.parse(Currency.USD, "-1100.00000", 5));
        assertThat(snapshot.positions()).extracting(p -> p.strategyId() + " " + p.instrumentId() + " " + p.netQuantity())
                .containsExactly("mean-reversion AAPL@XNAS -10", "trend AAPL@XNAS 10", "trend EUR/USD@SIMX 1000");
        assertThat(snapshot.positions(AAPL.id())).hasSize(2);
        assertThat(List.copyOf(snapshot.positions())).allMatch(p -> p.accountId().equals("ACC-1"));
    }
}
