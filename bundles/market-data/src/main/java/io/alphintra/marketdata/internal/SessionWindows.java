package io.alphintra.marketdata.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.alphintra.sdk.instrument.TradingCalendar;
import io.alphintra.sdk.instrument.TradingSession;

/**
 * The windows that time bars are aligned to and never cross: the trading sessions of a calendar, or, for a
 * calendar that is always open (or none), the local days of a time zone.
 *
 * <p>Finding a window allocates ({@code java.time}); callers cache the current window and ask again only when a
 * timestamp leaves it, which happens once per session, not once per trade. The result is left in
 * {@link #start()} and {@link #end()} so that no result object is needed.
 */
public final class SessionWindows {

    /** How far {@link #next(long)} looks ahead for a session before giving up. */
    private static final int MAX_DAYS_AHEAD = 400;

    private final ZoneId zone;
    private final TradingCalendar calendar;
    private final List<TradingSession> sessionsByOpen;
    private long start;
    private long end;

    private SessionWindows(ZoneId zone, TradingCalendar calendar) {
        this.zone = zone;
        this.calendar = calendar;
        List<TradingSession> sorted = new ArrayList<>(calendar == null ? List.of() : calendar.sessions());
        sorted.sort(Comparator.comparing(TradingSession::open));
        this.sessionsByOpen = List.copyOf(sorted);
    }

    /** Local days of {@code zone}: windows run from one local midnight to the next (23 or 25 hours on DST days). */
    public static SessionWindows days(ZoneId zone) {
        return new SessionWindows(zone, null);
    }

    /** The sessions of {@code calendar}, or its local days when it is always open. */
    public static SessionWindows of(TradingCalendar calendar) {
        return calendar.alwaysOpen() ? days(calendar.zone()) : new SessionWindows(calendar.zone(), calendar);
    }

    /** Whether windows are trading sessions (rather than whole days). */
    public boolean hasSessions() {
        return calendar != null;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Inclusive start of the window found last, epoch nanoseconds. */
    public long start() {
        return start;
    }

    /** Exclusive end of the window found last, epoch nanoseconds. */
    public long end() {
        return end;
    }

    /** Finds the window that contains {@code timeNanos}; false when it falls outside every session. */
    public boolean find(long timeNanos) {
        LocalDate today = toInstant(timeNanos).atZone(zone).toLocalDate();
        if (calendar == null) {
            start = toNanos(today.atStartOfDay(zone));
            end = toNanos(today.plusDays(1).atStartOfDay(zone));
            return true;
        }
        // A session opened yesterday may still run (overnight sessions), so look at both dates.
        for (LocalDate date = today.minusDays(1); !date.isAfter(today); date = date.plusDays(1)) {
            if (calendar.holidays().contains(date)) {
                continue;
            }
            for (TradingSession session : sessionsByOpen) {
                if (session.day() == date.getDayOfWeek() && window(date, session)
                        && timeNanos >= start && timeNanos < end) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Finds the first window that starts at or after {@code timeNanos}; false if none within 400 days. */
    public boolean next(long timeNanos) {
        LocalDate first = toInstant(timeNanos).atZone(zone).toLocalDate().minusDays(1);
        if (calendar == null) {
            for (LocalDate date = first; ; date = date.plusDays(1)) {
                start = toNanos(date.atStartOfDay(zone));
                if (start >= timeNanos) {
                    end = toNanos(date.plusDays(1).atStartOfDay(zone));
                    return true;
                }
            }
        }
        for (int day = 0; day <= MAX_DAYS_AHEAD; day++) {
            LocalDate date = first.plusDays(day);
            if (calendar.holidays().contains(date)) {
                continue;
            }
            for (TradingSession session : sessionsByOpen) {
                if (session.day() == date.getDayOfWeek() && window(date, session) && start >= timeNanos) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Sets start and end to the session opened on {@code date}; false if an early close leaves it empty. */
    private boolean window(LocalDate date, TradingSession session) {
        ZonedDateTime open = ZonedDateTime.of(date, session.open(), zone);
        ZonedDateTime close = ZonedDateTime.of(session.crossesMidnight() ? date.plusDays(1) : date, session.close(),
                zone);
        LocalTime early = calendar.earlyCloses().get(date);
        if (early != null) {
            // Same rule as TradingCalendar.isOpen: an early close not after the open is on the next day.
            ZonedDateTime earlyClose = ZonedDateTime.of(date, early, zone);
            if (!earlyClose.isAfter(open)) {
                earlyClose = ZonedDateTime.of(date.plusDays(1), early, zone);
            }
            if (earlyClose.isBefore(close)) {
                close = earlyClose;
            }
        }
        start = toNanos(open);
        end = toNanos(close);
        return end > start;
    }

    public static Instant toInstant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L));
    }

    public static long toNanos(ZonedDateTime time) {
        return toNanos(time.toInstant());
    }

    public static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
