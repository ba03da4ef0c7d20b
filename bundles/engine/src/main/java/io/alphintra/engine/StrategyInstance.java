package io.alphintra.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A configured strategy instance as operators see it.
 *
 * @param state      {@code RUNNING}, {@code STOPPED}, {@code QUARANTINED}, or {@code WAITING} while its type is not
 *                   installed
 * @param reason     why it stopped or was quarantined; null while it runs
 * @param since      when it entered its state; null for an instance that has not run since the host started
 * @param settings   its configuration as written (instance settings and {@code param.*} parameters), secrets
 *                   excepted
 * @since 1.6
 */
public record StrategyInstance(String id, String type, String state, String reason, Instant since,
                               List<String> instruments, String accountId, String traderId, long ordersSent,
                               Map<String, String> settings) {
    public StrategyInstance {
        instruments = List.copyOf(instruments);
        settings = Map.copyOf(settings);
    }
}
