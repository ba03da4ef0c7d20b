package io.alphintra.risk.limits.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.risk.PreTradeContext;

/**
 * PT5 duplicate prevention: the {@code duplicateCount}-th order identical to orders this check passed within
 * {@code duplicateWindowMillis} is rejected, so at most {@code duplicateCount - 1} identical orders pass in any window
 * of that length; once the oldest of them is older than the window, the next one passes again. Identical means same
 * instrument, side, type, limit and stop price, quantity, strategy and account. Time is the engine's
 * ({@link PreTradeContext#nowNanos()}), so a replay decides the same.
 *
 * <p>Rejected orders are not remembered: what is limited is what passes. A replace is neither checked nor
 * remembered: it changes an order that already counted (message rates are a throttle's business, PT6). Only orders a
 * duplicate limit applies to are remembered. Reused client order ids are the engine's to refuse.
 *
 * <p>State is single-threaded (the engine thread decides every order) and fixed in size ({@link RecentOrders}):
 * deciding allocates nothing when it accepts.
 */
@Component(service = PreTradeCheck.class)
public final class DuplicateOrderCheck extends LimitCheck {
    static final String ID = "duplicate-orders";

    private final RecentOrders recent = new RecentOrders();

    @Activate
    public DuplicateOrderCheck(@Reference LimitBook book) {
        super(ID, "1.0.0", 220, Control.DUPLICATES, book);
    }

    @Override
    ScopeLimits deciding(Lookup lookup, OrderRequest order) {
        return lookup.deciding(LimitKind.DUPLICATES);
    }

    @Override
    CheckResult decide(OrderRequest order, PreTradeContext context, ScopeLimits deciding, LimitTable table) {
        DuplicateLimit limit = deciding.duplicates();
        if (limit.isNone() || context.replacing().isPresent()) {
            return CheckResult.accept();
        }
        long now = context.nowNanos();
        long fingerprint = RecentOrders.fingerprint(order);
        int slot = recent.find(fingerprint);
        int earlier = slot < 0 ? 0 : recent.countWithin(slot, now, limit.windowNanos());
        if (earlier >= limit.count() - 1) {
            Instrument instrument = order.instrument();
            return Rejections.reject(ID, "identical order number " + (earlier + 1) + " within "
                    + limit.windowMillis() + " ms (" + order.side() + " " + order.type() + " "
                    + instrument.formatQuantity(order.quantity()) + " " + instrument.id()
                    + (order.hasLimitPrice() ? " limit " + instrument.formatPrice(order.limitPrice()) : "")
                    + (order.hasStopPrice() ? " stop " + instrument.formatPrice(order.stopPrice()) : "")
                    + ", strategy " + order.attribution().strategyId() + ", account "
                    + order.attribution().accountId() + "), at the limit of " + limit.count() + " for "
                    + deciding.scope());
        }
        recent.record(fingerprint, slot, now, now - table.maxDuplicateWindowNanos());
        return CheckResult.accept();
    }
}
