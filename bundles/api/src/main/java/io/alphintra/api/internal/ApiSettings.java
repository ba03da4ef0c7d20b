package io.alphintra.api.internal;

import io.alphintra.config.support.ConfigReader;
import java.util.Map;

/** A validated API configuration. */
record ApiSettings(int requestsPerSecond, int burst, int maxBodyBytes, long requestTimeoutMillis) {

    /** @throws io.alphintra.config.support.InvalidConfigurationException naming every bad key and value */
    static ApiSettings from(ApiConfig config, Map<String, ?> raw) {
        ConfigReader<ApiConfig> reader = new ConfigReader<>(ApiConfig.PID, config, raw);
        Integer rate = reader.range("requestsPerSecond", ApiConfig::requestsPerSecond, 1, 100_000);
        Integer burst = reader.range("burst", ApiConfig::burst, 1, 1_000_000);
        Integer body = reader.range("maxBodyBytes", ApiConfig::maxBodyBytes, 1024, 16 * 1024 * 1024);
        Integer timeout = reader.range("requestTimeoutMillis", ApiConfig::requestTimeoutMillis, 100, 120_000);
        reader.requireValid();
        return new ApiSettings(rate, burst, body, timeout);
    }

    static ApiSettings defaults() {
        return from(ConfigReader.defaults(ApiConfig.class), Map.of());
    }
}
