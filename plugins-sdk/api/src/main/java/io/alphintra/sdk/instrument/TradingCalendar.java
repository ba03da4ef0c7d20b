package io.alphintra.sdk.instrument;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.alphintra.sdk.internal.Checks;

/**
 * When a venue accepts orders: weekly sessions in the venue's time zone minus holidays, with optional early
 * closes, or always open (crypto).
 *
 * <p>All local times are interpreted in {@link #zone()}, so a US session stays 09:30-16:00 New York time across
 * daylight-saving changes. A local time that does not exist on a DST-change day is moved forward as
 * {@link ZonedDateTime#of} does.
 *
 * @param zone the venue's time zone
 * @param alwaysOpen 24/7 trading; then sessions, holidays and early closes must be empty
 * @param sessions weekly sessions
 * @param holidays dates (venue-local) whose sessions do not take place
 * @param earlyCloses dates (venue-local) whose sessions close early, at the given local time
 */
public record TradingCalendar(ZoneId zone, boolean alwaysOpen, List<TradingSession> sessions, Set<LocalDate> holidays,
        Map<LocalDate, LocalTime> earlyCloses) {

    public TradingCalendar {
        Checks.required("zone", zone);
        sessions = Checks.listOf("sessions", sessions);
        holidays = Set.copyOf(Checks.listOf("holidays", Checks.required("holidays", holidays)));
        earlyCloses = Checks.mapOf("earlyCloses", earlyCloses);
        if (alwaysOpen && (!sessions.isEmpty() || !holidays.isEmpty() || !earlyCloses.isEmpty())) {
            throw new IllegalArgumentException("alwaysOpen = true: sessions, holidays and earlyCloses must be empty");
        }
        if (!alwaysOpen && sessions.isEmpty()) {
            throw new IllegalArgumentException("sessions = []: a calendar that is not always open needs sessions");
        }
    }

    /** Open every second of every day (crypto venues). */
    public static TradingCalendar alwaysOpen(ZoneId zone) {
        return new TradingCalendar(zone, true, List.of(), Set.of(), Map.of());
    }

    /** Weekly sessions with holidays and early closes. */
    public static TradingCalendar weekly(ZoneId zone, List<TradingSession> sessions, Collection<LocalDate> holidays,
            Map<LocalDate, LocalTime> earlyCloses) {
        return new TradingCalendar(zone, false, sessions, Set.copyOf(Checks.listOf("holidays", holidays)),
                earlyCloses);
    }

    /** The same session from {@code open} to {@code close} on each of {@code days}, e.g. Monday to Friday. */
    public static List<TradingSession> sameEachDay(Collection<DayOfWeek> days, LocalTime open, LocalTime close) {
        List<TradingSession> sessions = new ArrayList<>();
        for (DayOfWeek day : Checks.listOf("days", days)) {
            sessions.add(new TradingSession(day, open, close));
        }
        return List.copyOf(sessions);
    }

    /** Whether the venue is in a trading session at {@code instant}. */
    public boolean isOpen(Instant instant) {
        Checks.required("instant", instant);
        if (alwaysOpen) {
            return true;
        }
        LocalDate today = instant.atZone(zone).toLocalDate();
        // A session that started yesterday may still be running (overnight sessions), so check both dates.
        return isInSessionOpenedOn(today, instant) || isInSessionOpenedOn(today.minusDays(1), instant);
    }

    private boolean isInSessionOpenedOn(LocalDate date, Instant instant) {
        if (holidays.contains(date)) {
            return false;
        }
        for (TradingSession session : sessions) {
            if (session.day() != date.getDayOfWeek()) {
                continue;
            }
            ZonedDateTime open = ZonedDateTime.of(date, session.open(), zone);
            ZonedDateTime close = ZonedDateTime.of(session.crossesMidnight() ? date.plusDays(1) : date,
                    session.close(), zone);
            LocalTime early = earlyCloses.get(date);
            if (early != null) {
                ZonedDateTime earlyClose = ZonedDateTime.of(date, early, zone);
                if (!earlyClose.isAfter(open)) {
                    earlyClose = ZonedDateTime.of(date.plusDays(1), early, zone);
                }
                if (earlyClose.isBefore(close)) {
                    close = earlyClose;
                }
            }
            Instant from = open.toInstant();
            if (!instant.isBefore(from) && instant.isBefore(close.toInstant())) {
                return true;
            }
        }
        return false;
    }
}
