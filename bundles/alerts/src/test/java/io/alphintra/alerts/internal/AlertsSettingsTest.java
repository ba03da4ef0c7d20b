package io.alphintra.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.config.support.InvalidConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertsSettingsTest {

    @Test
    void theShippedDefaults() {
        AlertsSettings settings = AlertsSettings.defaults();
        assertThat(settings.dedupeWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.keep()).isEqualTo(10_000);
        assertThat(settings.webhookUrls()).isEmpty();
        assertThat(settings.webhookTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.webhookMaxAttempts()).isEqualTo(5);
    }

    @Test
    void readsCommaSeparatedUrls() {
        Map<String, Object> raw = Map.of("webhookUrls", "https://ops.example.org/hook, ,http://127.0.0.1:9000/a");
        assertThat(AlertsSettings.from(TestConfig.of(raw), raw).webhookUrls()).containsExactly(
                URI.create("https://ops.example.org/hook"), URI.create("http://127.0.0.1:9000/a"));
    }

    @Test
    void everyBadValueIsNamedWithItsKey() {
        Map<String, Object> raw = Map.of("dedupeWindowSeconds", "sixty", "keep", "0",
                "webhookUrls", "https://ok.example.org, mailto:ops@example.org", "webhookTimeoutMillis", "5",
                "webhookMaxAttempts", "21");
        assertThatThrownBy(() -> AlertsSettings.from(TestConfig.of(raw), raw))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("io.alphintra.alerts")
                .hasMessageContaining("dedupeWindowSeconds = 'sixty': not a valid value")
                .hasMessageContaining("keep = '0': must be between 1 and 1000000")
                .hasMessageContaining("'mailto:ops@example.org' is not an http:// or https:// URL")
                .hasMessageContaining("webhookTimeoutMillis = '5'")
                .hasMessageContaining("webhookMaxAttempts = '21'");
    }

    @Test
    void aUrlThatDoesNotParseIsNamed() {
        Map<String, Object> raw = Map.of("webhookUrls", "http://exa mple.org/");
        assertThatThrownBy(() -> AlertsSettings.from(TestConfig.of(raw), raw))
                .hasMessageContaining("webhookUrls = 'http://exa mple.org/'")
                .hasMessageContaining("is not a URL");
    }
}
