package io.alphintra.engine.internal.core;

import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * A report waiting for the commit of its batch. It holds what the report will say, taken from the order when the
 * report was due, rather than the report itself, so that no report object is built when nobody would receive it
 * (no listener, no caller waiting). Pooled by {@link Queue}: reused batch after batch, engine thread only.
 */
final class PendingReport {
    /** The order the report is about: its source and strategy receive it, unless {@link #source} says otherwise. */
    OrderState order;
    /**
     * For a request refused because its client order id belongs to another order: the request's own sender and
     * strategy, who must hear of the refusal, while the order that owns the id must not (it is still working).
     */
    String source;
    String strategyId;
    /** Whoever waits for exactly this report, or null. */
    CompletableFuture<ExecutionReport> reply;
    /** A venue's report, delivered with the engine's order id and receive time added. */
    ExecutionReport received;
    /** A report built already (rare paths), delivered as it is. */
    ExecutionReport ready;
    /**
     * Only {@link #reply} hears of it, with {@link #ready}: a venue's report booked before (or ignored), whose
     * adapter waits to learn that the batch that saw it again is committed.
     */
    boolean acknowledgementOnly;
    // Otherwise a report of the engine's own, from these values:
    ExecType execType;
    OrderStatus status;
    RejectReason reason;
    String text;
    ClientOrderId clientOrderId;
    ClientOrderId originalClientOrderId;
    String venueOrderId;
    long orderQuantity;
    long cumQuantity;
    long cumPriceQuantity;
    long execNumber;
    long timeNanos;

    ExecutionReport build() {
        if (ready != null) {
            return ready;
        }
        if (received != null) {
            ExecutionReport r = received;
            return new ExecutionReport(order.orderIdText(), r.clientOrderId(), r.originalClientOrderId(),
                    r.venueOrderId(), r.execId(), r.instrumentId(), r.side(), r.execType(), r.status(),
                    r.orderQuantity(), r.lastQuantity(), r.lastPrice(), r.cumQuantity(), r.leavesQuantity(),
                    r.cumPriceQuantity(), r.liquidity(), r.fee(), r.rejectReason(), r.text(), r.transactTimeNanos(),
                    timeNanos);
        }
        return new ExecutionReport(order.orderIdText(), clientOrderId, originalClientOrderId, venueOrderId,
                "E-" + order.orderId + "-" + execNumber, order.instrumentId, order.side, execType, status,
                orderQuantity, 0, 0, cumQuantity, status.isTerminal() ? 0 : orderQuantity - cumQuantity,
                cumPriceQuantity, Liquidity.UNKNOWN, null, reason, text, timeNanos, timeNanos);
    }

    /** Takes what a report of the engine's own says from the order as it is now. */
    PendingReport about(OrderState order, ExecType execType, OrderStatus status, RejectReason reason, String text,
                        long execNumber, long timeNanos) {
        this.order = order;
        this.execType = execType;
        this.status = status;
        this.reason = reason;
        this.text = text;
        this.clientOrderId = order.clientOrderId;
        this.venueOrderId = order.venueOrderId;
        this.orderQuantity = order.quantity;
        this.cumQuantity = order.cumQuantity;
        this.cumPriceQuantity = order.cumPriceQuantity;
        this.execNumber = execNumber;
        this.timeNanos = timeNanos;
        return this;
    }

    private void clear() {
        order = null;
        source = null;
        strategyId = null;
        reply = null;
        received = null;
        ready = null;
        acknowledgementOnly = false;
        execType = null;
        status = null;
        reason = null;
        text = null;
        clientOrderId = null;
        originalClientOrderId = null;
        venueOrderId = null;
    }

    /** Reports in the order they became due; cleared slots are reused. */
    static final class Queue {
        private PendingReport[] slots = new PendingReport[0];
        private int count;

        PendingReport add() {
            if (count == slots.length) {
                slots = Arrays.copyOf(slots, Math.max(64, count * 2));
                for (int i = count; i < slots.length; i++) {
                    slots[i] = new PendingReport();
                }
            }
            return slots[count++];
        }

        int size() {
            return count;
        }

        PendingReport get(int index) {
            return slots[index];
        }

        void clear() {
            for (int i = 0; i < count; i++) {
                slots[i].clear();
            }
            count = 0;
        }
    }
}
