package io.alphintra.access.internal;

import io.alphintra.config.support.ConfigReader;
import java.time.Duration;
import java.util.Map;

/** A validated access configuration. */
record AccessSettings(Duration sessionLifetime, int maxFailedLogins, Duration lockout) {

    /** @throws io.alphintra.config.support.InvalidConfigurationException naming every bad key and value */
    static AccessSettings from(AccessConfig config, Map<String, ?> raw) {
        ConfigReader<AccessConfig> reader = new ConfigReader<>(AccessConfig.PID, config, raw);
        Integer minutes = reader.range("sessionMinutes", AccessConfig::sessionMinutes, 1, 10_080);
        Integer failures = reader.range("maxFailedLogins", AccessConfig::maxFailedLogins, 1, 1000);
        Integer lockout = reader.range("lockoutSeconds", AccessConfig::lockoutSeconds, 1, 86_400);
        reader.requireValid();
        return new AccessSettings(Duration.ofMinutes(minutes), failures, Duration.ofSeconds(lockout));
    }

    static AccessSettings defaults() {
        return from(ConfigReader.defaults(AccessConfig.class), Map.of());
    }
}
