package io.alphintra.risk.limits.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.OptionalLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.alphintra.sdk.instrument.FutureContract;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.risk.PreTradeContext;

/**
 * PT3 maximum order value and PT4 maximum order quantity, each with a hard tier (rejected) and a soft tier: a soft
 * breach is {@link CheckResult#hold held} for an authorised override (the engine keeps the order from its venue until
 * another user releases it), or, where the deciding configuration says {@code softLimitAction = warn}, passes with a
 * {@link CheckResult#warn warning}, which the engine records and alerts.
 *
 * <p>The value is |price| × quantity (× multiplier for futures) in the instrument's quote currency, exact: the limit
 * price (a stop-limit's too), a stop order's stop price, a market order's {@link PreTradeContext#referencePrice()}
 * (none: a market order cannot be valued and is rejected where a value limit applies). A value limit applies only in
 * the currency it names. A replace is decided at its new quantity and prices. Allocates nothing when it accepts.
 */
@Component(service = PreTradeCheck.class)
public final class OrderSizeCheck extends LimitCheck {
    static final String ID = "order-size";

    private static final long NOT_VALUED = Long.MIN_VALUE;

    @Activate
    public OrderSizeCheck(@Reference LimitBook book) {
        super(ID, "1.0.0", 200, Control.ORDER_SIZE, book);
    }

    /**
     * Each of the four limits has its own deciding scope ({@link #decide} reads them): a broken one among them
     * rejects the order, in the order hard quantity, hard value, soft quantity, soft value; none set, nothing to
     * decide.
     */
    @Override
    ScopeLimits deciding(Lookup lookup, OrderRequest order) {
        Currency currency = order.instrument().quoteCurrency();
        return brokenOrSet(
                brokenOrSet(lookup.deciding(LimitKind.MAX_ORDER_QUANTITY),
                        lookup.deciding(LimitKind.MAX_ORDER_VALUE, currency)),
                brokenOrSet(lookup.deciding(LimitKind.WARN_ORDER_QUANTITY),
                        lookup.deciding(LimitKind.WARN_ORDER_VALUE, currency)));
    }

    @Override
    CheckResult decide(OrderRequest order, PreTradeContext context, ScopeLimits anyDeciding, LimitTable table) {
        Lookup lookup = lookup();
        Instrument instrument = order.instrument();
        Currency currency = instrument.quoteCurrency();
        ScopeLimits maxQuantity = lookup.deciding(LimitKind.MAX_ORDER_QUANTITY);
        ScopeLimits maxValue = lookup.deciding(LimitKind.MAX_ORDER_VALUE, currency);
        ScopeLimits warnQuantity = lookup.deciding(LimitKind.WARN_ORDER_QUANTITY);
        ScopeLimits warnValue = lookup.deciding(LimitKind.WARN_ORDER_VALUE, currency);
        if (maxQuantity != null) {
            CheckResult result = quantity(order, LimitKind.MAX_ORDER_QUANTITY, maxQuantity, false);
            if (result != null) {
                return result;
            }
        }
        DecimalLimit hardValue = maxValue == null ? null : maxValue.value(LimitKind.MAX_ORDER_VALUE, currency);
        DecimalLimit softValue = warnValue == null ? null : warnValue.value(LimitKind.WARN_ORDER_VALUE, currency);
        boolean valued = (hardValue != null && !hardValue.isNone()) || (softValue != null && !softValue.isNone());
        long price = valued ? valuationPrice(order, context) : NOT_VALUED;
        if (valued && price == NOT_VALUED) {
            ScopeLimits deciding = hardValue != null && !hardValue.isNone() ? maxValue : warnValue;
            return Rejections.reject(ID, "the MARKET order cannot be valued: no " + PriceCollar.REFERENCE + " of "
                    + instrument.id() + " is known, and the value limit for " + deciding.scope() + " needs one");
        }
        if (hardValue != null && !hardValue.isNone()) {
            CheckResult result = value(order, price, hardValue, maxValue, false);
            if (result != null) {
                return result;
            }
        }
        CheckResult quantityWarning = warnQuantity == null ? null
                : quantity(order, LimitKind.WARN_ORDER_QUANTITY, warnQuantity, true);
        if (quantityWarning != null && quantityWarning.isRejected()) {
            return quantityWarning;
        }
        CheckResult valueWarning = softValue == null || softValue.isNone() ? null
                : value(order, price, softValue, warnValue, true);
        if (valueWarning != null && valueWarning.isRejected()) {
            return valueWarning;
        }
        if (quantityWarning == null && valueWarning == null) {
            return CheckResult.accept();
        }
        if (quantityWarning == null || valueWarning == null) {
            return quantityWarning == null ? valueWarning : quantityWarning;
        }
        String both = quantityWarning.text() + "; " + valueWarning.text();
        boolean hold = quantityWarning.outcome() == CheckResult.Outcome.HOLD
                || valueWarning.outcome() == CheckResult.Outcome.HOLD;
        return hold ? CheckResult.hold(both) : CheckResult.warn(both);
    }

