package io.alphintra.sdk.strategy;

import static io.alphintra.sdk.testing.Fixtures.AAPL;
import static io.alphintra.sdk.testing.Fixtures.ATTRIBUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;

class StrategyConfigTest {

    private static final StrategyConfig CONFIG = new StrategyConfig("mr-1", "mean-reversion", List.of(AAPL.id()),
            ATTRIBUTION, Map.of("window", "20", "threshold", "0.25", "enabled", "true", "window-bad", "ten",
                    "cooldown", "PT5S", "hedge", "SPY@ARCX", "flag-typo", "yes", "huge", "3000000000"));

    @Test
    void typedGetters() {
        assertThat(CONFIG.getLong("window")).isEqualTo(20);
        assertThat(CONFIG.getInt("window")).isEqualTo(20);
        assertThat(CONFIG.getDecimal("threshold", 4)).isEqualTo(2500);
        assertThat(CONFIG.getBoolean("enabled")).isTrue();
        assertThat(CONFIG.getDuration("cooldown")).isEqualTo(Duration.ofSeconds(5));
        assertThat(CONFIG.getInstrumentId("hedge")).isEqualTo(InstrumentId.parse("SPY@ARCX"));
        assertThat(CONFIG.accountId()).isEqualTo("ACC-1");
    }

    @Test
    void defaultsApplyOnlyWhenAbsent() {
        assertThat(CONFIG.getLong("missing", 7)).isEqualTo(7);
        assertThat(CONFIG.getLong("window", 7)).isEqualTo(20);
        assertThat(CONFIG.getDecimal("missing", 4, "0.5")).isEqualTo(5000);
        assertThat(CONFIG.getBoolean("missing", false)).isFalse();
        assertThat(CONFIG.getString("missing", "x")).isEqualTo("x");
        assertThat(CONFIG.getDuration("missing", Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> CONFIG.getDecimal("missing", 2, "0.125"))
                .hasMessage("default of parameter 'missing' = '0.125': more than 2 decimal places");
    }

    @Test
    void errorsNameInstanceParameterAndValue() {
        assertThatThrownBy(() -> CONFIG.getLong("missing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'missing' of strategy instance 'mr-1': required but not configured");
        assertThatThrownBy(() -> CONFIG.getLong("window-bad"))
                .hasMessage("parameter 'window-bad' of strategy instance 'mr-1' = 'ten': not an integer");
        assertThatThrownBy(() -> CONFIG.getInt("huge"))
                .hasMessage("parameter 'huge' of strategy instance 'mr-1' = '3000000000': out of int range");
        assertThatThrownBy(() -> CONFIG.getDecimal("threshold", 1))
                .hasMessage("parameter 'threshold' of strategy instance 'mr-1' = '0.25': more than 1 decimal place");
        assertThatThrownBy(() -> CONFIG.getBoolean("flag-typo"))
                .hasMessage("parameter 'flag-typo' of strategy instance 'mr-1' = 'yes': expected true or false");
        assertThatThrownBy(() -> CONFIG.getDuration("window"))
                .hasMessage("parameter 'window' of strategy instance 'mr-1' = '20': not an ISO-8601 duration such"
                        + " as PT5S");
        assertThatThrownBy(() -> CONFIG.getInstrumentId("window"))
                .hasMessage("parameter 'window' of strategy instance 'mr-1' = '20': instrumentId = '20': expected"
                        + " SYMBOL@VENUE such as AAPL@XNAS");
    }

    @Test
    void attributionMustBelongToTheInstance() {
        Attribution other = new Attribution("other-strategy", "trader-7", "ACC-1", "desk-eq", "PROP");
        assertThatThrownBy(() -> new StrategyConfig("mr-1", "mean-reversion", List.of(), other, Map.of()))
                .hasMessage("attribution.strategyId = 'other-strategy': must equal instanceId = 'mr-1' so that"
                        + " orders are attributable to the instance");
        assertThatThrownBy(() -> new StrategyConfig("mr 1", "mean-reversion", List.of(), ATTRIBUTION, Map.of()))
                .hasMessageStartingWith("instanceId = 'mr 1'");
    }

    @Test
    void instanceIdNamesAFileInItsFolderOnly() {
        for (String good : List.of("mr-1", "A", "9", "ma.cross_2", "a.b", "x".repeat(64))) {
            Attribution attribution = new Attribution(good, "trader-7", "ACC-1", "desk-eq", "PROP");
            assertThat(new StrategyConfig(good, "mean-reversion", List.of(AAPL.id()), attribution, Map.of())
                    .instanceId()).isEqualTo(good);
        }
        for (String bad : List.of("../../etc/users", "a/b", "a\\b", "..", "a..b", ".hidden", "-rf", "_x", "mr 1",
                "x".repeat(65), "caf\u00e9", "a:b", "C:x", "")) {
            assertThatThrownBy(() -> config(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("instanceId = '")
                    .hasMessageEndingWith(": must be 1 to 64 letters, digits, '.', '_' or '-', begin with a letter"
                            + " or digit and not contain '..' (it names a file)");
        }
        assertThatThrownBy(() -> config("../../etc/users"))
                .hasMessage("instanceId = '../../etc/users': must be 1 to 64 letters, digits, '.', '_' or '-', begin"
                        + " with a letter or digit and not contain '..' (it names a file)");
        assertThatThrownBy(() -> config("a\nb"))
                .as("one line: control characters are escaped")
                .hasMessageStartingWith("instanceId = 'a\\u000ab':");
    }

    /** The instance id is checked first, so the fixture's attribution (another strategy) never gets a say. */
    private static StrategyConfig config(String instanceId) {
        return new StrategyConfig(instanceId, "mean-reversion", List.of(AAPL.id()), ATTRIBUTION, Map.of());
    }

    @Test
    void baseStrategyKeepsTheContext() {
        BaseStrategy strategy = new BaseStrategy() {
        };
        assertThatThrownBy(strategy::context).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> strategy.onStart(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
