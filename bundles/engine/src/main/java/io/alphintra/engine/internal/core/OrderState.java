package io.alphintra.engine.internal.core;

import io.alphintra.engine.GateDecision;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import java.util.List;

/**
 * The engine's record of one order. Mutable, owned by the engine thread; everything in it can be rebuilt from the
 * journal, which is why it holds ids rather than reference data.
 */
final class OrderState {
    final long orderId;
    final ClientOrderId originalClientOrderId;
    final InstrumentId instrumentId;
    final String venueId;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    final Attribution attribution;
    final String source;
    final List<GateDecision> decisions;
    final long acceptedAtNanos;

    ClientOrderId clientOrderId;
    long quantity;
    long limitPrice;
    long stopPrice;
    OrderStatus status = OrderStatus.PENDING_NEW;
    String venueOrderId;
    long cumQuantity;
    long cumPriceQuantity;
    /** The client order id of a cancel or replace sent and not yet answered; null when none is pending. */
    ClientOrderId pendingRequestId;
    OrderStatus statusBeforePending;
    long pendingQuantity;
    long pendingLimitPrice;
    long pendingStopPrice;
    int requestCount;
    private String orderIdText;
    /** Where {@link WorkingOrders} keeps it while it works; null otherwise. */
    WorkingOrders.Chain chain;
    OrderState previousWorking;
    OrderState nextWorking;

    OrderState(long orderId, ClientOrderId clientOrderId, InstrumentId instrumentId, String venueId, Side side,
               OrderType type, TimeInForce timeInForce, long quantity, long limitPrice, long stopPrice,
               Attribution attribution, String source, List<GateDecision> decisions, long acceptedAtNanos) {
        this.orderId = orderId;
        this.originalClientOrderId = clientOrderId;
        this.clientOrderId = clientOrderId;
        this.instrumentId = instrumentId;
        this.venueId = venueId;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
        this.stopPrice = stopPrice;
        this.attribution = attribution;
        this.source = source;
        this.decisions = List.copyOf(decisions);
        this.acceptedAtNanos = acceptedAtNanos;
    }

    long leavesQuantity() {
        return status.isTerminal() ? 0 : quantity - cumQuantity;
    }

    boolean isWorking() {
        return !status.isTerminal();
    }

    /** The id as reports carry it; made on first use, since an order nobody hears about never needs it. */
    String orderIdText() {
        String text = orderIdText;
        if (text == null) {
            orderIdText = text = Long.toString(orderId);
        }
        return text;
    }

    OpenOrder toOpenOrder() {
        return new OpenOrder(orderIdText(), clientOrderId, venueOrderId, instrumentId, side, type, timeInForce,
                quantity, limitPrice, stopPrice, status, cumQuantity, leavesQuantity(), cumPriceQuantity);
    }
}
