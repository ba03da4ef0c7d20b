package io.alphintra.http.internal;

import io.alphintra.config.support.ConfigReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A validated HTTP server configuration.
 *
 * @param tlsCertificate the certificate PEM file, or null for plain HTTP (then {@code tlsKey} is null too)
 * @param tlsKey         its private key's PEM file, or null
 * @param corsOrigins    the exact origins allowed cross-origin calls; empty for none
 */
record HttpSettings(String host, int port, Path tlsCertificate, Path tlsKey, List<String> corsOrigins,
                    int maxWebSocketFrameBytes) {

    HttpSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }

    boolean tls() {
        return tlsCertificate != null;
    }

    /** Whether a server started with these settings would be the same as one started with {@code other}'s. */
    boolean sameListener(HttpSettings other) {
        return other != null && host.equals(other.host) && port == other.port
                && java.util.Objects.equals(tlsCertificate, other.tlsCertificate)
                && java.util.Objects.equals(tlsKey, other.tlsKey)
                && maxWebSocketFrameBytes == other.maxWebSocketFrameBytes;
    }

    /**
     * @param etc where relative TLS file names are resolved: the node's {@code etc/}
     * @throws io.alphintra.config.support.InvalidConfigurationException naming every bad key and value
     */
    static HttpSettings from(HttpConfig config, Map<String, ?> raw, Path etc) {
        ConfigReader<HttpConfig> reader = new ConfigReader<>(HttpConfig.PID, config, raw);
        String host = reader.text("host", HttpConfig::host);
        Integer port = reader.port("port", HttpConfig::port);
        String certificateName = reader.get("tlsCertificate", HttpConfig::tlsCertificate);
        String keyName = reader.get("tlsKey", HttpConfig::tlsKey);
        Path certificate = file(reader, "tlsCertificate", certificateName, etc);
        Path key = file(reader, "tlsKey", keyName, etc);
        if (blank(certificateName) != blank(keyName)) {
            String missing = blank(certificateName) ? "tlsCertificate" : "tlsKey";
            reader.problem(missing, "", "HTTPS needs both tlsCertificate and tlsKey; set " + missing
                    + " too, or neither for plain HTTP");
        }
        List<String> origins = reader.parsed("corsAllowedOrigins", HttpConfig::corsAllowedOrigins,
                HttpSettings::origins);
        Integer frame = reader.range("maxWebSocketFrameBytes", HttpConfig::maxWebSocketFrameBytes, 1024, 16 << 20);
        reader.requireValid();
        return new HttpSettings(host, port, certificate, key, origins, frame);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Path file(ConfigReader<HttpConfig> reader, String key, String value, Path etc) {
        if (blank(value)) {
            return null;
        }
        try {
            return etc.resolve(value.trim()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            reader.problem(key, value, "not a file path: " + e.getMessage());
            return null;
        }
    }

    /** The comma-separated list of exact origins, each {@code scheme://host[:port]} as a browser sends it. */
    static List<String> origins(String text) {
        List<String> origins = new ArrayList<>();
        for (String part : text.split(",")) {
            String origin = part.trim();
            if (origin.isEmpty()) {
                continue;
            }
            if (origin.contains("*")) {
                throw new IllegalArgumentException("'" + origin + "' is not an exact origin: wildcards are refused,"
                        + " as they would let any web site call the API with a signed-in user's credentials");
            }
            URI uri;
            try {
                uri = new URI(origin);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + origin + "' is not an origin: " + e.getMessage(), e);
            }
            String scheme = uri.getScheme();
            String canonical = scheme == null || uri.getHost() == null ? null
                    : scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            if (canonical == null || !("http".equals(scheme) || "https".equals(scheme)) || !canonical.equals(origin)) {
                throw new IllegalArgumentException("'" + origin + "' is not an origin as browsers send it: write "
                        + "scheme://host or scheme://host:port, http or https, in lower case, with no path or "
                        + "trailing slash");
            }
            if (!origin.equals(origin.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("'" + origin + "' must be in lower case, as browsers send it");
            }
            origins.add(origin);
        }
        return origins;
    }
}
