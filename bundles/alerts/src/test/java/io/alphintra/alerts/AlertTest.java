package io.alphintra.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlertTest {

    @Test
    void aKeyNamesAConditionWithoutSpaces() {
        assertThatThrownBy(() -> Alert.of("engine halt", Severity.CRITICAL, "engine", "halted"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alert key = 'engine halt'");
        assertThatThrownBy(() -> Alert.of("", Severity.CRITICAL, "engine", "halted"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Alert.of("engine.halt", Severity.CRITICAL, "engine", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message of engine.halt");
        assertThatThrownBy(() -> Alert.of("engine.halt", null, "engine", "halted"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("severity");
    }

    @Test
    void aLongMessageIsCutNotRefused() {
        Alert alert = Alert.of("venue.reject", Severity.WARNING, "engine", "x".repeat(10_000));
        assertThat(alert.message()).hasSize(Alert.MAX_MESSAGE).endsWith("...(10000 chars)");
    }

    @Test
    void aScopeNamesOnlyWhatIsSet() {
        Alert alert = Alert.of("risk.limit.ACC-1.credit", Severity.WARNING, "risk:credit", "near the limit",
                AlertScope.ofAccount("ACC-1").withInstrument("AAPL@SIMX_US"));
        assertThat(alert.scope().toString()).isEqualTo("account=ACC-1 instrument=AAPL@SIMX_US");
        assertThat(new Alert("k", Severity.INFO, "s", "m", null, 1).scope()).isSameAs(AlertScope.NONE);
        assertThatThrownBy(() -> AlertScope.ofVenue("SIMX\nUS")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("venue = 'SIMX\\u000aUS'");
        assertThat(alert.raisedAtNanos()).isGreaterThan(1_700_000_000_000_000_000L);
    }
}
