package io.alphintra.sdk.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.alphintra.sdk.money.Currency;

class TradingCalendarTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    /** Nasdaq-like: 09:30-16:00 New York time on weekdays, Independence Day off, an early close the day before. */
    private static final Venue XNAS = new Venue("XNAS", "Nasdaq", Jurisdiction.US, Currency.USD,
            TradingCalendar.weekly(NEW_YORK,
                    TradingCalendar.sameEachDay(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                            LocalTime.of(9, 30), LocalTime.of(16, 0)),
                    List.of(LocalDate.of(2025, 7, 4), LocalDate.of(2025, 12, 25)),
                    Map.of(LocalDate.of(2025, 7, 3), LocalTime.of(13, 0))));

    /** Globex-like: opens 17:00 Chicago Sunday to Thursday, closes 16:00 the next day. */
    private static final TradingCalendar GLOBEX = TradingCalendar.weekly(CHICAGO,
            TradingCalendar.sameEachDay(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY), LocalTime.of(17, 0), LocalTime.of(16, 0)),
            List.of(LocalDate.of(2025, 12, 24)), Map.of());

    @ParameterizedTest(name = "{0} open={1} ({2})")
    @CsvSource({
        "2025-07-02T14:00:00Z, true,  Wednesday 10:00 EDT",
        "2025-07-02T13:29:59Z, false, one second before the open (EDT is UTC-4)",
        "2025-07-02T13:30:00Z, true,  the open is inclusive",
        "2025-07-02T19:59:59Z, true,  last second",
        "2025-07-02T20:00:00Z, false, the close is exclusive",
        "2025-07-03T16:59:59Z, true,  early close day, 12:59:59",
        "2025-07-03T17:00:00Z, false, early close at 13:00",
        "2025-07-04T14:00:00Z, false, Independence Day, a Friday holiday",
        "2025-07-05T14:00:00Z, false, Saturday",
        "2025-07-06T14:00:00Z, false, Sunday",
        "2025-07-07T13:30:00Z, true,  Monday open after the long weekend",
        "2025-12-25T15:00:00Z, false, Christmas, a Thursday holiday",
        "2025-01-06T14:29:59Z, false, winter: EST is UTC-5, so 09:29:59",
        "2025-01-06T14:30:00Z, true,  winter open at 14:30 UTC",
        "2025-03-10T13:30:00Z, true,  first Monday after the DST change opens at 13:30 UTC again"
    })
    void equitySessionsInTheVenueTimeZone(String instant, boolean open, String why) {
        assertThat(XNAS.isOpen(Instant.parse(instant))).as(why).isEqualTo(open);
    }

    @ParameterizedTest(name = "{0} open={1} ({2})")
    @CsvSource({
        "2025-07-05T17:00:00Z, false, Saturday noon in Chicago",
        "2025-07-06T21:59:59Z, false, Sunday 16:59:59 CDT",
        "2025-07-06T22:00:00Z, true,  Sunday 17:00 CDT, the week opens",
        "2025-07-07T08:00:00Z, true,  Monday 03:00, inside the session that opened on Sunday",
        "2025-07-07T21:30:00Z, false, Monday 16:30, the daily maintenance break",
        "2025-07-11T20:59:59Z, true,  Friday 15:59:59, inside Thursday's session",
        "2025-07-11T22:00:00Z, false, Friday 17:00, no Friday session",
        "2025-12-24T16:00:00Z, true,  Wednesday 10:00: the session opened on Tuesday is not the holiday's",
        "2025-12-25T09:00:00Z, false, Thursday 03:00: the session that would open on the 24th is cancelled"
    })
    void overnightSessionsBelongToTheDayTheyOpen(String instant, boolean open, String why) {
        assertThat(GLOBEX.isOpen(Instant.parse(instant))).as(why).isEqualTo(open);
    }

    @Test
    void alwaysOpenVenues() {
        TradingCalendar crypto = TradingCalendar.alwaysOpen(ZoneId.of("UTC"));
        assertThat(crypto.isOpen(Instant.parse("2025-12-25T00:00:00Z"))).isTrue();
        assertThat(crypto.isOpen(Instant.parse("2025-07-05T12:00:00Z"))).isTrue();
    }

    @Test
    void venueExposesItsTimeZoneAndValidatesItsId() {
        assertThat(XNAS.timeZone()).isEqualTo(NEW_YORK);
        assertThatThrownBy(() -> new Venue("xnas", "Nasdaq", Jurisdiction.US, Currency.USD,
                TradingCalendar.alwaysOpen(NEW_YORK)))
                .hasMessage("venueId = 'xnas': must be 1 to 16 characters A-Z, 0-9 or _");
        assertThatThrownBy(() -> new Venue("XNAS", " ", Jurisdiction.US, Currency.USD,
                TradingCalendar.alwaysOpen(NEW_YORK)))
                .hasMessage("name = ' ': must be non-blank and at most 200 characters");
    }

    @Test
    void rejectsContradictoryCalendars() {
        assertThatThrownBy(() -> TradingCalendar.weekly(NEW_YORK, List.of(), List.of(), Map.of()))
                .hasMessage("sessions = []: a calendar that is not always open needs sessions");
        assertThatThrownBy(() -> new TradingCalendar(NEW_YORK, true,
                List.of(new TradingSession(DayOfWeek.MONDAY, LocalTime.NOON, LocalTime.MIDNIGHT)), java.util.Set.of(),
                Map.of())).hasMessage("alwaysOpen = true: sessions, holidays and earlyCloses must be empty");
    }
}
