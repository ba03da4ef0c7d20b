package io.alphintra.risk.limits.internal;

/**
 * One configuration's limits as operators see them.
 *
 * @param scope the scope, e.g. {@code account:ACC-1}
 * @param source the configuration's PID
 * @param limits what it sets ({@code maxOrderQuantity = 1000, ...}), or why it is not in force
 * @param broken whether its orders are rejected because the configuration is not usable
 */
public record ScopeLimitsView(String scope, String source, String limits, boolean broken) {

    static ScopeLimitsView of(ScopeLimits limits) {
        return new ScopeLimitsView(limits.scope().toString(), limits.source(), limits.describe(), limits.isBroken());
    }
}
