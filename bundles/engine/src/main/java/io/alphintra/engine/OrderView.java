package io.alphintra.engine;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.Side;
import java.util.List;

/**
 * One order as operators and auditors see it: what it is, who it is attributed to, where it came from and every
 * decision the pre-trade gate made about it.
 *
 * @param quantity    quantity units (the instrument's {@code formatQuantity} shows them as a decimal)
 * @param limitPrice  price units, or {@code OrderRequest.NO_PRICE}
 * @param cumQuantity quantity units filled so far
 * @param source      who sent it, e.g. {@code strategy:momentum-1}, {@code shell:admin}
 * @param reason      why the order is where it is, when something refused or ended it other than by a fill: the
 *                    venue's reject code and text (a rejection, a cancel or expiry it reported with a reason, a
 *                    refused cancel or replace, the latest of them), or the gate's rejecting decision; null when
 *                    nothing was refused (since 1.2)
 */
public record OrderView(String orderId, ClientOrderId clientOrderId, InstrumentId instrumentId, Side side,
                        long quantity, long limitPrice, OrderStatus status, long cumQuantity, String strategyId,
                        String traderId, String accountId, String source, List<GateDecision> decisions,
                        String reason) {
    public OrderView {
        decisions = List.copyOf(decisions);
    }

    /**
     * Whether the order is held for an authorised override of a soft limit: accepted by the gate, kept from its venue
     * until released ({@code alphintra:order-release}) or cancelled; counted as working meanwhile.
     *
     * @since 1.5
     */
    public boolean held() {
        return !status.isTerminal() && GateDecision.holding(decisions);
    }

    /** An order view without a reason, the constructor of version 1.1, kept for callers built against it. */
    public OrderView(String orderId, ClientOrderId clientOrderId, InstrumentId instrumentId, Side side,
                     long quantity, long limitPrice, OrderStatus status, long cumQuantity, String strategyId,
                     String traderId, String accountId, String source, List<GateDecision> decisions) {
        this(orderId, clientOrderId, instrumentId, side, quantity, limitPrice, status, cumQuantity, strategyId,
                traderId, accountId, source, decisions, null);
    }
}
