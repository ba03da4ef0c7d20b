package io.alphintra.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.config.support.InvalidConfigurationException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineSettingsTest {
    private static final Path HOME = Path.of("/opt/alphintra");

    @Test
    void aMillionOrdersExpectedAndAMillionFinishedOnesKeptByDefault() {
        EngineSettings settings = EngineSettings.from(ConfigReader.defaults(EngineConfig.class), Map.of(), HOME);
        assertThat(settings.expectedOrders()).isEqualTo(1 << 20);
        assertThat(settings.finishedOrdersKept()).isEqualTo(1 << 20);
        assertThat(settings.journalDirectory()).isEqualTo(HOME.resolve("var/journal"));
    }

    @Test
    void expectedOrdersOutsideItsRangeIsNamedWithItsValue() {
        assertThatThrownBy(() -> EngineSettings.from(with("expectedOrders", 100), Map.of("expectedOrders", "100"), HOME))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("expectedOrders = '100': must be between 1024 and 67108864");
        assertThatThrownBy(() -> EngineSettings.from(with("expectedOrders", 1 << 27), Map.of(), HOME))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("expectedOrders = '134217728': must be between 1024 and 67108864");
        assertThat(EngineSettings.from(with("expectedOrders", 50_000_000), Map.of(), HOME).expectedOrders())
                .isEqualTo(50_000_000);
    }

    @Test
    void finishedOrdersKeptOutsideItsRangeIsNamedWithItsValue() {
        assertThatThrownBy(() -> EngineSettings.from(with("finishedOrdersKept", 1_000),
                Map.of("finishedOrdersKept", "1000"), HOME))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("finishedOrdersKept = '1000': must be between 1024 and 67108864");
        assertThatThrownBy(() -> EngineSettings.from(with("finishedOrdersKept", (1 << 26) + 1), Map.of(), HOME))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("finishedOrdersKept = '67108865': must be between 1024 and 67108864");
        assertThat(EngineSettings.from(with("finishedOrdersKept", 1_024), Map.of(), HOME).finishedOrdersKept())
                .isEqualTo(1_024);
    }

    @Test
    void cancelOnDisconnectNamesVenuesOrAllAndRefusesWhatIsNoVenueId() {
        assertThat(EngineSettings.from(ConfigReader.defaults(EngineConfig.class), Map.of(), HOME)
                .cancelsOnDisconnect("SIMX_US")).as("off by default: venues keep resting orders").isFalse();
        EngineSettings two = EngineSettings.from(with("cancelOnDisconnect", " SIMX_US, SIMX_EU "), Map.of(), HOME);
        assertThat(two.cancelsOnDisconnect("SIMX_EU")).isTrue();
        assertThat(two.cancelsOnDisconnect("SIMX_JP")).isFalse();
        assertThat(EngineSettings.from(with("cancelOnDisconnect", "*"), Map.of(), HOME).cancelsOnDisconnect("ANY"))
                .isTrue();
        assertThatThrownBy(() -> EngineSettings.from(with("cancelOnDisconnect", "SIMX_US, simx-eu"), Map.of(), HOME))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("cancelOnDisconnect = 'SIMX_US, simx-eu': 'simx-eu' is not a venue id");
    }

    @Test
    void heldOrdersExpireAfterFiveMinutesByDefaultAndTheTimeIsBounded() {
        assertThat(EngineSettings.from(ConfigReader.defaults(EngineConfig.class), Map.of(), HOME).holdExpiryMillis())
                .isEqualTo(300_000);
        assertThat(EngineSettings.from(with("holdExpiryMillis", 0L), Map.of(), HOME).holdExpiryMillis()).isZero();
        assertThatThrownBy(() -> EngineSettings.from(with("holdExpiryMillis", -1L), Map.of(), HOME))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("holdExpiryMillis = '-1': must be 0 (held orders never expire) to 604800000");
    }

    @Test
    void theMessageThrottlePerStrategyIsOffByDefaultAndBounded() {
        assertThat(EngineSettings.from(ConfigReader.defaults(EngineConfig.class), Map.of(), HOME)
                .maxMessagesPerSecondPerStrategy()).isZero();
        assertThat(EngineSettings.from(with("maxMessagesPerSecondPerStrategy", 20), Map.of(), HOME)
                .maxMessagesPerSecondPerStrategy()).isEqualTo(20);
        assertThatThrownBy(() -> EngineSettings.from(with("maxMessagesPerSecondPerStrategy", -1), Map.of(), HOME))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("maxMessagesPerSecondPerStrategy = '-1': must be between 0 and 10000000");
    }

    /** The shipped defaults but for one attribute, as Declarative Services would hand them over. */
    private static EngineConfig with(String name, Object value) {
        EngineConfig defaults = ConfigReader.defaults(EngineConfig.class);
        return (EngineConfig) Proxy.newProxyInstance(EngineConfig.class.getClassLoader(),
                new Class<?>[] {EngineConfig.class}, (proxy, method, args) -> method.getName().equals(name)
                        ? value : method.invoke(defaults, args));
    }
}
