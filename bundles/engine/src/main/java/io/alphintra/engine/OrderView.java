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
 * @param limitPrice price units, or {@code OrderRequest.NO_PRICE}
 * @param source     who sent it, e.g. {@code strategy:momentum-1}, {@code shell:admin}
 */
public record OrderView(String orderId, ClientOrderId clientOrderId, InstrumentId instrumentId, Side side,
                        long quantity, long limitPrice, OrderStatus status, long cumQuantity, String strategyId,
                        String traderId, String accountId, String source, List<GateDecision> decisions) {
    public OrderView {
        decisions = List.copyOf(decisions);
    }
}
