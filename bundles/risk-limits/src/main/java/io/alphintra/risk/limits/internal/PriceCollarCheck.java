package io.alphintra.risk.limits.internal;

import static io.alphintra.risk.limits.internal.ExactValue.saturatingAdd;

import java.util.OptionalLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.risk.PreTradeContext;

/**
 * PT2 price collar: a limit price must lie within {@code ± basisPoints} of the reference price. The band's edges are
 * computed exactly in integers and rounded inward onto the instrument's tick grid (tick tables with bands included),
 * so a price exactly at an edge passes and one tick beyond it is rejected. The reference is
 * {@link PreTradeContext#referencePrice()}, the last trade in this engine, or with {@code priceCollarReference = mid}
 * {@link PreTradeContext#midPrice()} (its age: {@link PreTradeContext#midPriceAgeNanos()}); none (for the mid: an
 * empty side or a crossed book), or one older than the scope's {@code maxReferenceAgeMillis}, rejects.
 *
 * <ul>
 * <li>{@code LIMIT}: the limit price against the reference.
 * <li>{@code MARKET}: its price is the market's, so the collar is placed on the reference itself and the order
 *     passes, but only with a fresh reference: with none, or a stale one, nothing says where it would fill.
 * <li>{@code STOP_LIMIT}: the limit price against the stop price, the price the order becomes live at (a limit far
 *     from its stop is the fat finger); needs no market reference.
 * <li>{@code STOP}: passes. A stop price is meant to sit away from the market (a stop-loss 20 % below it is not an
 *     error), and at the trigger the order is a market order on the venue, whose own bands apply.
 * </ul>
 *
 * <p>Allocates nothing when it accepts.
 */
@Component(service = PreTradeCheck.class)
public final class PriceCollarCheck extends LimitCheck {
    static final String ID = "price-collar";

    private static final long BASIS_POINTS_PER_ONE = 10_000;

    @Activate
    public PriceCollarCheck(@Reference LimitBook book) {
        super(ID, "1.0.0", 210, Control.PRICE_COLLAR, book);
    }

    @Override
    ScopeLimits deciding(Lookup lookup, OrderRequest order) {
        // A stop order is not collared (see above): no scope decides it.
        return order.type() == OrderType.STOP ? null : lookup.deciding(LimitKind.PRICE_COLLAR);
    }

    @Override
    CheckResult decide(OrderRequest order, PreTradeContext context, ScopeLimits deciding, LimitTable table) {
        PriceCollar collar = deciding.collar();
        if (collar.isNone()) {
            return CheckResult.accept();
        }
        if (order.type() == OrderType.STOP_LIMIT) {
            return band(order, order.stopPrice(), "the stop price", collar, deciding);
        }
        OptionalLong reference = collar.mid() ? context.midPrice() : context.referencePrice();
        if (reference.isEmpty()) {
            return Rejections.reject(ID, "no " + collar.reference() + " of " + order.instrument().id()
                    + " is known" + (collar.mid() ? " (no best bid and ask, or a crossed book)" : "")
                    + ", so the collar of ±" + percent(collar) + " for " + deciding.scope() + " cannot be placed");
        }
        long age = collar.mid() ? context.midPriceAgeNanos() : context.referencePriceAgeNanos();
        if (age > collar.maxReferenceAgeNanos()) {
            return Rejections.reject(ID, "the " + collar.reference() + " of " + order.instrument().id() + " is "
                    + seconds(age) + " old, older than the " + seconds(collar.maxReferenceAgeNanos())
                    + " the collar for " + deciding.scope() + " trusts");
        }
        if (order.type() == OrderType.MARKET) {
            return CheckResult.accept();
        }
        // Constants, not "the " + collar.reference(): the name is needed only to reject, and must cost nothing to accept.
        return band(order, reference.getAsLong(), collar.mid() ? "the " + PriceCollar.MID
                : "the " + PriceCollar.REFERENCE, collar, deciding);
    }

    private static CheckResult band(OrderRequest order, long reference, String referenceName, PriceCollar collar,
            ScopeLimits deciding) {
        TickTable ticks = order.instrument().tickTable();
        long delta = delta(reference, collar.basisPoints());
        long lower = lowerEdge(ticks, reference, delta);
        long upper = upperEdge(ticks, reference, delta);
        long price = order.limitPrice();
        if (price >= lower && price <= upper) {
            return CheckResult.accept();
        }
        Instrument instrument = order.instrument();
        String band = upper < lower ? "the band around " + referenceName + " " + instrument.formatPrice(reference)
                + " ± " + percent(collar) + " holds no valid price"
                : "band " + instrument.formatPrice(lower) + " to " + instrument.formatPrice(upper) + ": "
                        + referenceName + " " + instrument.formatPrice(reference) + " ± " + percent(collar);
        String where = price > upper ? "above the collar (" : "below the collar (";
        return Rejections.reject(ID, "limit price " + instrument.describePrice(price) + " of " + instrument.id() + " "
                + where + band + ") for " + deciding.scope());
    }

    /** {@code floor(|reference| × basisPoints / 10000)}, exactly; saturates rather than overflows. */
    static long delta(long reference, long basisPoints) {
        long magnitude = reference == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(reference);
        long whole = magnitude / BASIS_POINTS_PER_ONE;
        long rest = magnitude % BASIS_POINTS_PER_ONE;
        long wholePart = whole * basisPoints;
        if (Math.multiplyHigh(whole, basisPoints) != 0 || wholePart < 0) {
            return Long.MAX_VALUE;
        }
        // rest < 10^4 and basisPoints <= 10^5: the product fits, and adding the floors is exact because
        // whole × basisPoints is an integer.
        return saturatingAdd(wholePart, rest * basisPoints / BASIS_POINTS_PER_ONE);
    }

    /**
     * The lowest valid price in the band: the band's true lower edge {@code reference - |reference| × bp / 10000} is
     * at or below {@code reference - delta} ({@link #delta} floors), and the smallest grid price at or above a real
     * number is the smallest at or above its ceiling.
     */
    static long lowerEdge(TickTable ticks, long reference, long delta) {
        return ticks.ceil(saturatingAdd(reference, -delta));
    }

    /** The highest valid price in the band, or {@link Long#MIN_VALUE} when there is none (below the tick table). */
    static long upperEdge(TickTable ticks, long reference, long delta) {
        long edge = saturatingAdd(reference, delta);
        return ticks.covers(edge) ? ticks.floor(edge) : Long.MIN_VALUE;
    }

    private static String percent(PriceCollar collar) {
        return Decimals.formatCompact(collar.basisPoints(), 2) + "%";
    }

    private static String seconds(long nanos) {
        return Decimals.formatCompact(nanos / 1_000_000, 3) + " s";
    }
}
