package io.alphintra.engine.internal.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.config.support.InvalidConfigurationException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategySettingsTest {
    private static final Map<String, Object> REQUIRED = Map.of("instanceId", "momentum-1", "type", "momentum",
            "instruments", "AAPL@SIMX_US", "accountId", "ACC-1", "traderId", "alice");

    @Test
    void timersAreBoundedByDefaultToAThousandPendingAndOneMillisecond() {
        StrategySettings settings = StrategySettings.from(config(Map.of()), REQUIRED);
        assertThat(settings.maxPendingTimers()).isEqualTo(1000);
        assertThat(settings.minTimerMillis()).isEqualTo(1);
    }

    @Test
    void timerBoundsAreConfigurableWithinTheirRanges() {
        StrategySettings settings = StrategySettings.from(config(Map.of("maxPendingTimers", 20,
                "minTimerMillis", 10)), REQUIRED);
        assertThat(settings.maxPendingTimers()).isEqualTo(20);
        assertThat(settings.minTimerMillis()).isEqualTo(10);
        assertThatThrownBy(() -> StrategySettings.from(config(Map.of("maxPendingTimers", 0, "minTimerMillis", 0)),
                REQUIRED)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("maxPendingTimers = '0': must be between 1 and 1000000")
                .hasMessageContaining("minTimerMillis = '0': must be between 1 and 60000");
    }

    @Test
    void theExecutionThrottleDefaultsToAThousandFillsAMinuteAndIsConfigurableWithinItsRanges() {
        StrategySettings defaults = StrategySettings.from(config(Map.of()), REQUIRED);
        assertThat(defaults.maxExecutions()).isEqualTo(1000);
        assertThat(defaults.executionWindowMillis()).isEqualTo(60_000);
        StrategySettings set = StrategySettings.from(config(Map.of("maxExecutions", 20, "executionWindowMillis",
                5_000)), REQUIRED);
        assertThat(set.maxExecutions()).isEqualTo(20);
        assertThat(set.executionWindowMillis()).isEqualTo(5_000);
        assertThatThrownBy(() -> StrategySettings.from(config(Map.of("maxExecutions", 0, "executionWindowMillis",
                0)), REQUIRED)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("maxExecutions = '0': must be between 1 and 100000")
                .hasMessageContaining("executionWindowMillis = '0': must be between 1 and 86400000");
    }

    @Test
    void theMessageThrottleIsTheEnginesUnlessSetAndMustActBeforeTheFloodQuarantine() {
        assertThat(StrategySettings.from(config(Map.of()), REQUIRED).maxMessagesPerSecond()).isZero();
        assertThat(StrategySettings.from(config(Map.of("maxMessagesPerSecond", 10)), REQUIRED)
                .maxMessagesPerSecond()).isEqualTo(10);
        assertThatThrownBy(() -> StrategySettings.from(config(Map.of("maxMessagesPerSecond", 50)), REQUIRED))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("maxMessagesPerSecond = '50': must be below maxOrdersPerSecond (50)");
        assertThatThrownBy(() -> StrategySettings.from(config(Map.of("maxMessagesPerSecond", -1)), REQUIRED))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("maxMessagesPerSecond = '-1': must be between 0 and 10000000");
    }

    @Test
    void noInstanceMayTakeTheStrategyIdOfTheOperatorsOrders() {
        assertThatThrownBy(() -> StrategySettings.from(config(Map.of("instanceId", "manual")), REQUIRED))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("instanceId = 'manual': reserved for the orders operators enter in the shell");
    }

    /** The required values, the defaults for the rest, and {@code values} over both. */
    private static StrategyInstanceConfig config(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(REQUIRED);
        all.putAll(values);
        return (StrategyInstanceConfig) Proxy.newProxyInstance(StrategyInstanceConfig.class.getClassLoader(),
                new Class<?>[] {StrategyInstanceConfig.class}, (proxy, method, args) -> all.containsKey(
                        method.getName()) ? all.get(method.getName()) : method.getDefaultValue());
    }
}
