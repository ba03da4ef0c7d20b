package io.alphintra.risk.limits.internal;

import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.risk.PreTradeContext;

/**
 * What the four checks of this bundle share: their identity, the table of their {@link Control}, and the prelude of
 * every decision. An order for which no matched scope sets a limit of the check passes; one whose deciding scope is
 * broken is rejected naming the problem; otherwise the check decides it with that scope's limits.
 *
 * <p>Engine thread only: the {@link Lookup} is reused for every order, so the prelude allocates nothing. The table is
 * read once per order (one volatile read), so an order is decided by one version of the limits throughout.
 */
abstract class LimitCheck implements PreTradeCheck {
    private final String id;
    private final String version;
    private final int order;
    private final Control control;
    private final LimitBook book;
    private final Lookup lookup = new Lookup();

    LimitCheck(String id, String version, int order, Control control, LimitBook book) {
        this.id = id;
        this.version = version;
        this.order = order;
        this.control = control;
        this.book = book;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String version() {
        return version;
    }

    @Override
    public final int order() {
        return order;
    }

    @Override
    public final CheckResult check(OrderRequest order, PreTradeContext context) {
        LimitTable table = book.table(control);
        if (table.isEmpty()) {
            return CheckResult.accept();
        }
        lookup.match(table, order);
        ScopeLimits deciding = deciding(lookup, order);
        if (deciding == null) {
            return CheckResult.accept();
        }
        if (deciding.isBroken()) {
            return Rejections.broken(id, deciding);
        }
        return decide(order, context, deciding, table);
    }

    /**
     * The scope that decides {@code order} among those {@code lookup} matched: null when none sets a limit this check
     * applies to the order, a broken scope when one that would decide is broken.
     */
    abstract ScopeLimits deciding(Lookup lookup, OrderRequest order);

    /** Decides {@code order} with the limits of {@code deciding}, which is set and not broken. */
    abstract CheckResult decide(OrderRequest order, PreTradeContext context, ScopeLimits deciding, LimitTable table);

    /** The scopes the order being decided matched; for a check whose limits come from several deciding scopes. */
    final Lookup lookup() {
        return lookup;
    }
}
