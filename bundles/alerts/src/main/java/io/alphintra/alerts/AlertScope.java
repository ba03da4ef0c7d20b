package io.alphintra.alerts;

/**
 * What an alert is about, where that narrows it: each part is null when the alert is not about one (an engine halt has
 * no account). Values are identifiers as the rest of the node writes them: an account id ({@code ACC-1}), a strategy
 * instance id, a venue id ({@code SIMX_US}), an instrument id ({@code AAPL@SIMX_US}); each 1 to {@value #MAX_LENGTH}
 * characters without control characters.
 *
 * @param account the account concerned, or null
 * @param strategy the strategy instance concerned, or null
 * @param venue the venue concerned, or null
 * @param instrument the instrument concerned, or null
 */
public record AlertScope(String account, String strategy, String venue, String instrument) {
    /** Longest value of any part. */
    public static final int MAX_LENGTH = 100;
    /** Not narrowed to anything: the node as a whole. */
    public static final AlertScope NONE = new AlertScope(null, null, null, null);

    /**
     * @throws IllegalArgumentException naming the part and the value when one is empty, too long or has control
     *     characters
     */
    public AlertScope {
        check("account", account);
        check("strategy", strategy);
        check("venue", venue);
        check("instrument", instrument);
    }

    /** About one account. */
    public static AlertScope ofAccount(String account) {
        return new AlertScope(account, null, null, null);
    }

    /** About one strategy instance. */
    public static AlertScope ofStrategy(String strategy) {
        return new AlertScope(null, strategy, null, null);
    }

    /** About one venue. */
    public static AlertScope ofVenue(String venue) {
        return new AlertScope(null, null, venue, null);
    }

    /** About one instrument. */
    public static AlertScope ofInstrument(String instrument) {
        return new AlertScope(null, null, null, instrument);
    }

    public AlertScope withAccount(String value) {
        return new AlertScope(value, strategy, venue, instrument);
    }

    public AlertScope withStrategy(String value) {
        return new AlertScope(account, value, venue, instrument);
    }

    public AlertScope withVenue(String value) {
        return new AlertScope(account, strategy, value, instrument);
    }

    public AlertScope withInstrument(String value) {
        return new AlertScope(account, strategy, venue, value);
    }

    /** True when no part is set. */
    public boolean isEmpty() {
        return account == null && strategy == null && venue == null && instrument == null;
    }

    /** {@code account=ACC-1 instrument=AAPL@SIMX_US}, the parts that are set; empty for {@link #NONE}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        append(text, "account", account);
        append(text, "strategy", strategy);
        append(text, "venue", venue);
        append(text, "instrument", instrument);
        return text.toString();
    }

    private static void append(StringBuilder text, String name, String value) {
        if (value != null) {
            text.append(text.length() == 0 ? "" : " ").append(name).append('=').append(value);
        }
    }

    private static void check(String part, String value) {
        if (value == null) {
            return;
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("alert scope " + part + " = '" + Alert.printable(value, MAX_LENGTH)
                    + "': must be 1 to " + MAX_LENGTH + " characters without control characters, or null");
        }
    }
}
