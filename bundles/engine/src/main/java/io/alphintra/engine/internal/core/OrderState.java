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
import java.util.Arrays;
import java.util.List;

/**
 * The engine's record of one order. Mutable, owned by the engine thread; everything in it can be rebuilt from the
 * journal, which is why it holds ids rather than reference data.
 */
final class OrderState {
    private static final ClientOrderId[] NO_REQUESTS = {};
    private static final String[] NO_EXEC_IDS = {};

    final long orderId;
    final ClientOrderId originalClientOrderId;
    final InstrumentId instrumentId;
    final String venueId;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    final Attribution attribution;
    final String source;
    /** Every decision of the gate, in the order made; an override of a hold is appended when it is released. */
    List<GateDecision> decisions;
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
    /**
     * The client order ids of its cancels and replaces, oldest first, in the first {@link #requestCount} entries:
     * forgetting the order must take them out of the client order id index, and deriving them again from the count
     * would cost strings on the engine thread.
     */
    ClientOrderId[] requestIds = NO_REQUESTS;
    /**
     * What a venue said when it last refused or ended the order otherwise than by a fill (a rejection, a cancel or
     * expiry with a reason, a refused cancel or replace): its reject code and text; null when it gave none. Operators
     * see it in {@code alphintra:orders}. Rebuilt from the journal's execution records, which carry both.
     */
    String reason;
    /**
     * The venue's execution ids of every report booked for the order, oldest first ({@link #execId(int)}): a report
     * sent again (after a reconnect, or by a venue that repeats itself) is recognised and booked once. Rebuilt from the
     * journal's execution records and kept in snapshots, so this holds across restarts. The first two (an order's
     * acknowledgement and its fill, most orders' whole life) are fields, so booking them allocates nothing.
     */
    private String firstExecId;
    private String secondExecId;
    private String[] laterExecIds = NO_EXEC_IDS;
    int execIdCount;
    /**
     * Why the order needs an operator to reconcile it with its venue (a report the engine could not book, a venue
     * that cannot say what it filled while the engine was away); null when nothing is in doubt.
     */
    String reconciliation;
    private String orderIdText;
    /**
     * When an authorised user released the order from a hold in this run, else 0: it reached its venue then, not when
     * it was accepted, which a venue's reconciliation must know. Not kept across restarts, since every venue
     * reconnects after them.
     */
    long releasedAtNanos;
    /** Where {@link WorkingOrders} keeps it while it works; null otherwise. */
    WorkingOrders.Chain chain;
    OrderState previousWorking;
    OrderState nextWorking;
    /** Its neighbours in the engine's list of finished orders, in the order they finished; null at either end. */
    OrderState previousFinished;
    OrderState nextFinished;

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

    /** Counts a cancel or replace and keeps its client order id. */
    void addRequest(ClientOrderId requestId) {
        if (requestCount == requestIds.length) {
            requestIds = Arrays.copyOf(requestIds, Math.max(2, 2 * requestCount));
        }
        requestIds[requestCount++] = requestId;
    }

    /** Whether a report with this venue execution id was booked for the order already. */
    boolean booked(String execId) {
        // Few reports per order: a scan costs less than a set, and allocates nothing.
        for (int i = execIdCount - 1; i >= 0; i--) {
            if (execId(i).equals(execId)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code index}-th execution id booked, from 0. */
    String execId(int index) {
        return index == 0 ? firstExecId : index == 1 ? secondExecId : laterExecIds[index - 2];
    }

    void addExecId(String execId) {
        if (execIdCount == 0) {
            firstExecId = execId;
        } else if (execIdCount == 1) {
            secondExecId = execId;
        } else {
            int later = execIdCount - 2;
            if (later == laterExecIds.length) {
                laterExecIds = Arrays.copyOf(laterExecIds, Math.max(4, 2 * later));
            }
            laterExecIds[later] = execId;
        }
        execIdCount++;
    }

    long leavesQuantity() {
        return status.isTerminal() ? 0 : quantity - cumQuantity;
    }

    boolean isWorking() {
        return !status.isTerminal();
    }

    /** Held for an override: working, kept from its venue until released. Follows from its decisions. */
    boolean isHeld() {
        return isWorking() && GateDecision.holding(decisions);
    }

    /** When the order went (or goes, once released) to its venue as far as this run knows. */
    long sentAtNanos() {
        return Math.max(acceptedAtNanos, releasedAtNanos);
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
