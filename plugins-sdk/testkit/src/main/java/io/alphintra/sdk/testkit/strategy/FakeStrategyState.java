package io.alphintra.sdk.testkit.strategy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.alphintra.sdk.strategy.StrategyState;

/**
 * Unit-test fake of {@link StrategyState}: a map in memory, with the host's key and size limits, so a strategy
 * that would overflow its store fails in its unit test. Nothing is persisted. Not for production use.
 */
public final class FakeStrategyState implements StrategyState {

    private final Map<String, String> values = new LinkedHashMap<>();

    @Override
    public Optional<String> get(String key) {
        requireKey(key);
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void put(String key, String value) {
        requireKey(key);
        if (value == null) {
            throw new IllegalArgumentException("value of key '" + key + "': required (was null)");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("value of key '" + key + "': " + value.length()
                    + " characters, more than " + MAX_VALUE_LENGTH);
        }
        if (!values.containsKey(key) && values.size() >= MAX_ENTRIES) {
            throw new IllegalArgumentException("key '" + key + "': the store already holds " + MAX_ENTRIES
                    + " entries");
        }
        values.put(key, value);
    }

    @Override
    public void remove(String key) {
        requireKey(key);
        values.remove(key);
    }

    @Override
    public Set<String> keys() {
        return Set.copyOf(values.keySet());
    }

    private static void requireKey(String key) {
        boolean valid = key != null && !key.isEmpty() && key.length() <= 64;
        for (int i = 0; valid && i < key.length(); i++) {
            valid = key.charAt(i) > 0x20 && key.charAt(i) < 0x7F;
        }
        if (!valid) {
            throw new IllegalArgumentException("key = " + (key == null ? "null" : "'" + key + "'")
                    + ": must be 1 to 64 printable ASCII characters without spaces");
        }
    }
}
