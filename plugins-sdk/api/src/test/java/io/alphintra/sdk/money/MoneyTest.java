package io.alphintra.sdk.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void addsAtTheLargerScaleExactly() {
        Money cash = Money.parse(Currency.USD, "19.99");
        Money fee = Money.parse(Currency.USD, "0.0035", 4);
        Money sum = cash.add(fee);
        assertThat(sum).isEqualTo(Money.of(Currency.USD, 199_935, 4));
        assertThat(sum.format()).isEqualTo("USD 19.9935");
        assertThat(cash.subtract(fee).format()).isEqualTo("USD 19.9865");
        assertThat(fee.subtract(cash).signum()).isNegative();
    }

    @Test
    void refusesToMixCurrencies() {
        Money dollars = Money.parse(Currency.USD, "1.00");
        Money euros = Money.parse(Currency.EUR, "2.00");
        assertThatThrownBy(() -> dollars.add(euros))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("currency mismatch: USD 1.00 + EUR 2.00 (convert explicitly first)");
        assertThatThrownBy(() -> dollars.subtract(euros)).hasMessageStartingWith("currency mismatch: USD 1.00 - EUR");
        assertThatThrownBy(() -> dollars.compareTo(euros)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void detectsOverflowInsteadOfWrapping() {
        Money huge = Money.of(Currency.USD, Long.MAX_VALUE, 2);
        assertThatThrownBy(() -> huge.add(Money.ofMinor(Currency.USD, 1)))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("overflow");
        assertThatThrownBy(() -> huge.multiply(2)).isInstanceOf(ArithmeticException.class);
        // Bringing the other operand to the common scale can overflow too.
        assertThatThrownBy(() -> Money.of(Currency.USD, Long.MAX_VALUE / 10, 0).add(Money.of(Currency.USD, 1, 2)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of(Currency.USD, Long.MIN_VALUE, 2).negate())
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void comparesValuesAcrossScalesButEqualsIsStrict() {
        Money a = Money.of(Currency.USD, 10, 1);
        Money b = Money.of(Currency.USD, 100, 2);
        assertThat(a.compareTo(b)).isZero();
        assertThat(a).isNotEqualTo(b);
        assertThat(a.withScale(2)).isEqualTo(b);
        assertThat(Money.of(Currency.USD, 101, 2).compareTo(a)).isPositive();
    }

    @Test
    void roundsOnlyWhenAsked() {
        Money fee = Money.parse(Currency.USD, "0.0035", 4);
        assertThatThrownBy(() -> fee.withScale(2)).isInstanceOf(ArithmeticException.class);
        assertThat(fee.withScale(2, RoundingMode.HALF_EVEN)).isEqualTo(Money.ofMinor(Currency.USD, 0));
        assertThat(fee.withScale(2, RoundingMode.UP)).isEqualTo(Money.ofMinor(Currency.USD, 1));
    }

    @Test
    void parsesAtTheCurrencyMinorUnitsAndRejectsMore() {
        assertThat(Money.parse(Currency.JPY, "1500")).isEqualTo(Money.of(Currency.JPY, 1500, 0));
        assertThatThrownBy(() -> Money.parse(Currency.JPY, "1500.5"))
                .hasMessage("amount = '1500.5': more than 0 decimal places");
        assertThat(Money.parse(Currency.BTC, "0.00000001").mantissa()).isEqualTo(1);
        assertThat(Money.zero(Currency.BTC).toString()).isEqualTo("BTC 0.00000000");
    }

    @Test
    void validatesComponents() {
        assertThatThrownBy(() -> Money.of(null, 1, 2)).hasMessage("currency: required (was null)");
        assertThatThrownBy(() -> Money.of(Currency.USD, 1, 19)).hasMessage("scale = 19: must be between 0 and 18");
    }

    @Test
    void decimalParsesWithItsOwnScale() {
        assertThat(Decimal.parse("0.10")).isEqualTo(Decimal.of(10, 2));
        assertThat(Decimal.parse("50").compareTo(Decimal.of(500, 1))).isZero();
        assertThat(Decimal.parse("-2.5").toString()).isEqualTo("-2.5");
        assertThatThrownBy(() -> Decimal.parse("1.2x")).isInstanceOf(IllegalArgumentException.class);
    }
}
