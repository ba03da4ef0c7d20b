package io.alphintra.sdk.instrument;

import io.alphintra.sdk.internal.Checks;

/**
 * Identifies an instrument by its symbol on one venue; the canonical text is {@code SYMBOL@VENUE}, e.g.
 * {@code AAPL@XNAS} or {@code BTC/USDT@BNCE}.
 *
 * <p>The same security on two venues has two ids on purpose: tick tables, lot sizes and sessions are per venue.
 *
 * @param symbol the venue's symbol: 1 to 32 printable ASCII characters, no spaces and no {@code @}
 * @param venueId the venue's id, see {@link Venue#requireVenueId(String)}
 */
public record InstrumentId(String symbol, String venueId) {

    /** Longest accepted symbol. */
    public static final int MAX_SYMBOL_LENGTH = 32;

    public InstrumentId {
        requireSymbol(symbol);
        Venue.requireVenueId(venueId);
    }

    public static InstrumentId of(String symbol, String venueId) {
        return new InstrumentId(symbol, venueId);
    }

    /**
     * Parses the canonical text.
     *
     * @throws IllegalArgumentException e.g. {@code instrumentId = 'AAPL': expected SYMBOL@VENUE such as AAPL@XNAS}
     */
    public static InstrumentId parse(String text) {
        Checks.required("instrumentId", text);
        int at = text.indexOf('@');
        if (at < 0 || at != text.lastIndexOf('@')) {
            throw new IllegalArgumentException("instrumentId = " + Checks.quote(text)
                    + ": expected SYMBOL@VENUE such as AAPL@XNAS");
        }
        try {
            return new InstrumentId(text.substring(0, at), text.substring(at + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("instrumentId = " + Checks.quote(text) + ": " + e.getMessage(), e);
        }
    }

    /** {@code SYMBOL@VENUE}; {@link #parse(String)} reads it back. */
    @Override
    public String toString() {
        return symbol + "@" + venueId;
    }

    private static void requireSymbol(String symbol) {
        Checks.required("symbol", symbol);
        boolean valid = !symbol.isEmpty() && symbol.length() <= MAX_SYMBOL_LENGTH;
        for (int i = 0; valid && i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            valid = c > 0x20 && c < 0x7F && c != '@';
        }
        if (!valid) {
            throw new IllegalArgumentException("symbol = " + Checks.quote(symbol) + ": must be 1 to "
                    + MAX_SYMBOL_LENGTH + " printable ASCII characters without spaces or '@'");
        }
    }
}
