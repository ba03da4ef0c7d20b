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
 * Position limits in an instrument, long and short, of the order's account and of its strategy within the account,
 * counting what it would hold if its working orders on the order's side and the order itself all filled:
 * {@code net + working buys + order} against the long limit for a buy, {@code net - working sells - order} against
 * the short limit for any sale. Orders the gate accepted earlier count from then on
 * ({@link PreTradeContext#accountWorkingQuantity}, {@link PreTradeContext#strategyWorkingQuantity}), so orders sent
 * together cannot overshoot. An order that reduces the position on its side always passes unless the working orders
 * already overshoot. The account's limits ({@code maxLongPosition}, {@code maxShortPosition}) and the strategy's
 * ({@code maxStrategyLongPosition}, {@code maxStrategyShortPosition}) are each decided by their own deciding scope.
 *
 * <p>A replace counts at its new size: the context leaves the replaced order out of the working quantity, and the
 * replace counts its new quantity less what the order has already filled (that is in the net position already).
 *
 * <p>Allocates nothing when it accepts a new order.
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
        boolean buy = order.side().isBuy();
        ScopeLimits account = lookup.deciding(buy ? LimitKind.MAX_LONG_POSITION : LimitKind.MAX_SHORT_POSITION);
        ScopeLimits strategy = lookup.deciding(buy ? LimitKind.MAX_STRATEGY_LONG_POSITION
                : LimitKind.MAX_STRATEGY_SHORT_POSITION);
        return account != null && (account.isBroken() || strategy == null) ? account : strategy;
    }

    @Override
    CheckResult decide(OrderRequest order, PreTradeContext context, ScopeLimits deciding, LimitTable table) {
        boolean buy = order.side().isBuy();
        LimitKind accountKind = buy ? LimitKind.MAX_LONG_POSITION : LimitKind.MAX_SHORT_POSITION;
        ScopeLimits accountScope = lookup().deciding(accountKind);
        if (accountScope != null) {
            CheckResult result = decide(order, context, accountScope, accountKind, false);
            if (result != null) {
                return result;
            }
        }
        LimitKind strategyKind = buy ? LimitKind.MAX_STRATEGY_LONG_POSITION : LimitKind.MAX_STRATEGY_SHORT_POSITION;
        ScopeLimits strategyScope = lookup().deciding(strategyKind);
        if (strategyScope != null) {
            CheckResult result = decide(order, context, strategyScope, strategyKind, true);
            if (result != null) {
                return result;
            }
        }
        return CheckResult.accept();
    }

    /** Null when within the limit of {@code kind}, else the rejection; the strategy's figures for {@code strategy}. */
    private static CheckResult decide(OrderRequest order, PreTradeContext context, ScopeLimits deciding,
            LimitKind kind, boolean strategy) {
        DecimalLimit limit = deciding.quantity(kind);
        if (limit.isNone()) {
            return null;
        }
        Instrument instrument = order.instrument();
        long limitUnits = Rejections.quantityUnits(limit, instrument);
        if (limitUnits == DecimalLimit.OFF_GRID) {
            return Rejections.offQuantityGrid(ID, kind, limit, deciding, instrument);
        }
        boolean buy = order.side().isBuy();
        Side side = buy ? Side.BUY : Side.SELL;
        long net = strategy ? context.strategyNetQuantity() : context.accountNetQuantity();
        long working = strategy ? context.strategyWorkingQuantity(side) : context.accountWorkingQuantity(side);
        Optional<OpenOrder> replaced = context.replacing();
        long filled = replaced.isPresent() ? replaced.get().cumQuantity() : 0;
        long adds = Math.max(0, order.quantity() - filled);
        long exposure = buy ? saturatingAdd(saturatingAdd(net, working), adds)
                : saturatingAdd(saturatingAdd(negate(net), working), adds);
        if (exposure <= limitUnits) {
            return null;
        }
        String account = order.attribution().accountId();
        String who = strategy ? "strategy " + order.attribution().strategyId() + " (account " + account + ")"
                : "account " + account;
        String size = instrument.formatQuantity(adds) + (replaced.isPresent() ? " (a replace to "
                + instrument.formatQuantity(order.quantity()) + ", " + instrument.formatQuantity(filled)
                + " filled)" : "");
        String figures = buy
                ? "net " + instrument.formatQuantity(net) + " + working buys " + instrument.formatQuantity(working)
                        + " + this order " + size
                : "net " + instrument.formatQuantity(net) + " - working sells " + instrument.formatQuantity(working)
                        + " - this order " + size;
        return Rejections.reject(ID, order.side() + " " + instrument.formatQuantity(order.quantity()) + " "
                + instrument.id() + " would take " + who + " to " + instrument.formatQuantity(exposure)
                + (buy ? " long" : " short") + " (" + figures + "), over the " + (strategy ? "strategy " : "")
                + (buy ? "long" : "short") + " limit of " + limit.text() + " for " + deciding.scope());
    }

    private static long negate(long value) {
        return value == Long.MIN_VALUE ? Long.MAX_VALUE : -value;
    }
}
