package io.alphintra.engine.internal.core;

import io.alphintra.sdk.instrument.InstrumentId;
import java.util.HashMap;
import java.util.Map;

/**
 * Dense int keys for the instruments the engine thread sees, from 0 in order of first sight. The engine looks an
 * event's instrument up here once, and the books it updates for the event (the market cache, the portfolio's marks,
 * each strategy's subscriptions) index arrays with the key instead of each hashing the id again. Keys are never
 * reused, and there is one per instrument ever seen: instruments are reference data, a few thousand at most.
 * Engine thread only.
 */
public final class InstrumentKeys {
    private final Map<InstrumentId, Integer> keys = new HashMap<>();

    /** The instrument's key, assigning the next one on first sight. */
    public int key(InstrumentId instrumentId) {
        Integer key = keys.get(instrumentId);
        if (key == null) {
            key = keys.size();
            keys.put(instrumentId, key);
        }
        return key;
    }

    public int size() {
        return keys.size();
    }
}