    /** The first of {@code a} and {@code b} that is broken, else the first that is set, else null. */
    private static ScopeLimits brokenOrSet(ScopeLimits a, ScopeLimits b) {
        if (a != null && a.isBroken()) {
            return a;
        }
        if (b != null && b.isBroken()) {
            return b;
        }
        return a != null ? a : b;
    }

    /** Null when within the limit; a rejection, or for {@code soft} a hold or warning, otherwise. */
    private static CheckResult quantity(OrderRequest order, LimitKind kind, ScopeLimits deciding, boolean soft) {
        DecimalLimit limit = deciding.quantity(kind);
        if (limit.isNone()) {
            return null;
        }
        Instrument instrument = order.instrument();
        long units = Rejections.quantityUnits(limit, instrument);
        if (units == DecimalLimit.OFF_GRID) {
            return Rejections.offQuantityGrid(ID, kind, limit, deciding, instrument);
        }
        if (order.quantity() <= units) {
            return null;
        }
        String text = "quantity " + instrument.formatQuantity(order.quantity()) + " of " + instrument.id() + " over "
                + (soft ? "the soft limit of " : "the limit of ") + limit.text() + " for " + deciding.scope();
        return soft ? softBreach(text, deciding) : Rejections.reject(ID, text);
    }

    /** A soft limit's breach as {@code deciding}, the configuration that set the limit, wants it treated. */
    private static CheckResult softBreach(String text, ScopeLimits deciding) {
        return deciding.holdSoftBreaches() ? CheckResult.hold(ID + ": " + text + " (held for an authorised override)")
                : CheckResult.warn(ID + ": " + text + " (warning only: softLimitAction = warn)");
    }

    /** Null when within the limit; a rejection, or for {@code soft} a hold or warning, otherwise. */
    private static CheckResult value(OrderRequest order, long price, DecimalLimit limit, ScopeLimits deciding,
            boolean soft) {
        Instrument instrument = order.instrument();
        long multiplier = 1;
        int multiplierScale = 0;
        if (instrument instanceof FutureContract future) {
            multiplier = future.multiplier().mantissa();
            multiplierScale = future.multiplier().scale();
        }
        int valueScale = instrument.priceScale() + instrument.quantityScale() + multiplierScale;
        LimitKind kind = soft ? LimitKind.WARN_ORDER_VALUE : LimitKind.MAX_ORDER_VALUE;
        if (limit.scale() > valueScale || valueScale > Decimals.MAX_SCALE) {
            return Rejections.reject(ID, kind.key() + " " + instrument.quoteCurrency() + " " + limit.text() + " for "
                    + deciding.scope() + " (" + deciding.source() + ") is off the value grid of " + instrument.id()
                    + " (values at " + valueScale + " decimals); the limit cannot be applied, fix the configuration");
        }
        long magnitude = Math.abs(price); // NO_PRICE never reaches here: valuationPrice filters it
        if (ExactValue.compare(magnitude, order.quantity(), multiplier, limit.mantissa(),
                valueScale - limit.scale()) <= 0) {
            return null;
        }
        String value = new BigDecimal(BigInteger.valueOf(magnitude).multiply(BigInteger.valueOf(order.quantity()))
                .multiply(BigInteger.valueOf(multiplier)), valueScale).stripTrailingZeros().toPlainString();
        String text = "order value " + instrument.quoteCurrency() + " " + value + " ("
                + instrument.formatQuantity(order.quantity()) + " " + instrument.id() + " at "
                + instrument.formatPrice(price) + (order.type() == OrderType.MARKET ? ", the " + PriceCollar.REFERENCE
                : "") + ") over " + (soft ? "the soft limit of " : "the limit of ") + instrument.quoteCurrency()
                + " " + limit.text() + " for " + deciding.scope();
        return soft ? softBreach(text, deciding) : Rejections.reject(ID, text);
    }

    /** The price the order is valued at, or {@link #NOT_VALUED}. */
    private static long valuationPrice(OrderRequest order, PreTradeContext context) {
        if (order.hasLimitPrice()) {
            return order.limitPrice();
        }
        if (order.hasStopPrice()) {
            return order.stopPrice();
        }
        OptionalLong reference = context.referencePrice();
        return reference.isPresent() ? reference.getAsLong() : NOT_VALUED;
    }
}
