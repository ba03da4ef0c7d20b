package io.alphintra.sdk.order;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.internal.Checks;

/**
 * A request to cancel a working order, as the host sends it to an exchange adapter (FIX
 * OrderCancelRequest). Strategies do not build these; they call {@code StrategyContext.cancel}.
 *
 * @param clientOrderId new id of the cancel request itself
 * @param originalClientOrderId the current client order id of the order to cancel
 * @param instrumentId the order's instrument
 * @param side the order's side
 * @param venueOrderId the venue's id for the order, or {@code null} if the venue has not acknowledged it yet
 * @param attribution the order's attribution, for the audit trail
 */
public record CancelRequest(ClientOrderId clientOrderId, ClientOrderId originalClientOrderId,
        InstrumentId instrumentId, Side side, String venueOrderId, Attribution attribution) {

    public CancelRequest {
        Checks.required("clientOrderId", clientOrderId);
        Checks.required("originalClientOrderId", originalClientOrderId);
        if (clientOrderId.equals(originalClientOrderId)) {
            throw new IllegalArgumentException("clientOrderId = " + Checks.quote(clientOrderId.value())
                    + ": a cancel needs its own id, different from originalClientOrderId");
        }
        Checks.required("instrumentId", instrumentId);
        Checks.required("side", side);
        if (venueOrderId != null) {
            Checks.id("venueOrderId", venueOrderId);
        }
        Checks.required("attribution", attribution);
    }
}
