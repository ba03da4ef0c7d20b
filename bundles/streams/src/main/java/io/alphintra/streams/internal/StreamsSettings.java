package io.alphintra.streams.internal;

import io.alphintra.config.support.ConfigReader;
import java.time.Duration;
import java.util.Map;

/**
 * A validated streams configuration.
 *
 * @param clientBufferMessages messages queued and not yet written to one client before it is closed with 4008
 * @param maxFrameBytes largest message a client may send
 * @param maxClients streams open at once
 * @param authTimeout how long a client may take to authenticate
 * @param credentialCheck how often an open stream's credential is checked again
 */
record StreamsSettings(int clientBufferMessages, int maxFrameBytes, int maxClients, Duration authTimeout,
                       Duration credentialCheck) {

    /** @throws io.alphintra.config.support.InvalidConfigurationException naming every bad key and value */
    static StreamsSettings from(StreamsConfig config, Map<String, ?> raw) {
        ConfigReader<StreamsConfig> reader = new ConfigReader<>(StreamsConfig.PID, config, raw);
        Integer buffer = reader.range("clientBufferMessages", StreamsConfig::clientBufferMessages, 1, 1_000_000);
        Integer frame = reader.range("maxFrameBytes", StreamsConfig::maxFrameBytes, 256, 65_536);
        Integer clients = reader.range("maxClients", StreamsConfig::maxClients, 1, 100_000);
        Integer auth = reader.range("authTimeoutMillis", StreamsConfig::authTimeoutMillis, 100, 600_000);
        Integer check = reader.range("credentialCheckMillis", StreamsConfig::credentialCheckMillis, 100, 600_000);
        reader.requireValid();
        return new StreamsSettings(buffer, frame, clients, Duration.ofMillis(auth), Duration.ofMillis(check));
    }

    static StreamsSettings defaults() {
        return from(ConfigReader.defaults(StreamsConfig.class), Map.of());
    }
}
