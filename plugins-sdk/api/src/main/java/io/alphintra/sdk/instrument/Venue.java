package io.alphintra.sdk.instrument;

import java.time.Instant;
import java.time.ZoneId;

import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.money.Currency;

/**
 * A trading venue: an exchange, MTF, crypto exchange or the simulator.
 *
 * @param id ISO 10383 MIC where one exists ({@code XNAS}, {@code XETR}, {@code XTKS}), otherwise a short
 *     upper-case code ({@code SIMX} for the simulator); see {@link #requireVenueId(String)}
 * @param name display name
 * @param jurisdiction regime the venue operates under
 * @param currency main trading currency
 * @param calendar sessions, holidays and time zone
 */
public record Venue(String id, String name, Jurisdiction jurisdiction, Currency currency, TradingCalendar calendar) {

    /** Longest accepted venue id. */
    public static final int MAX_ID_LENGTH = 16;

    public Venue {
        requireVenueId(id);
        Checks.text("name", name, 200);
        Checks.required("jurisdiction", jurisdiction);
        Checks.required("currency", currency);
        Checks.required("calendar", calendar);
    }

    /**
     * Checks a venue id: 1 to 16 characters of {@code A-Z}, {@code 0-9} and {@code _}. Upper case only, so that
     * {@code xnas} and {@code XNAS} can never name two venues.
     *
     * @throws IllegalArgumentException {@code venueId = 'xnas': must be 1 to 16 characters A-Z, 0-9 or _}
     */
    public static String requireVenueId(String venueId) {
        Checks.required("venueId", venueId);
        boolean valid = !venueId.isEmpty() && venueId.length() <= MAX_ID_LENGTH;
        for (int i = 0; valid && i < venueId.length(); i++) {
            char c = venueId.charAt(i);
            valid = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        if (!valid) {
            throw new IllegalArgumentException("venueId = " + Checks.quote(venueId) + ": must be 1 to "
                    + MAX_ID_LENGTH + " characters A-Z, 0-9 or _");
        }
        return venueId;
    }

    /** The venue's time zone; session times are local to it. */
    public ZoneId timeZone() {
        return calendar.zone();
    }

    /** Whether the venue is in a trading session at {@code instant}. */
    public boolean isOpen(Instant instant) {
        return calendar.isOpen(instant);
    }
}
