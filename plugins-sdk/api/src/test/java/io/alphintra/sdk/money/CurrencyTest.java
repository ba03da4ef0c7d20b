package io.alphintra.sdk.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CurrencyTest {

    @ParameterizedTest
    @CsvSource({"USD, 2, FIAT", "JPY, 0, FIAT", "BHD, 3, FIAT", "EUR, 2, FIAT", "BTC, 8, CRYPTO", "USDT, 8, CRYPTO",
        "ADA, 8, CRYPTO"})
    void knowsMinorUnits(String code, int minorUnits, Currency.Kind kind) {
        Currency currency = Currency.of(code);
        assertThat(currency.code()).isEqualTo(code);
        assertThat(currency.minorUnits()).isEqualTo(minorUnits);
        assertThat(currency.kind()).isEqualTo(kind);
    }

    @Test
    void internsInstances() {
        assertThat(Currency.of("USD")).isSameAs(Currency.USD);
        assertThat(Currency.of("CAD")).isSameAs(Currency.of("CAD"));
        assertThat(Currency.of("ETH")).isSameAs(Currency.ETH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "usd", "US", "USDX", "", "DOGE", "U$D"})
    void rejectsUnknownCodes(String code) {
        assertThatThrownBy(() -> Currency.of(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("currency = '" + code + "': unknown currency");
        assertThat(Currency.isKnown(code)).isFalse();
    }

    @Test
    void rejectsIsoCodesWithoutMinorUnits() {
        assertThatThrownBy(() -> Currency.of("XAU"))
                .hasMessage("currency = 'XAU': ISO 4217 defines no minor unit for it (not a cash currency)");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Currency.of(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("currency: required (was null)");
    }
}
