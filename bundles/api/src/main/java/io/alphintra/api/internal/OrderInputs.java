package io.alphintra.api.internal;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * An order's JSON, turned into what the engine takes, as {@code alphintra:order-submit} does it: decimals parsed
 * exactly onto the instrument's grid by the instrument itself (never through a double), the caller its trader, and
 * a market order only when asked for by type. The contract has already checked the shape (types, enums, patterns);
 * what is left here needs the instrument.
 */
final class OrderInputs {
    /** The strategy id of orders no strategy sent, the same as the shell's (the engine's operator strategy). */
    static final String MANUAL = "manual";
    /** Desk and client of API orders; the shell's order-submit uses the same defaults. */
    static final String DESK = "operations";
    static final String CLIENT = "house";

    private OrderInputs() {
    }

    /** The instrument an id names, or 400 naming {@code field} when it is malformed or no connected venue lists it. */
    static Instrument instrument(Function<InstrumentId, Optional<Instrument>> lookup, String field, String text) {
        InstrumentId id = instrumentId(field, text);
        return lookup.apply(id).orElseThrow(() -> ApiError.validation(field, field + " = '" + text
                + "': no connected venue lists it (GET /api/v1/instruments lists those that do)"));
    }

    static InstrumentId instrumentId(String field, String text) {
        try {
            return InstrumentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.validation(field, field + ": " + e.getMessage());
        }
    }

    static ClientOrderId clientOrderId(String field, String text) {
        try {
            return ClientOrderId.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.validation(field, field + ": " + e.getMessage());
        }
    }

    /** A new order from the body of {@code POST /orders}, attributed to {@code trader}. */
    static OrderRequest order(JsonObject body, Function<InstrumentId, Optional<Instrument>> lookup, String trader) {
        Instrument instrument = instrument(lookup, "/instrument", body.getString("instrument"));
        Side side = Side.valueOf(body.getString("side"));
        OrderType type = OrderType.valueOf(body.getString("type"));
        TimeInForce timeInForce = TimeInForce.valueOf(body.getString("timeInForce", TimeInForce.DAY.name()));
        long quantity = quantity(instrument, "/quantity", body.getString("quantity"));
        String limitText = body.getString("limitPrice");
        String stopText = body.getString("stopPrice");
        boolean needsLimit = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT;
        boolean needsStop = type == OrderType.STOP || type == OrderType.STOP_LIMIT;
        if (needsLimit && limitText == null) {
            throw ApiError.validation("/limitPrice", "/limitPrice: required for a " + type + " order");
        }
        if (!needsLimit && limitText != null) {
            throw ApiError.validation("/limitPrice", "/limitPrice: a " + type + " order has no limit price");
        }
        if (needsStop && stopText == null) {
            throw ApiError.validation("/stopPrice", "/stopPrice: required for a " + type + " order");
        }
        if (!needsStop && stopText != null) {
            throw ApiError.validation("/stopPrice", "/stopPrice: a " + type + " order has no stop price");
        }
        long limit = needsLimit ? price(instrument, "/limitPrice", limitText) : OrderRequest.NO_PRICE;
        long stop = needsStop ? price(instrument, "/stopPrice", stopText) : OrderRequest.NO_PRICE;
        String idText = body.getString("clientOrderId");
        ClientOrderId id = idText != null ? clientOrderId("/clientOrderId", idText)
                : ClientOrderId.of("api-" + UUID.randomUUID().toString().substring(0, 13));
        try {
            return new OrderRequest(id, instrument, side, type, timeInForce, quantity, limit, stop,
                    new Attribution(body.getString("strategy", MANUAL), trader, body.getString("account"), DESK,
                            CLIENT));
        } catch (IllegalArgumentException e) {
            // The SDK's boundary checks (attribution ids, short sides, GTC market orders) name field and value.
            throw ApiError.validation(null, e.getMessage());
        }
    }

    /**
     * The new quantity, limit and stop price of {@code PATCH /orders/{id}}, in units; {@link ReplaceRequest#UNCHANGED}
     * for each one left out.
     */
    static long[] replacement(JsonObject body, Instrument instrument) {
        String quantity = body.getString("quantity");
        String limit = body.getString("limitPrice");
        String stop = body.getString("stopPrice");
        return new long[] {
            quantity == null ? ReplaceRequest.UNCHANGED : quantity(instrument, "/quantity", quantity),
            limit == null ? ReplaceRequest.UNCHANGED : price(instrument, "/limitPrice", limit),
            stop == null ? ReplaceRequest.UNCHANGED : price(instrument, "/stopPrice", stop)
        };
    }

    /** A decimal quantity, exactly, on the instrument's lot grid; 400 naming the field otherwise. */
    static long quantity(Instrument instrument, String field, String text) {
        try {
            return instrument.requireValidQuantity(field, instrument.parseQuantity(field, text));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ApiError.validation(field, e.getMessage());
        }
    }

    /** A decimal price, exactly, on the instrument's tick grid; 400 naming the field otherwise. */
    static long price(Instrument instrument, String field, String text) {
        try {
            return instrument.requireValidPrice(field, instrument.parsePrice(field, text));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ApiError.validation(field, e.getMessage());
        }
    }
}
