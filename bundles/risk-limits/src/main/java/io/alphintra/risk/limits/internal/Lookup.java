package io.alphintra.risk.limits.internal;

import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.OrderRequest;

/**
 * One check's view of the scopes an order matches: {@link #match} once per order, then the deciding scope of each
 * limit kind. Holds the matched scopes in an array it reuses, so a lookup allocates nothing once the array has
 * grown to the largest table seen. Engine thread only, like the check that owns it.
 */
final class Lookup {
    private ScopeLimits[] matched = new ScopeLimits[8];
    private int count;

    /** Finds the scopes of {@code table} that {@code order} matches. */
    void match(LimitTable table, OrderRequest order) {
        if (matched.length < table.size()) {
            matched = new ScopeLimits[table.size()];
        }
        count = table.match(order.attribution(), order.instrument().id(), matched);
    }

    /** The most specific matched scope that sets {@code kind}, or null. */
    ScopeLimits deciding(LimitKind kind) {
        for (int i = 0; i < count; i++) {
            if (matched[i].sets(kind)) {
                return matched[i];
            }
        }
        return null;
    }

    /** The most specific matched scope that sets value kind {@code kind} in {@code currency}, or null. */
    ScopeLimits deciding(LimitKind kind, Currency currency) {
        for (int i = 0; i < count; i++) {
            if (matched[i].isBroken() || matched[i].value(kind, currency) != null) {
                return matched[i];
            }
        }
        return null;
    }
}
