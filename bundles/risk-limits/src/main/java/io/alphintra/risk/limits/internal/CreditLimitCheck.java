package io.alphintra.risk.limits.internal;

import static io.alphintra.risk.limits.internal.ExactValue.saturatingAdd;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.alphintra.sdk.instrument.FutureContract;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.CreditScope;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.risk.PreTradeContext;

/**
 * PT1 credit limits of the order's account, trader and strategy, per quote currency: the order passes when
 * {@link PreTradeContext#creditUsed} (its working orders plus what it executed since 00:00 UTC) plus the order's own
 * value stays within the limit. Each of the three limits is decided on its own by the most specific scope that sets it
 * in the order's currency. The order is valued as {@code order-size} values it (|price| × quantity × multiplier: the
 * limit price, a stop's stop price, a market order's last trade) at {@link PreTradeContext#CREDIT_SCALE}, rounded up;
 * a replace at its new quantity less what has filled (that counts as executed already) and its new prices, the
 * context leaving the replaced order out. Runs before {@code order-size}, so an order over both limits is refused for
 * its credit first. Allocates nothing when it accepts.
 */
@Component(service = PreTradeCheck.class)
public final class CreditLimitCheck extends LimitCheck {
    static final String ID = "credit-limit";

    private static final LimitKind[] KINDS = {LimitKind.ACCOUNT_CREDIT, LimitKind.TRADER_CREDIT,
        LimitKind.STRATEGY_CREDIT};
    private static final CreditScope[] SCOPES = {CreditScope.ACCOUNT, CreditScope.TRADER, CreditScope.STRATEGY};
    private static final long NOT_VALUED = -1;

    @Activate
    public CreditLimitCheck(@Reference LimitBook book) {
        super(ID, "1.0.0", 190, Control.CREDIT, book);
    }

    /** The first broken scope among the three limits' deciding ones, else the first set, else null. */
    @Override
    ScopeLimits deciding(Lookup lookup, OrderRequest order) {
        Currency currency = order.instrument().quoteCurrency();
        ScopeLimits first = null;
        for (LimitKind kind : KINDS) {
            ScopeLimits deciding = lookup.deciding(kind, currency);
            if (deciding != null && deciding.isBroken()) {
                return deciding;
            }
            first = first == null ? deciding : first;
        }
        return first;
    }

    @Override
    CheckResult decide(OrderRequest order, PreTradeContext context, ScopeLimits anyDeciding, LimitTable table) {
        Currency currency = order.instrument().quoteCurrency();
        long value = NOT_VALUED;
        for (int i = 0; i < KINDS.length; i++) {
            ScopeLimits deciding = lookup().deciding(KINDS[i], currency);
            DecimalLimit limit = deciding == null ? null : deciding.value(KINDS[i], currency);
            if (limit == null || limit.isNone()) {
                continue;
            }
            if (value == NOT_VALUED) {
                value = value(order, context);
                if (value == NOT_VALUED) {
                    return Rejections.reject(ID, "the MARKET order cannot be valued: no " + PriceCollar.REFERENCE
                            + " of " + order.instrument().id() + " is known, and the " + KINDS[i].key() + " for "
                            + deciding.scope() + " needs one");
                }
            }
            long used = context.creditUsed(SCOPES[i], currency);
            long limitUnits = limit.units(PreTradeContext.CREDIT_SCALE);
            if (saturatingAdd(used, value) > limitUnits) {
                return Rejections.reject(ID, SCOPES[i].name().toLowerCase(java.util.Locale.ROOT) + " "
                        + idOf(SCOPES[i], order) + " would use " + currency + " " + amount(saturatingAdd(used, value))
                        + " of credit (used " + amount(used) + " + this order " + amount(value)
                        + "), over its limit of " + currency + " " + amount(limitUnits) + " for " + deciding.scope());
            }
        }
        return CheckResult.accept();
    }

    /**
     * The order's value at the credit scale, rounded up, or {@link #NOT_VALUED} for a market order with no last
     * trade. A replace counts what it would leave working: its new quantity less what has filled.
     */
    private static long value(OrderRequest order, PreTradeContext context) {
        long price;
        if (order.hasLimitPrice()) {
            price = order.limitPrice();
        } else if (order.hasStopPrice()) {
            price = order.stopPrice();
        } else {
            OptionalLong reference = context.referencePrice();
            if (reference.isEmpty()) {
                return NOT_VALUED;
            }
            price = reference.getAsLong();
        }
        Optional<OpenOrder> replaced = context.replacing();
        long quantity = order.quantity() - (replaced.isPresent() ? replaced.get().cumQuantity() : 0);
        Instrument instrument = order.instrument();
        long multiplier = 1;
        int valueScale = instrument.priceScale() + instrument.quantityScale();
        if (instrument instanceof FutureContract future) {
            multiplier = future.multiplier().mantissa();
            valueScale += future.multiplier().scale();
        }
        return ExactValue.creditValue(price, quantity, multiplier, valueScale, PreTradeContext.CREDIT_SCALE);
    }

    private static String idOf(CreditScope scope, OrderRequest order) {
        return switch (scope) {
            case ACCOUNT -> order.attribution().accountId();
            case TRADER -> order.attribution().traderId();
            case STRATEGY -> order.attribution().strategyId();
        };
    }

    /** Units of the credit scale as an amount with thousands separators: {@code 1,000,250.5}. */
    static String amount(long units) {
        if (units == Long.MAX_VALUE) {
            return "more than " + amount(Long.MAX_VALUE - 1);
        }
        BigDecimal value = BigDecimal.valueOf(units, PreTradeContext.CREDIT_SCALE).stripTrailingZeros();
        return String.format(java.util.Locale.ROOT, "%,." + Math.max(0, value.scale()) + "f", value);
    }
}
