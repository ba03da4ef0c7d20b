package io.alphintra.sdk.instrument;

import java.time.DayOfWeek;
import java.time.LocalTime;

import io.alphintra.sdk.internal.Checks;

/**
 * One weekly trading window in the venue's local time: it opens on {@code day} at {@code open} and is open until
 * {@code close} (exclusive). When {@code close} is not after {@code open} the session runs past midnight and
 * closes on the following day, so {@code (SUNDAY, 17:00, 16:00)} is the CME Globex session and
 * {@code (MONDAY, 00:00, 00:00)} is a full 24-hour day.
 *
 * <p>A session belongs to the date it opens on: a holiday on that date cancels it, and an early close on that
 * date shortens it.
 *
 * @param day the weekday the session opens
 * @param open local opening time, inclusive
 * @param close local closing time, exclusive; on the next day when not after {@code open}
 */
public record TradingSession(DayOfWeek day, LocalTime open, LocalTime close) {

    public TradingSession {
        Checks.required("day", day);
        Checks.required("open", open);
        Checks.required("close", close);
    }

    /** Whether the session ends on the day after it opens. */
    public boolean crossesMidnight() {
        return !close.isAfter(open);
    }
}
