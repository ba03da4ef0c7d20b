package io.alphintra.engine;

import java.util.Locale;

/**
 * What a kill switch covers (RTS 6 Art 12, SEC 15c3-5): every order of the node, or those of one venue, strategy,
 * trader or account. Written {@code all}, {@code venue:SIMX_US}, {@code strategy:momentum-1}, {@code trader:alice},
 * {@code account:ACC-1}.
 *
 * @param kind  what the scope is
 * @param value the venue, strategy, trader or account id; empty for {@link Kind#ALL}
 */
public record KillScope(Kind kind, String value) {

    /** The kinds of scope, from widest to narrowest. */
    public enum Kind { ALL, VENUE, STRATEGY, TRADER, ACCOUNT }

    /** Longest id a scope names; ids are short everywhere in the engine. */
    private static final int MAX_VALUE_LENGTH = 128;

    public KillScope {
        if (kind == null) {
            throw new IllegalArgumentException("kind: required (was null)");
        }
        value = value == null ? "" : value.trim();
        if (kind == Kind.ALL && !value.isEmpty()) {
            throw new IllegalArgumentException("scope 'all' takes no id (was '" + value + "')");
        }
        if (kind != Kind.ALL && (value.isEmpty() || value.length() > MAX_VALUE_LENGTH
                || !value.chars().allMatch(c -> c > ' ' && c < 127 && c != ':'))) {
            throw new IllegalArgumentException("scope " + kind.name().toLowerCase(Locale.ROOT) + ": '" + value
                    + "' is not an id (1 to " + MAX_VALUE_LENGTH + " printable ASCII characters, no ':' or spaces)");
        }
    }

    /** The whole node. */
    public static KillScope all() {
        return new KillScope(Kind.ALL, "");
    }

    /** Parses {@link #toString()}'s form, e.g. {@code account:ACC-1} or {@code all}, naming what is wrong. */
    public static KillScope parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("scope: required, e.g. all, venue:SIMX_US, strategy:momentum-1,"
                    + " trader:alice or account:ACC-1");
        }
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("all")) {
            return all();
        }
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("scope '" + trimmed + "': expected all or kind:id, e.g. account:ACC-1");
        }
        String kind = trimmed.substring(0, colon).toUpperCase(Locale.ROOT);
        for (Kind candidate : Kind.values()) {
            if (candidate != Kind.ALL && candidate.name().equals(kind)) {
                return new KillScope(candidate, trimmed.substring(colon + 1));
            }
        }
        throw new IllegalArgumentException("scope '" + trimmed + "': unknown kind '" + trimmed.substring(0, colon)
                + "' (venue, strategy, trader or account)");
    }

    /** Whether an order of this venue, strategy, trader and account is in scope. */
    public boolean covers(String venueId, String strategyId, String traderId, String accountId) {
        return switch (kind) {
            case ALL -> true;
            case VENUE -> value.equals(venueId);
            case STRATEGY -> value.equals(strategyId);
            case TRADER -> value.equals(traderId);
            case ACCOUNT -> value.equals(accountId);
        };
    }

    @Override
    public String toString() {
        return kind == Kind.ALL ? "all" : kind.name().toLowerCase(Locale.ROOT) + ":" + value;
    }
}
