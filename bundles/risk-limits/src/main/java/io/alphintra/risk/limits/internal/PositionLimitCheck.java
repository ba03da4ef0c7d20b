package io.alphintra.risk.limits.internal;

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
public final class PositionLimitCheck implements PreTradeCheck {
    static final String ID = "position-limit";
    static final String VERSION = "1.0.0";
    static final int ORDER = 230;

    private final LimitBook book;
    private final Lookup lookup = new Lookup();

    @Activate
    public PositionLimitCheck(@Reference LimitBook book) {
        this.book = book;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public CheckResult check(OrderRequest order, PreTradeContext context) {
        LimitTable table = book.table(Control.POSITION);
        if (table.isEmpty()) {
            return CheckResult.accept();
        }
        lookup.match(table, order);
        boolean buy = order.side().isBuy();
        LimitKind kind = buy ? LimitKind.MAX_LONG_POSITION : LimitKind.MAX_SHORT_POSITION;
        ScopeLimits deciding = lookup.deciding(kind);
        if (deciding == null) {
            return CheckResult.accept();
        }
        if (deciding.isBroken()) {
            return Rejections.broken(ID, deciding);
        }
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
        // Overflow saturates: a sum beyond a long is beyond any limit.
        long exposure = buy ? add(add(net, working), adds) : add(add(negate(net), working), adds);
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

    private static long add(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    private static long negate(long value) {
        return value == Long.MIN_VALUE ? Long.MAX_VALUE : -value;
    }
}
