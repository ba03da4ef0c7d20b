package io.alphintra.engine.internal.command;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;

/**
 * One line per execution report, as the shell prints it: quantities and prices in the instrument's units (0.01 BTC,
 * not 1000000), so an operator reads what they typed.
 */
final class Reports {
    private Reports() {
    }

    /**
     * @param instrument the report's instrument, for its units; null when no connected venue lists it any more (raw
     *                   units are shown then, marked as such)
     */
    static String describe(ExecutionReport report, Instrument instrument) {
        StringBuilder line = new StringBuilder();
        line.append("Order ").append(report.orderId() == null ? "-" : report.orderId())
                .append(" (").append(report.clientOrderId()).append("): ").append(report.execType());
        if (report.execType() == ExecType.PENDING_NEW) {
            line.append(' ').append(report.side()).append(' ').append(quantity(instrument, report.orderQuantity()))
                    .append(' ').append(report.instrumentId());
        } else if (report.execType() == ExecType.TRADE) {
            line.append(' ').append(quantity(instrument, report.lastQuantity())).append(" @ ")
                    .append(price(instrument, report.lastPrice())).append(", filled ")
                    .append(quantity(instrument, report.cumQuantity())).append(" of ")
                    .append(quantity(instrument, report.orderQuantity()));
        }
        if (!report.status().name().equals(report.execType().name())) {
            line.append(" (").append(report.status()).append(')');
        }
        if (report.rejectReason() != null) {
            line.append(' ').append(report.rejectReason());
        }
        if (report.text() != null) {
            line.append(" - ").append(report.text());
        }
        return line.toString();
    }

    static String quantity(Instrument instrument, long quantity) {
        return instrument == null ? quantity + " units" : instrument.formatQuantity(quantity);
    }

    static String price(Instrument instrument, long price) {
        return instrument == null ? price + " units" : instrument.formatPrice(price);
    }
}
