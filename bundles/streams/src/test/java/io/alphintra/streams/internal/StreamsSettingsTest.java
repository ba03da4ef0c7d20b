package io.alphintra.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.config.support.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    @Test
    void theDefaultsAreTheProtocolsLimits() {
        assertThat(StreamsSettings.defaults()).isEqualTo(new StreamsSettings(10_000, 65_536, 1_000,
                Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    @Test
    void theShippedFileIsValidAndSaysTheDefaults() throws Exception {
        Properties shipped = new Properties();
        try (var in = Files.newBufferedReader(Path.of("../../config/etc/io.alphintra.streams.cfg"))) {
            shipped.load(in);
        }
        Map<String, Object> raw = Map.copyOf((Map) shipped);
        assertThat(StreamsSettings.from(ConfigReader.typed(StreamsConfig.class, raw), raw))
                .isEqualTo(StreamsSettings.defaults());
    }

    @Test
    void everyBadValueIsNamed() {
        Map<String, Object> raw = Map.of("clientBufferMessages", "0", "maxFrameBytes", "1000000",
                "maxClients", "many", "authTimeoutMillis", "50", "credentialCheckMillis", "-1");
        assertThatThrownBy(() -> StreamsSettings.from(ConfigReader.typed(StreamsConfig.class, raw), raw))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("io.alphintra.streams")
                .hasMessageContaining("clientBufferMessages = '0': must be between 1 and 1000000")
                .hasMessageContaining("maxFrameBytes = '1000000': must be between 256 and 65536")
                .hasMessageContaining("maxClients = 'many'")
                .hasMessageContaining("authTimeoutMillis = '50': must be between 100 and 600000")
                .hasMessageContaining("credentialCheckMillis = '-1': must be between 100 and 600000");
    }
}
