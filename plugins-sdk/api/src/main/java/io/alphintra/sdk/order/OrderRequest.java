package io.alphintra.sdk.order;

import io.alphintra.sdk.instrument.AssetClass;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.internal.Checks;

/**
 * A new order, validated against its instrument when it is built, so a strategy bug surfaces as an
 * {@link IllegalArgumentException} at the line that made the order, naming the field and the value:
 * {@code limitPrice = 101.255 (1012550 units): not on the 0.01 tick grid of AAPL@XNAS}.
 *
 * <p>Checked here: a limit price exactly for {@code LIMIT} and {@code STOP_LIMIT}, a stop price exactly for
 * {@code STOP} and {@code STOP_LIMIT}, prices on the tick grid (and positive, except for futures), quantity
 * positive, on the lot grid and at least the minimum, no {@code GTC} market orders (they would rest at any price),
 * short-sale marking only on equities. Not checked here, because it needs live state: venue capabilities, risk
 * limits, compliance; those are the gate's, and arrive as a rejected {@link ExecutionReport}.
 *
 * <p>An absent price is {@link #NO_PRICE} rather than an {@code OptionalLong}, so requests stay allocation-light
 * and every component is a primitive or an immutable value.
 *
 * @param clientOrderId unique id of this order
 * @param instrument what to trade; its grid validates prices and quantity
 * @param side buy, sell, or marked short sale
 * @param type market, limit, stop, stop-limit
 * @param timeInForce how long it works
 * @param quantity quantity units, positive, on the lot grid
 * @param limitPrice price units, or {@link #NO_PRICE}
 * @param stopPrice price units, or {@link #NO_PRICE}
 * @param attribution strategy, trader, account, desk, client
 */
public record OrderRequest(ClientOrderId clientOrderId, Instrument instrument, Side side, OrderType type,
        TimeInForce timeInForce, long quantity, long limitPrice, long stopPrice, Attribution attribution) {

    /** Marks an absent limit or stop price. No valid price equals it. */
    public static final long NO_PRICE = Long.MIN_VALUE;

    public OrderRequest {
        Checks.required("clientOrderId", clientOrderId);
        Checks.required("instrument", instrument);
        Checks.required("side", side);
        Checks.required("type", type);
        Checks.required("timeInForce", timeInForce);
        Checks.required("attribution", attribution);
        if (side.isShort() && instrument.assetClass() != AssetClass.EQUITY) {
            throw new IllegalArgumentException("side = " + side + ": short-sale marking applies to equities only;"
                    + " use SELL for " + instrument.assetClass() + " " + instrument.id());
        }
        if (type == OrderType.MARKET && timeInForce == TimeInForce.GTC) {
            throw new IllegalArgumentException("timeInForce = GTC: not allowed for MARKET orders (use DAY, IOC or"
                    + " FOK)");
        }
        instrument.requireValidQuantity("quantity", quantity);
        requirePrice(instrument, type, "limitPrice", limitPrice, type.requiresLimitPrice());
        requirePrice(instrument, type, "stopPrice", stopPrice, type.requiresStopPrice());
    }

    /** A limit order. */
    public static OrderRequest limit(ClientOrderId clientOrderId, Instrument instrument, Side side, long quantity,
            long limitPrice, TimeInForce timeInForce, Attribution attribution) {
        return new OrderRequest(clientOrderId, instrument, side, OrderType.LIMIT, timeInForce, quantity, limitPrice,
                NO_PRICE, attribution);
    }

    /** A market order; {@code timeInForce} is DAY, IOC or FOK. */
    public static OrderRequest market(ClientOrderId clientOrderId, Instrument instrument, Side side, long quantity,
            TimeInForce timeInForce, Attribution attribution) {
        return new OrderRequest(clientOrderId, instrument, side, OrderType.MARKET, timeInForce, quantity, NO_PRICE,
                NO_PRICE, attribution);
    }

    /** A stop (stop-market) order. */
    public static OrderRequest stop(ClientOrderId clientOrderId, Instrument instrument, Side side, long quantity,
            long stopPrice, TimeInForce timeInForce, Attribution attribution) {
        return new OrderRequest(clientOrderId, instrument, side, OrderType.STOP, timeInForce, quantity, NO_PRICE,
                stopPrice, attribution);
    }

    /** A stop-limit order: the stop price triggers, then it works as a limit order at {@code limitPrice}. */
    public static OrderRequest stopLimit(ClientOrderId clientOrderId, Instrument instrument, Side side,
            long quantity, long stopPrice, long limitPrice, TimeInForce timeInForce, Attribution attribution) {
        return new OrderRequest(clientOrderId, instrument, side, OrderType.STOP_LIMIT, timeInForce, quantity,
                limitPrice, stopPrice, attribution);
    }

    public boolean hasLimitPrice() {
        return limitPrice != NO_PRICE;
    }

    public boolean hasStopPrice() {
        return stopPrice != NO_PRICE;
    }

    private static void requirePrice(Instrument instrument, OrderType type, String field, long price,
            boolean required) {
        if (required) {
            if (price == NO_PRICE) {
                throw new IllegalArgumentException(field + ": required for " + type + " orders (was NO_PRICE)");
            }
            instrument.requireValidPrice(field, price);
        } else if (price != NO_PRICE) {
            throw new IllegalArgumentException(field + " = " + instrument.describePrice(price) + ": not allowed for "
                    + type + " orders (use NO_PRICE)");
        }
    }
}
