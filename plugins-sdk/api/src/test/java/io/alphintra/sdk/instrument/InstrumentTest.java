package io.alphintra.sdk.instrument;

import static io.alphintra.sdk.testing.Fixtures.AAPL;
import static io.alphintra.sdk.testing.Fixtures.BTC_USDT;
import static io.alphintra.sdk.testing.Fixtures.ES;
import static io.alphintra.sdk.testing.Fixtures.TOYOTA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimal;
import io.alphintra.sdk.money.Money;

class InstrumentTest {

    @Test
    void priceOffTheTickGridNamesFieldValueTickAndInstrument() {
        assertThatThrownBy(() -> AAPL.requireValidPrice("limitPrice", 1012550))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limitPrice = 101.255 (1012550 units): not on the 0.01 tick grid of AAPL@XNAS");
        assertThat(AAPL.requireValidPrice("limitPrice", 1012500)).isEqualTo(1012500);
        assertThat(AAPL.isValidPrice(5001)).isTrue();
        assertThat(AAPL.isValidPrice(10001)).isFalse();
    }

    @Test
    void nonPositivePricesOnlyForFutures() {
        assertThatThrownBy(() -> AAPL.requireValidPrice("stopPrice", 0))
                .hasMessage("stopPrice = 0 (0 units): must be positive");
        assertThatThrownBy(() -> AAPL.requireValidPrice("limitPrice", -100))
                .hasMessage("limitPrice = -0.01 (-100 units): must be positive");
        assertThat(ES.requireValidPrice("limitPrice", -150)).isEqualTo(-150);
        assertThatThrownBy(() -> ES.requireValidPrice("limitPrice", -160))
                .hasMessage("limitPrice = -1.6 (-160 units): not on the 0.25 tick grid of ESZ5@XCME");
    }

    @Test
    void quantityMustBePositiveOnTheLotGridAndAtLeastTheMinimum() {
        assertThatThrownBy(() -> AAPL.requireValidQuantity("quantity", -5)).hasMessage("quantity = -5: must be positive");
        assertThatThrownBy(() -> AAPL.requireValidQuantity("quantity", 0)).hasMessage("quantity = 0: must be positive");
        assertThatThrownBy(() -> TOYOTA.requireValidQuantity("quantity", 150))
                .hasMessage("quantity = 150: not a multiple of the lot size 100 of 7203@XTKS");
        assertThat(TOYOTA.requireValidQuantity("quantity", 300)).isEqualTo(300);
        assertThatThrownBy(() -> BTC_USDT.requireValidQuantity("quantity", 1_500))
                .hasMessage("quantity = 0.000015 (1500 units): not a multiple of the lot size 0.00001 of"
                        + " BTC/USDT@BNCE");
        assertThatThrownBy(() -> BTC_USDT.requireValidQuantity("quantity", 9_000))
                .hasMessage("quantity = 0.00009 (9000 units): below the minimum quantity 0.0001 of BTC/USDT@BNCE");
        assertThat(BTC_USDT.isValidQuantity(10_000)).isTrue();
        assertThat(BTC_USDT.isValidQuantity(11_000)).isTrue();
    }

    @Test
    void parsesAndFormatsAtTheInstrumentScales() {
        assertThat(AAPL.parsePrice("limitPrice", "101.25")).isEqualTo(1012500);
        assertThatThrownBy(() -> AAPL.parsePrice("limitPrice", "101.25001"))
                .hasMessage("limitPrice = '101.25001': more than 4 decimal places");
        assertThat(BTC_USDT.parseQuantity("quantity", "0.5")).isEqualTo(50_000_000);
        assertThat(BTC_USDT.formatQuantity(50_000_000)).isEqualTo("0.5");
        assertThat(AAPL.formatPrice(1012500)).isEqualTo("101.25");
    }

    @Test
    void notionalIsExactAndAppliesTheFuturesMultiplier() {
        assertThat(AAPL.notional(1012500, 300)).isEqualTo(Money.of(Currency.USD, 303_750_000, 4));
        // 2 contracts at 5000.25 × 50 = USD 500,025.00
        Money es = ES.notional(500_025, 2);
        assertThat(es.compareTo(Money.parse(Currency.USD, "500025.00"))).isZero();
        // 0.5 BTC at 65000.00 = 32500 USDT
        assertThat(BTC_USDT.notional(6_500_000, 50_000_000).compareTo(Money.parse(Currency.USDT, "32500")))
                .isZero();
        assertThatThrownBy(() -> AAPL.notional(Long.MAX_VALUE / 2, 3)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void assetClassSpecificValidation() {
        TradingGrid grid = new TradingGrid(5, TickTable.flat(1), 0, 1, 1);
        InstrumentId id = InstrumentId.parse("EUR/USD@SIMX");
        assertThat(new FxSpot(id, Currency.EUR, Currency.USD, Jurisdiction.UK, grid).assetClass())
                .isEqualTo(AssetClass.FX_SPOT);
        assertThatThrownBy(() -> new FxSpot(id, Currency.EUR, Currency.EUR, Jurisdiction.UK, grid))
                .hasMessage("quoteCurrency = EUR: must differ from baseCurrency");
        assertThatThrownBy(() -> new FxForward(id, Currency.BTC, Currency.USD, Jurisdiction.UK, grid,
                LocalDate.of(2026, 3, 20))).hasMessage("baseCurrency = BTC: FX pairs are fiat; use CryptoPair");
        assertThatThrownBy(() -> new CryptoPair(id, Currency.EUR, Currency.USD, Jurisdiction.UK, grid))
                .hasMessage("baseCurrency = EUR: must be a crypto asset; use FxSpot for fiat pairs");
        assertThatThrownBy(() -> new FutureContract(id, Currency.USD, Jurisdiction.US, grid, Decimal.of(0, 0),
                LocalDate.of(2026, 3, 20))).hasMessage("multiplier = 0: must be positive");
        assertThatThrownBy(() -> new Equity(id, Currency.USD, null, grid))
                .hasMessage("jurisdiction: required (was null)");
        assertThatThrownBy(() -> new TradingGrid(2, TickTable.flat(1), 0, 0, 1)).hasMessage("lotSize = 0: must be positive");
        assertThatThrownBy(() -> new TradingGrid(19, TickTable.flat(1), 0, 1, 1))
                .hasMessage("priceScale = 19: must be between 0 and 18");
    }
}
