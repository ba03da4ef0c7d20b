package io.alphintra.sdk.portfolio;

import static io.alphintra.sdk.testing.Fixtures.AAPL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;

class PortfolioTest {

    @Test
    void shortPositionAveragePriceIsExact() {
        // short 300 opened at 100.10 (100) and 100.25 (200): average 100.20
        Position position = new Position("ACC-1", "mr-1", AAPL.id(), -300, 100 * 1001000L + 200 * 1002500L,
                Money.zero(Currency.USD), 0);
        assertThat(position.isShort()).isTrue();
        assertThat(position.averageOpenPrice(RoundingMode.UNNECESSARY)).hasValue(1002000);
        Position flat = new Position("ACC-1", "mr-1", AAPL.id(), 0, 0, Money.parse(Currency.USD, "12.50"), 0);
        assertThat(flat.averageOpenPrice(RoundingMode.HALF_EVEN)).isEmpty();
        assertThatThrownBy(() -> new Position("ACC-1", "mr-1", AAPL.id(), 0, 5, Money.zero(Currency.USD), 0))
                .hasMessage("openPriceQuantity = 5: must be 0 for a flat position");
    }

    @Test
    void snapshotKeysBalancesByTheirCurrency() {
        CashBalance usd = new CashBalance(Money.parse(Currency.USD, "1000.00"), Money.parse(Currency.USD, "800.00"));
        AccountSnapshot snapshot = new AccountSnapshot("ACC-1", Currency.USD, Map.of(Currency.USD, usd), List.of(), 0);
        assertThat(snapshot.balance(Currency.USD)).contains(usd);
        assertThat(snapshot.balance(Currency.EUR)).isEmpty();
        assertThatThrownBy(() -> new AccountSnapshot("ACC-1", Currency.USD, Map.of(Currency.EUR, usd), List.of(), 0))
                .hasMessage("balances[EUR] = USD 1000.00: keyed under the wrong currency");
        assertThatThrownBy(() -> new CashBalance(Money.zero(Currency.USD), Money.zero(Currency.EUR)))
                .hasMessage("available = EUR 0.00: currency differs from total = USD 0.00");
        Position foreign = new Position("ACC-2", "mr-1", AAPL.id(), 0, 0, Money.zero(Currency.USD), 0);
        assertThatThrownBy(() -> new AccountSnapshot("ACC-1", Currency.USD, Map.of(), List.of(foreign), 0))
                .hasMessage("positions: accountId = 'ACC-2' in the snapshot of account 'ACC-1'");
    }
}
