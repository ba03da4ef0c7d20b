package io.alphintra.sdk.harness;

import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;

/**
 * One order's life: what the strategy sent and every report about it, in the order they arrived, as the strategy
 * received them (with the host's {@code orderId}), including reports that arrived after the strategy stopped.
 *
 * @param orderId the id the harness assigned, as the engine does
 * @param request the order as submitted
 * @param clientOrderIds every client order id the order carried, the submitted one first, one more per replace
 * @param reports the execution reports, including refusals of cancels and replaces
 * @param status the order's status at the end of the run
 */
public record OrderHistory(String orderId, OrderRequest request, List<ClientOrderId> clientOrderIds,
        List<ExecutionReport> reports, OrderStatus status) {

    public OrderHistory {
        clientOrderIds = List.copyOf(clientOrderIds);
        reports = List.copyOf(reports);
    }

    /** What each report said, in order, e.g. {@code [NEW, TRADE, TRADE]}: the life cycle at a glance. */
    public List<ExecType> execTypes() {
        return reports.stream().map(ExecutionReport::execType).toList();
    }

    /** Quantity filled, quantity units. */
    public long cumQuantity() {
        return lastFill().map(ExecutionReport::cumQuantity).orElse(0L);
    }

    /** Average fill price in price units, rounded with {@code mode}; empty if nothing filled. */
    public OptionalLong averagePrice(RoundingMode mode) {
        return lastFill().map(fill -> fill.averagePrice(mode)).orElse(OptionalLong.empty());
    }

    private Optional<ExecutionReport> lastFill() {
        for (int i = reports.size() - 1; i >= 0; i--) {
            if (reports.get(i).execType() == ExecType.TRADE) {
                return Optional.of(reports.get(i));
            }
        }
        return Optional.empty();
    }
}
