package io.alphintra.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.config.support.InvalidConfigurationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {
    private static final Path ETC = Path.of("/opt/node/etc");

    private static HttpSettings settings(Map<String, ?> properties) {
        return HttpSettings.from(ConfigReader.typed(HttpConfig.class, properties), properties, ETC);
    }

    @Test
    void theDefaultsArePlainHttpOnLoopbackWithCorsClosed() {
        HttpSettings settings = settings(Map.of());

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.tls()).isFalse();
        assertThat(settings.corsOrigins()).isEmpty();
        assertThat(settings.maxWebSocketFrameBytes()).isEqualTo(65536);
    }

    @Test
    void tlsFilesAreResolvedInEtcUnlessAbsolute() {
        HttpSettings settings = settings(Map.of("tlsCertificate", "tls/node.crt", "tlsKey", "/secrets/node.key"));

        assertThat(settings.tls()).isTrue();
        assertThat(settings.tlsCertificate()).isEqualTo(Path.of("/opt/node/etc/tls/node.crt"));
        assertThat(settings.tlsKey()).isEqualTo(Path.of("/secrets/node.key"));
    }

    @Test
    void aCertificateWithoutItsKeyIsRefusedNamingTheMissingKey() {
        assertThatThrownBy(() -> settings(Map.of("tlsCertificate", "node.crt")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("tlsKey = '': HTTPS needs both tlsCertificate and tlsKey");
        assertThatThrownBy(() -> settings(Map.of("tlsKey", "node.key")))
                .hasMessageContaining("tlsCertificate = '': HTTPS needs both");
    }

    @Test
    void corsOriginsAreExactOriginsAsBrowsersSendThem() {
        HttpSettings settings = settings(Map.of("corsAllowedOrigins",
                " https://desk.example.com , http://127.0.0.1:3000,"));

        assertThat(settings.corsOrigins()).isEqualTo(List.of("https://desk.example.com", "http://127.0.0.1:3000"));
    }

    @Test
    void aWildcardAPathOrAnotherSchemeIsRefusedAsAnOrigin() {
        assertThatThrownBy(() -> settings(Map.of("corsAllowedOrigins", "*")))
                .hasMessageContaining("corsAllowedOrigins = '*'").hasMessageContaining("wildcards are refused");
        assertThatThrownBy(() -> settings(Map.of("corsAllowedOrigins", "https://desk.example.com/")))
                .hasMessageContaining("no path or trailing slash");
        assertThatThrownBy(() -> settings(Map.of("corsAllowedOrigins", "https://desk.example.com/app")))
                .hasMessageContaining("'https://desk.example.com/app' is not an origin");
        assertThatThrownBy(() -> settings(Map.of("corsAllowedOrigins", "ftp://desk.example.com")))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> settings(Map.of("corsAllowedOrigins", "https://Desk.example.com")))
                .hasMessageContaining("lower case");
    }

    @Test
    void everyBadKeyIsNamedInOneMessage() {
        assertThatThrownBy(() -> settings(Map.of("port", "0", "maxWebSocketFrameBytes", "100",
                "corsAllowedOrigins", "desk")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("port = '0'")
                .hasMessageContaining("maxWebSocketFrameBytes = '100': must be between 1024 and 16777216")
                .hasMessageContaining("corsAllowedOrigins = 'desk'");
    }

    @Test
    void onlyAddressTlsAndLimitsMakeAnotherListener() {
        HttpSettings plain = settings(Map.of());

        assertThat(settings(Map.of("corsAllowedOrigins", "https://a.example")).sameListener(plain)).isTrue();
        assertThat(settings(Map.of("maxWebSocketFrameBytes", "2048")).sameListener(plain)).isFalse();
        assertThat(settings(Map.of("tlsCertificate", "a", "tlsKey", "b")).sameListener(plain)).isFalse();
    }
}
