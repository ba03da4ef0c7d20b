package io.alphintra.engine.internal.command;

import io.alphintra.sdk.order.ExecutionReport;

/** One line per execution report, as the shell prints it. */
final class Reports {
    private Reports() {
    }

    static String describe(ExecutionReport report) {
        StringBuilder line = new StringBuilder();
        line.append("Order ").append(report.orderId() == null ? "-" : report.orderId())
                .append(" (").append(report.clientOrderId()).append("): ").append(report.execType());
        if (report.rejectReason() != null) {
            line.append(" ").append(report.rejectReason());
        }
        if (report.text() != null) {
            line.append(" - ").append(report.text());
        }
        return line.toString();
    }
}
