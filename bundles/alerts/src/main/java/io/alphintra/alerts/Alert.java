package io.alphintra.alerts;

import java.time.Instant;
import java.util.Objects;

/**
 * Something an operator must hear of: what happened, how urgent it is, who noticed and what it concerns. Built once
 * by the raiser and handed to {@link AlertService#raise}; immutable.
 *
 * <p>Alerts with the same {@code key} are one incident: while one is open (not acknowledged) and raised again within
 * the service's de-duplication window, the repeat counts against it instead of making a new alert. So a key names the
 * condition, not the occurrence: {@code engine.halt}, {@code risk.limit.ACC-1.credit},
 * {@code strategy.quarantine.momentum-1}, never a timestamp or a sequence number.
 *
 * @param key the de-duplication key: 1 to {@value #MAX_KEY} characters, no spaces or control characters
 * @param severity how urgent it is
 * @param source who raised it, e.g. {@code engine}, {@code risk:credit}, {@code strategy-host}: 1 to
 *     {@value #MAX_SOURCE} characters, no control characters
 * @param message what happened and what to do, for a person; longer than {@value #MAX_MESSAGE} characters it is cut
 *     (so a venue's wall of text cannot make raising fail)
 * @param scope what it concerns; {@link AlertScope#NONE} (also for null) when the node as a whole
 * @param raisedAtNanos when it was raised, nanoseconds since the epoch (UTC)
 */
public record Alert(String key, Severity severity, String source, String message, AlertScope scope,
        long raisedAtNanos) {
    public static final int MAX_KEY = 200;
    public static final int MAX_SOURCE = 100;
    public static final int MAX_MESSAGE = 2000;

    /**
     * @throws NullPointerException when key, severity, source or message is null
     * @throws IllegalArgumentException naming the field and the value when the key, source or message is not as above
     */
    public Alert {
        Objects.requireNonNull(key, "alert key");
        Objects.requireNonNull(severity, "alert severity");
        Objects.requireNonNull(source, "alert source");
        Objects.requireNonNull(message, "alert message");
        if (key.isEmpty() || key.length() > MAX_KEY
                || key.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("alert key = '" + printable(key, MAX_KEY) + "': must be 1 to " + MAX_KEY
                    + " characters without spaces or control characters");
        }
        if (source.isBlank() || source.length() > MAX_SOURCE || source.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("alert source = '" + printable(source, MAX_SOURCE) + "' (key " + key
                    + "): must be 1 to " + MAX_SOURCE + " characters without control characters");
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException("alert message of " + key
                    + " is empty: say what happened and what to do");
        }
        if (message.length() > MAX_MESSAGE) {
            String suffix = "...(" + message.length() + " chars)";
            message = message.substring(0, MAX_MESSAGE - suffix.length()) + suffix;
        }
        scope = scope == null ? AlertScope.NONE : scope;
    }

    /** An alert about the node as a whole, raised now. */
    public static Alert of(String key, Severity severity, String source, String message) {
        return new Alert(key, severity, source, message, AlertScope.NONE, nowEpochNanos());
    }

    /** An alert about {@code scope}, raised now. */
    public static Alert of(String key, Severity severity, String source, String message, AlertScope scope) {
        return new Alert(key, severity, source, message, scope, nowEpochNanos());
    }

    /** This alert about {@code newScope}. */
    public Alert withScope(AlertScope newScope) {
        return new Alert(key, severity, source, message, newScope, raisedAtNanos);
    }

    private static long nowEpochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** A value as an error message shows it: control characters escaped, cut at {@code max}. */
    static String printable(String value, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < value.length() && i < max; i++) {
            char c = value.charAt(i);
            text.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return value.length() > max ? text + "...(" + value.length() + " chars)" : text.toString();
    }
}
