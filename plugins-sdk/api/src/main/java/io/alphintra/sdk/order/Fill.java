package io.alphintra.sdk.order;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.money.Money;

/**
 * One execution as booked to a position: what traded, at what price, at what cost. Built by the host from a
 * {@code TRADE} {@link ExecutionReport} plus the fee (the venue's, or from the fee schedule when the venue does
 * not report one), so {@code fee} is always present.
 *
 * @param execId the execution id, unique per venue
 * @param orderId id the host assigned to the order
 * @param clientOrderId the order's client order id at the time of the fill
 * @param instrumentId what traded
 * @param side the order's side
 * @param quantity positive, quantity units
 * @param price price units
 * @param fee fees and commissions for this fill; negative for a rebate
 * @param liquidity maker or taker
 * @param timeNanos venue time of the fill, epoch nanoseconds
 */
public record Fill(String execId, String orderId, ClientOrderId clientOrderId, InstrumentId instrumentId, Side side,
        long quantity, long price, Money fee, Liquidity liquidity, long timeNanos) {

    public Fill {
        Checks.id("execId", execId);
        Checks.id("orderId", orderId);
        Checks.required("clientOrderId", clientOrderId);
        Checks.required("instrumentId", instrumentId);
        Checks.required("side", side);
        Checks.positive("quantity", quantity);
        Checks.required("fee", fee);
        Checks.required("liquidity", liquidity);
    }

    /** Quantity with the sign of its effect on the position: positive for a buy. */
    public long signedQuantity() {
        return side.sign() * quantity;
    }
}
