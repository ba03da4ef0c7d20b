package io.alphintra.alerts.internal;

import io.alphintra.config.support.ConfigReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A validated alerts configuration. */
record AlertsSettings(Duration dedupeWindow, int keep, List<URI> webhookUrls, Duration webhookTimeout,
        int webhookMaxAttempts) {

    /** @throws io.alphintra.config.support.InvalidConfigurationException naming every bad key and value */
    static AlertsSettings from(AlertsConfig config, Map<String, ?> raw) {
        ConfigReader<AlertsConfig> reader = new ConfigReader<>(AlertsConfig.PID, config, raw);
        Integer window = reader.range("dedupeWindowSeconds", AlertsConfig::dedupeWindowSeconds, 0, 86_400);
        Integer keep = reader.range("keep", AlertsConfig::keep, 1, 1_000_000);
        List<URI> urls = reader.parsed("webhookUrls", AlertsConfig::webhookUrls, AlertsSettings::urls);
        Integer timeout = reader.range("webhookTimeoutMillis", AlertsConfig::webhookTimeoutMillis, 100, 60_000);
        Integer attempts = reader.range("webhookMaxAttempts", AlertsConfig::webhookMaxAttempts, 1, 20);
        reader.requireValid();
        return new AlertsSettings(Duration.ofSeconds(window), keep, urls, Duration.ofMillis(timeout), attempts);
    }

    static AlertsSettings defaults() {
        return from(ConfigReader.defaults(AlertsConfig.class), Map.of());
    }

    /** Comma-separated absolute http(s) URLs; blanks between commas are ignored. */
    static List<URI> urls(String text) {
        List<URI> urls = new ArrayList<>();
        for (String part : text.split(",")) {
            String candidate = part.trim();
            if (candidate.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = new URI(candidate);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + candidate + "' is not a URL: " + e.getReason());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("'" + candidate + "' is not an http:// or https:// URL with a host");
            }
            urls.add(uri);
        }
        return List.copyOf(urls);
    }
}
