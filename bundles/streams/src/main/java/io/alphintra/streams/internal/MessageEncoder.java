package io.alphintra.streams.internal;

import io.alphintra.access.Caller;
import io.alphintra.access.Role;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertScope;
import io.alphintra.engine.PositionView;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.portfolio.Position;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.TreeSet;

/**
 * The JSON text of every message the server sends on a stream. Prices and quantities are decimal strings in the
 * instrument's own precision ({@code "64250.50"}), never JSON numbers, as in the REST API; times are ISO-8601 UTC.
 * Each event is encoded once and the same text written to every client subscribed to it.
 */
final class MessageEncoder {
    private MessageEncoder() {
    }

    /** {@code {"channel":"market","type":"top",...}}; an empty side has a null price and size "0". */
    static String topOfBook(TopOfBook top, Instrument instrument) {
        StringBuilder json = new StringBuilder(192).append("{\"channel\":\"market\",\"type\":\"top\"");
        string(json, "instrument", instrument.id().toString());
        decimal(json, "bid", top.hasBid() ? top.bidPrice() : null, instrument.priceScale());
        decimal(json, "bidSize", top.bidSize(), instrument.quantityScale());
        decimal(json, "ask", top.hasAsk() ? top.askPrice() : null, instrument.priceScale());
        decimal(json, "askSize", top.askSize(), instrument.quantityScale());
        time(json, "time", top.eventTimeNanos());
        return json.append('}').toString();
    }

    /** {@code {"channel":"market","type":"trade",...}}. */
    static String trade(Trade trade, Instrument instrument) {
        StringBuilder json = new StringBuilder(192).append("{\"channel\":\"market\",\"type\":\"trade\"");
        string(json, "instrument", instrument.id().toString());
        decimal(json, "price", trade.price(), instrument.priceScale());
        decimal(json, "quantity", trade.quantity(), instrument.quantityScale());
        string(json, "aggressor", trade.aggressor().name());
        time(json, "time", trade.eventTimeNanos());
        return json.append('}').toString();
    }

    /** {@code {"channel":"executions",...}}: the report's fields, with its source and strategy. */
    static String report(ExecutionReport report, String source, String strategy, Instrument instrument) {
        int priceScale = instrument.priceScale();
        int quantityScale = instrument.quantityScale();
        StringBuilder json = new StringBuilder(512).append("{\"channel\":\"executions\"");
        string(json, "orderId", report.orderId());
        string(json, "clientOrderId", report.clientOrderId().value());
        string(json, "originalClientOrderId", report.originalClientOrderId() == null ? null
                : report.originalClientOrderId().value());
        string(json, "venueOrderId", report.venueOrderId());
        string(json, "execId", report.execId());
        string(json, "instrument", report.instrumentId().toString());
        string(json, "side", report.side().name());
        string(json, "execType", report.execType().name());
        string(json, "status", report.status().name());
        decimal(json, "orderQuantity", report.orderQuantity(), quantityScale);
        decimal(json, "lastQuantity", report.lastQuantity(), quantityScale);
        decimal(json, "lastPrice", report.lastQuantity() == 0 ? null : report.lastPrice(), priceScale);
        decimal(json, "cumQuantity", report.cumQuantity(), quantityScale);
        decimal(json, "leavesQuantity", report.leavesQuantity(), quantityScale);
        // The exact average rounded half-even to the price's precision; the one place a division rounds.
        decimal(json, "averagePrice", report.cumQuantity() == 0 ? null
                : report.averagePrice(RoundingMode.HALF_EVEN).getAsLong(), priceScale);
        string(json, "liquidity", report.liquidity().name());
        money(json, "fee", report.fee());
        string(json, "rejectReason", report.rejectReason() == null ? null : report.rejectReason().name());
        string(json, "text", report.text());
        time(json, "transactTime", report.transactTimeNanos());
        time(json, "receiveTime", report.receiveTimeNanos());
        string(json, "source", source);
        string(json, "strategy", strategy);
        return json.append('}').toString();
    }

    /** {@code {"channel":"positions",...}}: one position with its realised and unrealised P&amp;L. */
    static String position(PositionView view, Instrument instrument) {
        Position position = view.position();
        StringBuilder json = new StringBuilder(320).append("{\"channel\":\"positions\"");
        string(json, "account", position.accountId());
        string(json, "strategy", position.strategyId());
        string(json, "instrument", position.instrumentId().toString());
        decimal(json, "netQuantity", position.netQuantity(), instrument.quantityScale());
        decimal(json, "averageOpenPrice", position.isFlat() ? null
                : position.averageOpenPrice(RoundingMode.HALF_EVEN).getAsLong(), instrument.priceScale());
        money(json, "realizedPnl", position.realizedPnl());
        money(json, "unrealizedPnl", view.unrealizedPnl().orElse(null));
        time(json, "time", position.asOfNanos());
        return json.append('}').toString();
    }

