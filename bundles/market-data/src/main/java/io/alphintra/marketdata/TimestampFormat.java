package io.alphintra.marketdata;

/**
 * How the timestamp column of an import is written. Unix times may carry a decimal fraction
 * ({@code 1385337600.25}), converted exactly to nanoseconds.
 */
public enum TimestampFormat {
    /**
     * Decided per value: a number is a Unix time whose unit follows from the digits of its integer part (up to 11
     * digits seconds, 12 to 14 milliseconds, 15 to 17 microseconds, 18 or more nanoseconds; each range covers the
     * years 1973 to 5138), anything else is read as {@link #ISO}. Pin the format when a file holds times before
     * 1973.
     */
    AUTO,
    UNIX_SECONDS,
    UNIX_MILLIS,
    UNIX_MICROS,
    UNIX_NANOS,
    /**
     * ISO-8601: with an offset or zone ({@code 2013-11-25T00:00:00Z}, {@code 2013-11-25T09:30:00-05:00}), or local
     * ({@code 2013-01-02}, {@code 2013-01-02T09:30}, {@code 2013-01-02 09:30:00}) in the import's configured time
     * zone. A date alone means its local midnight. A space may replace the {@code T}.
     */
    ISO
}
