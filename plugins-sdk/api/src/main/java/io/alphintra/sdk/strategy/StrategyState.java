package io.alphintra.sdk.strategy;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A small persistent key-value store per strategy instance, for what a restarted instance must remember (a
 * regime flag, a last rebalance date). Not for market data or order state: the host keeps those.
 *
 * <p>Writes made during one callback become durable together after the callback returns; after a crash the
 * store reflects the last persisted callback. Keys are 1 to 64 printable ASCII characters without spaces;
 * values are at most {@value #MAX_VALUE_LENGTH} characters; at most {@value #MAX_ENTRIES} entries. Only the
 * engine thread of the instance may call it.
 */
@ProviderType
public interface StrategyState {

    /** Most entries an instance may store. */
    int MAX_ENTRIES = 256;

    /** Longest value, in characters. */
    int MAX_VALUE_LENGTH = 4096;

    Optional<String> get(String key);

    /**
     * Stores {@code value} under {@code key}.
     *
     * @throws IllegalArgumentException for a bad key, a null or too long value, or a new key beyond
     *     {@link #MAX_ENTRIES}
     */
    void put(String key, String value);

    /** Removes {@code key}; no effect if absent. */
    void remove(String key);

    /** The stored keys, as an immutable snapshot. */
    Set<String> keys();
}
