package io.alphintra.streams.internal;

import io.alphintra.sdk.instrument.InstrumentId;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/** Reads the messages clients send over a stream (the protocol is in the bundle's README). */
final class RequestParser {
    static final String ALL_INSTRUMENTS = "*";
    static final String MALFORMED_JSON = "MALFORMED_JSON";
    static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    private static final int MAX_TOKEN_LENGTH = 4096;

    private RequestParser() {
    }

    /** The request {@code text} holds; an {@link ClientRequest.Invalid} naming the problem when it holds none. */
    static ClientRequest parse(String text) {
        Object value;
        try {
            value = Json.decodeValue(text);
        } catch (DecodeException e) {
            return new ClientRequest.Invalid(MALFORMED_JSON, "not JSON: send one JSON object per text message, e.g."
                    + " {\"op\":\"subscribe\",\"channel\":\"executions\"}", null);
        }
        if (!(value instanceof JsonObject message)) {
            return invalid("a message must be a JSON object with \"op\"", null);
        }
        Object op = message.getValue("op");
        if (!(op instanceof String name)) {
            return invalid("\"op\" is " + (op == null ? "missing" : "not a string")
                    + ": one of auth, subscribe, unsubscribe", "/op");
        }
        return switch (name) {
            case "auth" -> auth(message);
            case "subscribe" -> subscription(message, true);
            case "unsubscribe" -> subscription(message, false);
            default -> invalid("op = '" + shown(name) + "': not one of auth, subscribe, unsubscribe", "/op");
        };
    }

    private static ClientRequest auth(JsonObject message) {
        Object token = message.getValue("token");
        if (!(token instanceof String text) || text.isBlank()) {
            return invalid("\"token\" must be an API key or a session token (a non-empty string)", "/token");
        }
        if (text.length() > MAX_TOKEN_LENGTH) {
            return invalid("\"token\" is longer than " + MAX_TOKEN_LENGTH + " characters", "/token");
        }
        return new ClientRequest.Auth(text.trim());
    }

    private static ClientRequest subscription(JsonObject message, boolean subscribe) {
        Object channelValue = message.getValue("channel");
        if (!(channelValue instanceof String channelName)) {
            return invalid("\"channel\" is " + (channelValue == null ? "missing" : "not a string")
                    + ": one of market, executions, positions, alerts", "/channel");
        }
        Channel channel = Channel.of(channelName).orElse(null);
        if (channel == null) {
            return invalid("channel = '" + shown(channelName) + "': not one of market, executions, positions, alerts",
                    "/channel");
        }
        Object instrumentValue = message.getValue("instrument");
        if (channel != Channel.MARKET) {
            if (instrumentValue != null) {
                return invalid("\"instrument\" is only for the market channel, not " + channel.id(), "/instrument");
            }
            return new ClientRequest.Subscription(subscribe, channel, null);
        }
        if (!(instrumentValue instanceof String instrumentText)) {
            return invalid("\"instrument\" is " + (instrumentValue == null ? "missing" : "not a string")
                    + ": an instrument id such as BTC-USD@SIMX_CRYPTO, or * for every instrument", "/instrument");
        }
        if (instrumentText.equals(ALL_INSTRUMENTS)) {
            return new ClientRequest.Subscription(subscribe, channel, null);
        }
        try {
            return new ClientRequest.Subscription(subscribe, channel, InstrumentId.parse(instrumentText));
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage(), "/instrument");
        }
    }

    private static ClientRequest invalid(String message, String field) {
        return new ClientRequest.Invalid(VALIDATION_FAILED, message, field);
    }

    /** A client's value as an error message quotes it: cut short, without control characters. */
    private static String shown(String value) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < value.length() && i < 64; i++) {
            char c = value.charAt(i);
            text.append(Character.isISOControl(c) ? '?' : c);
        }
        return value.length() > 64 ? text + "..." : text.toString();
    }
}
