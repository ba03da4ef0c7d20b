package io.alphintra.sdk.venue;

import java.util.Set;

import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.TimeInForce;

/**
 * What an exchange adapter supports. The host's gate rejects orders the venue cannot take with
 * {@code UNSUPPORTED_ORDER} before they reach the adapter, and refuses subscriptions it cannot serve.
 *
 * @param orderTypes supported order types; not empty
 * @param timesInForce supported times in force; not empty
 * @param replaceSupported whether orders can be amended in place; otherwise the host rejects replaces
 * @param maxBookDepth most price levels per side the venue publishes; 0 if no depth (top of book only)
 * @param marketDataTypes market data the adapter delivers; never {@link MarketDataType#BARS}, which the host
 *     builds from trades
 */
public record VenueCapabilities(Set<OrderType> orderTypes, Set<TimeInForce> timesInForce, boolean replaceSupported,
        int maxBookDepth, Set<MarketDataType> marketDataTypes) {

    public VenueCapabilities {
        orderTypes = Set.copyOf(Checks.listOf("orderTypes", Checks.required("orderTypes", orderTypes)));
        timesInForce = Set.copyOf(Checks.listOf("timesInForce", Checks.required("timesInForce", timesInForce)));
        marketDataTypes = Set.copyOf(Checks.listOf("marketDataTypes",
                Checks.required("marketDataTypes", marketDataTypes)));
        if (orderTypes.isEmpty()) {
            throw new IllegalArgumentException("orderTypes = []: an adapter supports at least one order type");
        }
        if (timesInForce.isEmpty()) {
            throw new IllegalArgumentException("timesInForce = []: an adapter supports at least one time in force");
        }
        Checks.notNegative("maxBookDepth", maxBookDepth);
        if (marketDataTypes.contains(MarketDataType.BARS)) {
            throw new IllegalArgumentException("marketDataTypes contains BARS: the host builds bars from trades");
        }
        if (marketDataTypes.contains(MarketDataType.BOOK_DELTAS) && maxBookDepth == 0) {
            throw new IllegalArgumentException("maxBookDepth = 0: BOOK_DELTAS needs at least one level");
        }
    }

    /** Whether an order of {@code type} with {@code timeInForce} can be sent. */
    public boolean supports(OrderType type, TimeInForce timeInForce) {
        return orderTypes.contains(type) && timesInForce.contains(timeInForce);
    }
}
