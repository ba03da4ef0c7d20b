package io.alphintra.service.guard.internal;

import java.util.HashMap;
import java.util.Map;

/** Guard configurations for the tests, typed as Declarative Services would hand them over. */
final class Settings {
    private Settings() {
    }

    /** The defaults with {@code keysAndValues} (key, value, key, value, ...) changed. */
    static Map<String, Object> config(String... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static GuardSettings settings(String... keysAndValues) {
        Map<String, Object> map = config(keysAndValues);
        return GuardSettings.from(typed(map), map);
    }

    /** The configuration typed as the guard types what Configuration Admin hands over. */
    static ServiceGuardConfig typed(Map<String, Object> map) {
        return GuardSettings.typed(map);
    }
}
