package io.alphintra.sdk.order;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.internal.Checks;

/**
 * A request to change the quantity and/or prices of a working order (FIX OrderCancelReplaceRequest), as the host
 * sends it to an exchange adapter. Each new value is either {@link #UNCHANGED} or validated against the
 * instrument's grid like a new order; at least one must change.
 *
 * <p>{@code newQuantity} is the new <em>total</em> order quantity, including what has already filled (FIX
 * OrderQty semantics), not the remaining quantity.
 *
 * @param clientOrderId new id the order carries after the replace
 * @param originalClientOrderId the order's current client order id
 * @param instrument the order's instrument
 * @param side the order's side
 * @param newQuantity new total quantity in quantity units, or {@link #UNCHANGED}
 * @param newLimitPrice new limit price in price units, or {@link #UNCHANGED}
 * @param newStopPrice new stop price in price units, or {@link #UNCHANGED}
 * @param venueOrderId the venue's id for the order, or {@code null} if not yet acknowledged
 * @param attribution the order's attribution
 */
public record ReplaceRequest(ClientOrderId clientOrderId, ClientOrderId originalClientOrderId,
        Instrument instrument, Side side, long newQuantity, long newLimitPrice, long newStopPrice,
        String venueOrderId, Attribution attribution) {

    /** Marks a field that the replace leaves as it is. */
    public static final long UNCHANGED = Long.MIN_VALUE;

    public ReplaceRequest {
        Checks.required("clientOrderId", clientOrderId);
        Checks.required("originalClientOrderId", originalClientOrderId);
        if (clientOrderId.equals(originalClientOrderId)) {
            throw new IllegalArgumentException("clientOrderId = " + Checks.quote(clientOrderId.value())
                    + ": a replace needs a new id, different from originalClientOrderId");
        }
        Checks.required("instrument", instrument);
        Checks.required("side", side);
        if (newQuantity == UNCHANGED && newLimitPrice == UNCHANGED && newStopPrice == UNCHANGED) {
            throw new IllegalArgumentException("newQuantity, newLimitPrice, newStopPrice: all UNCHANGED; a replace"
                    + " must change at least one");
        }
        if (newQuantity != UNCHANGED) {
            instrument.requireValidQuantity("newQuantity", newQuantity);
        }
        if (newLimitPrice != UNCHANGED) {
            instrument.requireValidPrice("newLimitPrice", newLimitPrice);
        }
        if (newStopPrice != UNCHANGED) {
            instrument.requireValidPrice("newStopPrice", newStopPrice);
        }
        if (venueOrderId != null) {
            Checks.id("venueOrderId", venueOrderId);
        }
        Checks.required("attribution", attribution);
    }

    public boolean changesQuantity() {
        return newQuantity != UNCHANGED;
    }

    public boolean changesLimitPrice() {
        return newLimitPrice != UNCHANGED;
    }

    public boolean changesStopPrice() {
        return newStopPrice != UNCHANGED;
    }
}
