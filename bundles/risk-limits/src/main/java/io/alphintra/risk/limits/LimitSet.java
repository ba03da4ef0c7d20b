package io.alphintra.risk.limits;

import java.util.Map;

/**
 * One scope's limits as configured.
 *
 * @param scope       e.g. {@code *}, {@code account:ACC-1}, {@code strategy:mm-1}
 * @param source      the configuration's PID
 * @param limits      the keys it sets and their values as written ({@code maxOrderQuantity = 1000})
 * @param description the limits in one line, or why the configuration is not in force
 * @param broken      whether the configuration is unusable, so orders in its scope are rejected
 * @param changedBy   who made the last change through the shell or API; null when it came from a file
 */
public record LimitSet(String scope, String source, Map<String, String> limits, String description, boolean broken,
                       String changedBy) {
    public LimitSet {
        limits = Map.copyOf(limits);
    }
}
