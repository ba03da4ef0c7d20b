package io.alphintra.access.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.config.support.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessSettingsTest {
    @Test
    void everyBadKeyIsNamedWithItsValue() {
        Map<String, String> raw = Map.of("sessionMinutes", "10081", "maxFailedLogins", "five", "lockoutSeconds", "0");
        assertThatThrownBy(() -> AccessSettings.from(ConfigReader.typed(AccessConfig.class, raw), raw))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("sessionMinutes = '10081': must be between 1 and 10080")
                .hasMessageContaining("maxFailedLogins = 'five'")
                .hasMessageContaining("lockoutSeconds = '0': must be between 1 and 86400");
    }
}
