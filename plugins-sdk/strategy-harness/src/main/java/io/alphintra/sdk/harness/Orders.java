package io.alphintra.sdk.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;

/**
 * The host's side of the strategy's orders, as the engine's order manager keeps it: each order's id, terms, client
 * order ids and reports, and which requests the venue has yet to answer.
 */
final class Orders {

    /** One order of the strategy. */
    static final class Tracked {
        final String orderId;
        final OrderRequest request;
        final List<ClientOrderId> clientOrderIds = new ArrayList<>();
        final List<ExecutionReport> reports = new ArrayList<>();
        String venueOrderId;
        OrderStatus status = OrderStatus.PENDING_NEW;
        long quantity;
        long limitPrice;
        long stopPrice;
        long cumQuantity;
        long cumPriceQuantity;
        boolean cancelPending;

        Tracked(String orderId, OrderRequest request) {
            this.orderId = orderId;
            this.request = request;
            this.clientOrderIds.add(request.clientOrderId());
            this.quantity = request.quantity();
            this.limitPrice = request.limitPrice();
            this.stopPrice = request.stopPrice();
        }

        ClientOrderId clientOrderId() {
            return clientOrderIds.get(clientOrderIds.size() - 1);
        }

        boolean isWorking() {
            return !status.isTerminal();
        }

        OpenOrder toOpenOrder() {
            return new OpenOrder(orderId, clientOrderId(), venueOrderId, request.instrument().id(), request.side(),
                    request.type(), request.timeInForce(), quantity, limitPrice, stopPrice, status, cumQuantity,
                    quantity - cumQuantity, cumPriceQuantity);
        }

        OrderHistory toHistory() {
            return new OrderHistory(orderId, request, clientOrderIds, reports, status);
        }
    }

    private final List<Tracked> all = new ArrayList<>();
    /** Every client order id the host has seen, also those of cancels and replaces, to the order it is about. */
    private final Map<ClientOrderId, Tracked> byClientOrderId = new HashMap<>();
    private final Map<ClientOrderId, ReplaceRequest> replaces = new HashMap<>();
    /** Requests sent to the venue and not answered yet. */
    private final Set<ClientOrderId> unanswered = new HashSet<>();
    private long lastOrderId;
    private long lastExecId;

    /** Books a new order; null if its client order id was used before, which the gate refuses. */
    Tracked open(OrderRequest request) {
        Tracked order = new Tracked("O-" + ++lastOrderId, request);
        all.add(order);
        if (byClientOrderId.putIfAbsent(request.clientOrderId(), order) != null) {
            order.status = OrderStatus.REJECTED;
            return null;
        }
        unanswered.add(request.clientOrderId());
        return order;
    }

    /** The last order booked, also when {@link #open} refused it. */
    Tracked last() {
        return all.get(all.size() - 1);
    }

    /** The order that has carried {@code clientOrderId}, or null. */
    Tracked find(ClientOrderId clientOrderId) {
        Tracked order = byClientOrderId.get(clientOrderId);
        return order != null && order.clientOrderIds.contains(clientOrderId) ? order : null;
    }

    void cancelling(Tracked order, ClientOrderId requestId) {
        order.cancelPending = true;
        byClientOrderId.put(requestId, order);
        unanswered.add(requestId);
    }

    void replacing(Tracked order, ReplaceRequest request) {
        byClientOrderId.put(request.clientOrderId(), order);
        replaces.put(request.clientOrderId(), request);
        unanswered.add(request.clientOrderId());
    }

    boolean awaitingAnswers() {
        return !unanswered.isEmpty();
    }

    List<Tracked> working() {
        return all.stream().filter(Tracked::isWorking).toList();
    }

    List<OrderHistory> histories() {
        return all.stream().map(Tracked::toHistory).toList();
    }

    /**
     * Takes a report from the venue: the order it is about, with the host's order id filled in.
     *
     * @throws IllegalStateException for a report about an order the host never sent
     */
    ExecutionReport onVenueReport(ExecutionReport report) {
        Tracked order = byClientOrderId.get(report.clientOrderId());
        if (order == null) {
            throw new IllegalStateException("the venue reported on " + report.clientOrderId()
                    + ", which the harness never sent: " + report);
        }
        ExecutionReport stamped = report.toBuilder().orderId(order.orderId).build();
        apply(order, stamped);
        return stamped;
    }

    /** A refusal by the gate of the order just booked, as the engine reports one. */
    ExecutionReport rejectNew(Tracked order, RejectReason reason, String text, long nowNanos) {
        ExecutionReport report = gateReport(order, ExecType.REJECTED, order.request.clientOrderId(), reason, text,
                nowNanos).originalClientOrderId(null).status(OrderStatus.REJECTED).build();
        order.reports.add(report);
        return report;
    }

    /** A refusal by the gate of a cancel or replace ({@code type}) of an order that has already ended. */
    ExecutionReport rejectTooLate(ExecType type, ClientOrderId requestId, Tracked order, long nowNanos) {
        ExecutionReport report = gateReport(order, type, requestId, RejectReason.TOO_LATE_TO_CANCEL, "order "
                + order.clientOrderId() + " is already " + order.status.name().toLowerCase(Locale.ROOT), nowNanos)
                .build();
        order.reports.add(report);
        return report;
    }

    private ExecutionReport.Builder gateReport(Tracked order, ExecType type, ClientOrderId requestId,
            RejectReason reason, String text, long nowNanos) {
        return ExecutionReport.builder().orderId(order.orderId).clientOrderId(requestId)
                .originalClientOrderId(order.clientOrderId()).venueOrderId(order.venueOrderId)
                .execId("H-" + ++lastExecId).instrumentId(order.request.instrument().id())
                .side(order.request.side()).execType(type).status(order.status).orderQuantity(order.quantity)
                .cumQuantity(order.cumQuantity).leavesQuantity(order.isWorking() ? order.quantity - order.cumQuantity
                        : 0).cumPriceQuantity(order.cumPriceQuantity).rejectReason(reason).text(text)
                .transactTimeNanos(nowNanos).receiveTimeNanos(nowNanos);
    }

    private void apply(Tracked order, ExecutionReport report) {
        order.reports.add(report);
        unanswered.remove(report.clientOrderId());
        ExecType type = report.execType();
        if (type == ExecType.CANCEL_REJECTED) {
            // The order works on as it was; the report's status may be about the request, not the order.
            order.cancelPending = false;
            return;
        }
        if (type == ExecType.REPLACE_REJECTED) {
            replaces.remove(report.clientOrderId());
            return;
        }
        if (type == ExecType.REPLACED) {
            ReplaceRequest replace = replaces.remove(report.clientOrderId());
            order.clientOrderIds.add(report.clientOrderId());
            if (replace.changesLimitPrice()) {
                order.limitPrice = replace.newLimitPrice();
            }
            if (replace.changesStopPrice()) {
                order.stopPrice = replace.newStopPrice();
            }
        }
        if (report.venueOrderId() != null) {
            order.venueOrderId = report.venueOrderId();
        }
        order.quantity = report.orderQuantity();
        order.cumQuantity = report.cumQuantity();
        order.cumPriceQuantity = report.cumPriceQuantity();
        order.status = report.status() == OrderStatus.REPLACED
                ? (order.cumQuantity > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW) : report.status();
    }
}