    /** {@code {"channel":"alerts",...}}, with the fields of the alerts webhook and the acknowledgement, if any. */
    static String alert(AlertRecord record) {
        StringBuilder json = new StringBuilder(512).append("{\"channel\":\"alerts\"");
        json.append(",\"id\":").append(record.id());
        string(json, "key", record.alert().key());
        string(json, "severity", record.alert().severity().name());
        string(json, "source", record.alert().source());
        string(json, "message", record.alert().message());
        AlertScope scope = record.alert().scope();
        json.append(",\"scope\":{");
        // Only the parts set, as the alerts webhook sends them.
        if (scope.account() != null) {
            string(json, "account", scope.account());
        }
        if (scope.strategy() != null) {
            string(json, "strategy", scope.strategy());
        }
        if (scope.venue() != null) {
            string(json, "venue", scope.venue());
        }
        if (scope.instrument() != null) {
            string(json, "instrument", scope.instrument());
        }
        json.append('}');
        json.append(",\"count\":").append(record.count());
        time(json, "raisedAt", record.firstRaisedAtNanos());
        time(json, "lastRaisedAt", record.lastRaisedAtNanos());
        if (record.acknowledgement() == null) {
            json.append(",\"acknowledged\":null");
        } else {
            json.append(",\"acknowledged\":{");
            string(json, "user", record.acknowledgement().user());
            time(json, "at", record.acknowledgement().atNanos());
            string(json, "note", record.acknowledgement().note());
            json.append('}');
        }
        return json.append('}').toString();
    }

    /** {@code {"type":"authenticated","user":..,"roles":[..]}}. */
    static String authenticated(Caller caller) {
        StringBuilder json = new StringBuilder(128).append("{\"type\":\"authenticated\"");
        string(json, "user", caller.user());
        json.append(",\"roles\":[");
        TreeSet<String> roles = new TreeSet<>();
        for (Role role : caller.roles()) {
            roles.add(role.id());
        }
        boolean first = true;
        for (String role : roles) {
            json.append(first ? "" : ",");
            quoted(json, role);
            first = false;
        }
        return json.append("]}").toString();
    }

    /** {@code {"type":"subscribed","channel":..}} or {@code unsubscribed}; the instrument too on the market channel. */
    static String acknowledgement(ClientRequest.Subscription request) {
        StringBuilder json = new StringBuilder(96).append("{\"type\":\"")
                .append(request.subscribe() ? "subscribed" : "unsubscribed").append('"');
        string(json, "channel", request.channel().id());
        if (request.channel() == Channel.MARKET) {
            string(json, "instrument", request.instrumentText());
        }
        return json.append('}').toString();
    }

    /** {@code {"type":"error","code":..,"message":..,"field":..}}; no field when {@code field} is null. */
    static String error(String code, String message, String field) {
        StringBuilder json = new StringBuilder(160).append("{\"type\":\"error\"");
        string(json, "code", code);
        string(json, "message", message);
        if (field != null) {
            string(json, "field", field);
        }
        return json.append('}').toString();
    }

    private static void string(StringBuilder json, String name, String value) {
        name(json, name);
        if (value == null) {
            json.append("null");
        } else {
            quoted(json, value);
        }
    }

    /** A member's name, after a comma unless it is the first of its object. */
    private static void name(StringBuilder json, String name) {
        if (json.charAt(json.length() - 1) != '{') {
            json.append(',');
        }
        json.append('"').append(name).append("\":");
    }

    private static void decimal(StringBuilder json, String name, Long units, int scale) {
        string(json, name, units == null ? null : Decimals.format(units, scale));
    }

    /** An amount as {@code {"currency":"USD","amount":"12.50"}}, at the scale it was booked with; null when none. */
    private static void money(StringBuilder json, String name, Money money) {
        name(json, name);
        if (money == null) {
            json.append("null");
            return;
        }
        json.append("{\"currency\":");
        quoted(json, money.currency().code());
        json.append(",\"amount\":");
        quoted(json, Decimals.format(money.mantissa(), money.scale()));
        json.append('}');
    }

    private static void time(StringBuilder json, String name, long epochNanos) {
        string(json, name, epochNanos == 0 ? null : Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)).toString());
    }

    /** A JSON string: quotes, backslashes and control characters escaped (RFC 8259). */
    static void quoted(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
