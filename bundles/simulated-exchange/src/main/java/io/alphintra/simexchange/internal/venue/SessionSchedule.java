package io.alphintra.simexchange.internal.venue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import io.alphintra.sdk.instrument.TradingCalendar;
import io.alphintra.sdk.instrument.TradingSession;

/**
 * The session boundaries of a venue's calendar in venue time (epoch nanoseconds): when it opens, when it closes, and
 * when a trading day ends (DAY orders expire).
 *
 * <p>A trading day ends at a session close unless the venue opens again later on the same local date (a lunch
 * break, as in Tokyo). Back-to-back sessions (FX: one closes at 17:00 New York as the next opens) end a day at the
 * boundary. An always-open venue ends its day at local midnight. Open/closed agrees with
 * {@link TradingCalendar#isOpen(Instant)}; computed only at boundaries, never per order.
 */
final class SessionSchedule {

    /** How far ahead to look for the next boundary: a long holiday plus a weekend. */
    private static final int HORIZON_DAYS = 16;

    private final TradingCalendar calendar;
    private final ZoneId zone;

    SessionSchedule(TradingCalendar calendar) {
        this.calendar = calendar;
        this.zone = calendar.zone();
    }

    boolean isOpen(long nanos) {
        return calendar.isOpen(instant(nanos));
    }

    /** The first boundary (open, close or day end) strictly after {@code nanos}, or {@code Long.MAX_VALUE}. */
    long nextBoundary(long nanos) {
        LocalDate today = instant(nanos).atZone(zone).toLocalDate();
        if (calendar.alwaysOpen()) {
            return toNanos(today.plusDays(1).atStartOfDay(zone));
        }
        long best = Long.MAX_VALUE;
        for (long[] session : sessions(today.minusDays(1), today.plusDays(HORIZON_DAYS))) {
            if (session[0] > nanos && session[0] < best) {
                best = session[0];
            }
            if (session[1] > nanos && session[1] < best) {
                best = session[1];
            }
        }
        return best;
    }

    /** Whether a trading day ends at {@code nanos}, a boundary returned by {@link #nextBoundary}. */
    boolean dayEndsAt(long nanos) {
        if (calendar.alwaysOpen()) {
            return true;
        }
        LocalDate today = instant(nanos).atZone(zone).toLocalDate();
        boolean sessionCloses = false;
        long nextOpen = Long.MAX_VALUE;
        for (long[] session : sessions(today.minusDays(1), today.plusDays(HORIZON_DAYS))) {
            if (session[1] == nanos) {
                sessionCloses = true;
            }
            if (session[0] >= nanos && session[0] < nextOpen) {
                nextOpen = session[0];
            }
        }
        if (!sessionCloses) {
            return false;
        }
        if (nextOpen == nanos || nextOpen == Long.MAX_VALUE) {
            return true;
        }
        LocalDate closeDate = instant(nanos - 1).atZone(zone).toLocalDate();
        return !instant(nextOpen).atZone(zone).toLocalDate().equals(closeDate);
    }

    /** {open, close} in epoch nanoseconds of every session opening on a date in {@code [from, to]}. */
    private List<long[]> sessions(LocalDate from, LocalDate to) {
        List<long[]> out = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            if (calendar.holidays().contains(date)) {
                continue;
            }
            for (TradingSession session : calendar.sessions()) {
                if (session.day() != date.getDayOfWeek()) {
                    continue;
                }
                ZonedDateTime open = ZonedDateTime.of(date, session.open(), zone);
                ZonedDateTime close = ZonedDateTime.of(session.crossesMidnight() ? date.plusDays(1) : date,
                        session.close(), zone);
                LocalTime early = calendar.earlyCloses().get(date);
                if (early != null) {
                    ZonedDateTime earlyClose = ZonedDateTime.of(date, early, zone);
                    if (!earlyClose.isAfter(open)) {
                        earlyClose = ZonedDateTime.of(date.plusDays(1), early, zone);
                    }
                    if (earlyClose.isBefore(close)) {
                        close = earlyClose;
                    }
                }
                out.add(new long[] {toNanos(open), toNanos(close)});
            }
        }
        return out;
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    static long toNanos(ZonedDateTime time) {
        return toNanos(time.toInstant());
    }

    static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
