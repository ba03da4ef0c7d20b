package io.alphintra.risk.limits.internal;

import java.util.ArrayList;
import java.util.List;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.order.Attribution;

/**
 * Which orders a set of limits applies to: every order ({@code *}), or the orders that match every term, e.g.
 * {@code account:ACC-1} or {@code account:ACC-1 instrument:AAPL@SIMX_US}. A null component is a term the scope does
 * not have.
 *
 * <p>Where several scopes match an order, the most specific one that sets a limit decides that limit
 * ({@link #specificity()}): the scope with more terms, and between scopes with as many terms the one whose terms rank
 * higher in the order strategy, trader, account, instrument, venue. Two different scopes with the same terms cannot
 * both match one order (they differ in a value), so the order is total over the scopes that match.
 *
 * @param strategy the strategy instance id ({@code Attribution.strategyId})
 * @param trader the trader id
 * @param account the account id
 * @param instrument the instrument
 * @param venue the venue id
 */
public record Scope(String strategy, String trader, String account, InstrumentId instrument, String venue) {

    /** Every order. */
    public static final Scope ALL = new Scope(null, null, null, null, null);

    static final int STRATEGY = 16;
    static final int TRADER = 8;
    static final int ACCOUNT = 4;
    static final int INSTRUMENT = 2;
    static final int VENUE = 1;
    private static final int PER_TERM = 32;
    private static final int MAX_ID_LENGTH = 64;

    public Scope {
        if (instrument != null && venue != null) {
            throw new IllegalArgumentException("instrument: and venue: together: the instrument already names its"
                    + " venue");
        }
    }

    /**
     * Parses {@code *} or whitespace-separated terms {@code strategy:ID}, {@code trader:ID}, {@code account:ID},
     * {@code instrument:SYMBOL@VENUE} and {@code venue:VENUE}, each at most once.
     *
     * @throws IllegalArgumentException naming the term at fault
     */
    public static Scope parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("required: '*' or terms such as account:ACC-1");
        }
        if (trimmed.equals("*")) {
            return ALL;
        }
        String strategy = null;
        String trader = null;
        String account = null;
        InstrumentId instrument = null;
        String venue = null;
        for (String term : trimmed.split("\\s+")) {
            int colon = term.indexOf(':');
            if (term.equals("*")) {
                throw new IllegalArgumentException("'*' stands alone; a scope with terms is already narrower");
            }
            if (colon <= 0) {
                throw new IllegalArgumentException("term '" + term + "': expected NAME:VALUE (" + known() + ")");
            }
            String name = term.substring(0, colon);
            String value = term.substring(colon + 1);
            switch (name) {
                case "strategy" -> strategy = once(name, strategy, id(term, value));
                case "trader" -> trader = once(name, trader, id(term, value));
                case "account" -> account = once(name, account, id(term, value));
                case "instrument" -> {
                    if (instrument != null) {
                        throw twice(name);
                    }
                    try {
                        instrument = InstrumentId.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("term '" + term + "': " + e.getMessage(), e);
                    }
                }
                case "venue" -> {
                    if (venue != null) {
                        throw twice(name);
                    }
                    try {
                        venue = Venue.requireVenueId(value);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("term '" + term + "': " + e.getMessage(), e);
                    }
                }
                default -> throw new IllegalArgumentException("term '" + term + "': unknown name '" + name + "' ("
                        + known() + ")");
            }
        }
        return new Scope(strategy, trader, account, instrument, venue);
    }

    /** Whether an order with this attribution in this instrument is in the scope. Allocates nothing. */
    public boolean matches(Attribution attribution, InstrumentId instrumentId) {
        return (strategy == null || strategy.equals(attribution.strategyId()))
                && (trader == null || trader.equals(attribution.traderId()))
                && (account == null || account.equals(attribution.accountId()))
                && (instrument == null || instrument.equals(instrumentId))
                && (venue == null || venue.equals(instrumentId.venueId()));
    }

    /** Higher is more specific: the number of terms first, then the rank of the terms (see the class comment). */
    public int specificity() {
        int bits = dimensions();
        return Integer.bitCount(bits) * PER_TERM + bits;
    }

    /** The highest-ranking term's bit, or 0 for {@code *}: the term a table indexes this scope under. */
    int primary() {
        return Integer.highestOneBit(dimensions());
    }

    private int dimensions() {
        return (strategy == null ? 0 : STRATEGY) | (trader == null ? 0 : TRADER) | (account == null ? 0 : ACCOUNT)
                | (instrument == null ? 0 : INSTRUMENT) | (venue == null ? 0 : VENUE);
    }

    /** {@code *}, or the terms in rank order, e.g. {@code account:ACC-1 instrument:AAPL@SIMX_US}. */
    @Override
    public String toString() {
        List<String> terms = new ArrayList<>(5);
        if (strategy != null) {
            terms.add("strategy:" + strategy);
        }
        if (trader != null) {
            terms.add("trader:" + trader);
        }
        if (account != null) {
            terms.add("account:" + account);
        }
        if (instrument != null) {
            terms.add("instrument:" + instrument);
        }
        if (venue != null) {
            terms.add("venue:" + venue);
        }
        return terms.isEmpty() ? "*" : String.join(" ", terms);
    }

    private static String once(String name, String previous, String value) {
        if (previous != null) {
            throw twice(name);
        }
        return value;
    }

    private static IllegalArgumentException twice(String name) {
        return new IllegalArgumentException("term " + name + ": given more than once");
    }

    private static String id(String term, String value) {
        boolean valid = !value.isEmpty() && value.length() <= MAX_ID_LENGTH;
        for (int i = 0; valid && i < value.length(); i++) {
            char c = value.charAt(i);
            valid = c > 0x20 && c < 0x7F;
        }
        if (!valid) {
            throw new IllegalArgumentException("term '" + term + "': the id must be 1 to " + MAX_ID_LENGTH
                    + " printable ASCII characters");
        }
        return value;
    }

    private static String known() {
        return "strategy:, trader:, account:, instrument:SYMBOL@VENUE, venue:";
    }
}
