package io.alphintra.http.internal;

import io.alphintra.config.support.ConfigReader;
import java.util.Map;

/** A validated HTTP server configuration. */
record HttpSettings(String host, int port) {

    /** @throws io.alphintra.config.support.InvalidConfigurationException naming every bad key and value */
    static HttpSettings from(HttpConfig config, Map<String, ?> raw) {
        ConfigReader<HttpConfig> reader = new ConfigReader<>(HttpConfig.PID, config, raw);
        String host = reader.text("host", HttpConfig::host);
        Integer port = reader.port("port", HttpConfig::port);
        reader.requireValid();
        return new HttpSettings(host, port);
    }
}
