package io.alphintra.sdk.order;

import java.math.RoundingMode;
import java.util.OptionalLong;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.money.Decimals;

/**
 * A working order as one side knows it: the host's view for {@code StrategyContext.openOrders()}, or the
 * venue's view from {@code ExchangeAdapter.openOrders()} that the host reconciles against its own after a
 * reconnect. The venue may report orders the host never sent (entered elsewhere), hence the nullable ids.
 *
 * @param orderId host-assigned id, or null when the venue reports an order the host does not know
 * @param clientOrderId current client order id, or null if the venue has none
 * @param venueOrderId the venue's id, or null before acknowledgement; at least one of the two ids is present
 * @param instrumentId the instrument
 * @param side the side
 * @param type the order type
 * @param timeInForce the time in force
 * @param quantity current total quantity, quantity units
 * @param limitPrice price units, or {@link OrderRequest#NO_PRICE}
 * @param stopPrice price units, or {@link OrderRequest#NO_PRICE}
 * @param status a non-terminal status
 * @param cumQuantity filled so far
 * @param leavesQuantity still working
 * @param cumPriceQuantity exact Σ price × quantity of the fills, see {@link ExecutionReport}
 */
public record OpenOrder(String orderId, ClientOrderId clientOrderId, String venueOrderId, InstrumentId instrumentId,
        Side side, OrderType type, TimeInForce timeInForce, long quantity, long limitPrice, long stopPrice,
        OrderStatus status, long cumQuantity, long leavesQuantity, long cumPriceQuantity) {

    public OpenOrder {
        if (orderId != null) {
            Checks.id("orderId", orderId);
        }
        if (venueOrderId != null) {
            Checks.id("venueOrderId", venueOrderId);
        }
        if (clientOrderId == null && venueOrderId == null) {
            throw new IllegalArgumentException("clientOrderId, venueOrderId: at least one is required (both null)");
        }
        Checks.required("instrumentId", instrumentId);
        Checks.required("side", side);
        Checks.required("type", type);
        Checks.required("timeInForce", timeInForce);
        Checks.positive("quantity", quantity);
        Checks.required("status", status);
        if (status.isTerminal()) {
            throw new IllegalArgumentException("status = " + status + ": an open order cannot be terminal");
        }
        Checks.notNegative("cumQuantity", cumQuantity);
        Checks.notNegative("leavesQuantity", leavesQuantity);
        if (cumQuantity > quantity || leavesQuantity > quantity - cumQuantity) {
            throw new IllegalArgumentException("cumQuantity = " + cumQuantity + ", leavesQuantity = " + leavesQuantity
                    + ": together exceed quantity = " + quantity);
        }
    }

    /** Average fill price in price units, rounded with {@code mode}; empty before the first fill. */
    public OptionalLong averagePrice(RoundingMode mode) {
        return cumQuantity == 0 ? OptionalLong.empty()
                : OptionalLong.of(Decimals.divide(cumPriceQuantity, cumQuantity, mode));
    }
}
