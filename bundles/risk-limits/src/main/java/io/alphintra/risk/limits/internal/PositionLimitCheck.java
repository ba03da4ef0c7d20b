package io.alphintra.risk.limits.internal;

import static io.alphintra.risk.limits.internal.ExactValue.saturatingAdd;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.risk.PreTradeContext;

/**
 * Position limits of an account in an instrument, long and short, counting what the account would hold if its
 * working orders on the order's side and the order itself all filled:
 * {@code accountNetQuantity + working buys + order} against the long limit for a buy,
 * {@code accountNetQuantity - working sells - order} against the short limit for any sale. Orders the gate accepted
 * earlier count from then on ({@link PreTradeContext#accountWorkingQuantity}), so orders sent together cannot
 * overshoot. An order that reduces the position on its side always passes unless the working orders already
 * overshoot.
 *
 * <p>A replace counts at its new size: the context leaves the replaced order out of the working quantity, and the
 * replace counts its new quantity less what the order has already filled (that is in the net position already).
 *
 * <p>The scope selects the limit; the figures are always the account's in the instrument, whichever strategy sends
 * the order. Allocates nothing when it accepts a new order.
 */
@Component(service = PreTradeCheck.class)
public final class PositionLimitCheck extends LimitCheck {
    static final String ID = "position-limit";

    @Activate
    public PositionLimitCheck(@Reference LimitBook book) {
        super(ID, "1.0.0", 230, Control.POSITION, book);
    }

    @Override
    ScopeLimits deciding(Lookup lookup, OrderRequest order) {
        return lookup.deciding(kind(order));
    }

    @Override
    CheckResult decide(OrderRequest order, PreTradeContext context, ScopeLimits deciding, LimitTable table) {
        boolean buy = order.side().isBuy();
        LimitKind kind = kind(order);
        DecimalLimit limit = deciding.quantity(kind);
        if (limit.isNone()) {
            return CheckResult.accept();
        }
        Instrument instrument = order.instrument();
        long limitUnits = Rejections.quantityUnits(limit, instrument);
        if (limitUnits == DecimalLimit.OFF_GRID) {
            return Rejections.offQuantityGrid(ID, kind, limit, deciding, instrument);
        }
        long net = context.accountNetQuantity();
        long working = context.accountWorkingQuantity(buy ? Side.BUY : Side.SELL);
        Optional<OpenOrder> replaced = context.replacing();
        long filled = replaced.isPresent() ? replaced.get().cumQuantity() : 0;
        long adds = Math.max(0, order.quantity() - filled);
        long exposure = buy ? saturatingAdd(saturatingAdd(net, working), adds)
                : saturatingAdd(saturatingAdd(negate(net), working), adds);
        if (exposure <= limitUnits) {
            return CheckResult.accept();
        }
        String account = order.attribution().accountId();
        String size = instrument.formatQuantity(adds) + (replaced.isPresent() ? " (a replace to "
                + instrument.formatQuantity(order.quantity()) + ", " + instrument.formatQuantity(filled)
                + " filled)" : "");
        String figures = buy
                ? "net " + instrument.formatQuantity(net) + " + working buys " + instrument.formatQuantity(working)
                        + " + this order " + size
                : "net " + instrument.formatQuantity(net) + " - working sells " + instrument.formatQuantity(working)
                        + " - this order " + size;
        return Rejections.reject(ID, order.side() + " " + instrument.formatQuantity(order.quantity()) + " "
                + instrument.id() + " would take account " + account + " to " + instrument.formatQuantity(exposure)
                + (buy ? " long" : " short") + " (" + figures + "), over the " + (buy ? "long" : "short")
                + " limit of " + limit.text() + " for " + deciding.scope());
    }

    /** A buy is limited by the long limit, any sale by the short limit. */
    private static LimitKind kind(OrderRequest order) {
        return order.side().isBuy() ? LimitKind.MAX_LONG_POSITION : LimitKind.MAX_SHORT_POSITION;
    }

    private static long negate(long value) {
        return value == Long.MIN_VALUE ? Long.MAX_VALUE : -value;
    }
}
