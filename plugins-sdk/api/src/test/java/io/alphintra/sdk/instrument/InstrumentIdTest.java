package io.alphintra.sdk.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstrumentIdTest {

    @Test
    void parsesAndPrintsCanonicalText() {
        InstrumentId id = InstrumentId.parse("AAPL@XNAS");
        assertThat(id.symbol()).isEqualTo("AAPL");
        assertThat(id.venueId()).isEqualTo("XNAS");
        assertThat(id.toString()).isEqualTo("AAPL@XNAS");
        assertThat(InstrumentId.parse("BTC/USDT@BNCE")).isEqualTo(InstrumentId.of("BTC/USDT", "BNCE"));
        assertThat(InstrumentId.parse("BRK.B@XNYS").toString()).isEqualTo("BRK.B@XNYS");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AAPL|instrumentId = 'AAPL': expected SYMBOL@VENUE such as AAPL@XNAS",
        "AAPL@XNAS@X|instrumentId = 'AAPL@XNAS@X': expected SYMBOL@VENUE such as AAPL@XNAS",
        "@XNAS|instrumentId = '@XNAS': symbol = '': must be 1 to 32 printable ASCII characters without spaces or '@'",
        "AAPL@|instrumentId = 'AAPL@': venueId = '': must be 1 to 16 characters A-Z, 0-9 or _",
        "AAPL@xnas|instrumentId = 'AAPL@xnas': venueId = 'xnas': must be 1 to 16 characters A-Z, 0-9 or _",
        "BRK B@XNYS|instrumentId = 'BRK B@XNYS': symbol = 'BRK B': must be 1 to 32 printable ASCII characters"
                + " without spaces or '@'",
        "ÄPFEL@XETR|instrumentId = 'ÄPFEL@XETR': symbol = 'ÄPFEL': must be 1 to 32 printable ASCII characters"
                + " without spaces or '@'",
        "A@ABCDEFGHIJKLMNOPQ|instrumentId = 'A@ABCDEFGHIJKLMNOPQ': venueId = 'ABCDEFGHIJKLMNOPQ': must be 1 to 16"
                + " characters A-Z, 0-9 or _"
    })
    void rejectsMalformedText(String text, String message) {
        assertThatThrownBy(() -> InstrumentId.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsNullAndOverlongSymbols() {
        assertThatThrownBy(() -> InstrumentId.parse(null)).hasMessage("instrumentId: required (was null)");
        assertThatThrownBy(() -> InstrumentId.of("X".repeat(33), "XNAS"))
                .hasMessageStartingWith("symbol = 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX': must be 1 to 32");
    }

    @Test
    void jurisdictionCodesAreValidated() {
        assertThat(Jurisdiction.ofCode("UK")).isEqualTo(Jurisdiction.UK);
        assertThatThrownBy(() -> Jurisdiction.ofCode("GB"))
                .hasMessage("jurisdiction = 'GB': unknown jurisdiction (known: US, EU, UK, JP, SG, HK, CH, AU)");
    }
}
