package io.alphintra.marketdata.internal;

import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import io.alphintra.marketdata.TimestampFormat;
import io.alphintra.sdk.money.Decimals;

/** Exact text to fixed-point and to epoch nanoseconds, for imports. Nothing passes through {@code double}. */
public final class FieldParsers {

    /** Longest exponent accepted in {@code 1.5E-3} notation; anything larger cannot fit a scale of 18 anyway. */
    private static final int MAX_EXPONENT = 40;

    private FieldParsers() {
    }

    /**
     * Parses a decimal into a mantissa at {@code scale}. Accepts plain decimals and exponent notation
     * ({@code 1.5E-3}, as some JSON and spreadsheet exports write small numbers). More significant decimals than
     * {@code scale} fail, unless {@code rounding} is given.
     *
     * @param rounding how to drop excess decimals; null to refuse them
     */
    public static long decimal(String text, int scale, RoundingMode rounding) throws FieldException {
        String plain = text.indexOf('e') >= 0 || text.indexOf('E') >= 0 ? expandExponent(text) : text;
        if (plain == null || !isPlainDecimal(plain)) {
            throw new FieldException("not a decimal number");
        }
        int point = plain.indexOf('.');
        int significantEnd = plain.length();
        if (point >= 0) {
            while (significantEnd > point + 1 && plain.charAt(significantEnd - 1) == '0') {
                significantEnd--;
            }
        }
        int fractionDigits = point < 0 ? 0 : significantEnd - point - 1;
        if (fractionDigits <= scale) {
            return exact(plain, scale);
        }
        if (rounding == null || rounding == RoundingMode.UNNECESSARY) {
            throw new FieldException("more than " + scale + " decimal place" + (scale == 1 ? "" : "s"));
        }
        String kept = plain.substring(0, point + 1 + scale);
        if (kept.endsWith(".")) {
            kept = kept.substring(0, kept.length() - 1);
        }
        long truncated = exact(kept, scale);
        boolean negative = plain.charAt(0) == '-';
        int versusHalf = compareWithHalf(plain, point + 1 + scale, significantEnd);
        boolean awayFromZero = switch (rounding) {
            case UP -> true;
            case DOWN -> false;
            case CEILING -> !negative;
            case FLOOR -> negative;
            case HALF_UP -> versusHalf >= 0;
            case HALF_DOWN -> versusHalf > 0;
            case HALF_EVEN -> versusHalf > 0 || (versusHalf == 0 && (truncated & 1) != 0);
            default -> throw new FieldException("unsupported rounding mode " + rounding);
        };
        if (!awayFromZero) {
            return truncated;
        }
        try {
            return negative ? Math.subtractExact(truncated, 1) : Math.addExact(truncated, 1);
        } catch (ArithmeticException overflow) {
            throw new FieldException(outOfRange(scale));
        }
    }

    /**
     * Parses a timestamp into epoch nanoseconds.
     *
     * @param zone the zone of local dates and times; null if none was configured
     */
    public static long timestamp(String text, TimestampFormat format, ZoneId zone) throws FieldException {
        return switch (format) {
            case UNIX_SECONDS -> unix(text, 9, "Unix seconds");
            case UNIX_MILLIS -> unix(text, 6, "Unix milliseconds");
            case UNIX_MICROS -> unix(text, 3, "Unix microseconds");
            case UNIX_NANOS -> unix(text, 0, "Unix nanoseconds");
            case ISO -> iso(text, zone);
            case AUTO -> auto(text, zone);
        };
    }

    private static long auto(String text, ZoneId zone) throws FieldException {
        if (!isPlainDecimal(text)) {
            if (looksLikeIso(text)) {
                return iso(text, zone);
            }
            throw new FieldException("not a timestamp (expected Unix seconds, millis, micros or nanos, or ISO-8601)");
        }
        int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        while (start < text.length() - 1 && text.charAt(start) == '0' && text.charAt(start + 1) != '.') {
            start++;
        }
        int point = text.indexOf('.');
        int integerDigits = (point < 0 ? text.length() : point) - start;
        if (integerDigits <= 11) {
            return unix(text, 9, "Unix seconds");
        } else if (integerDigits <= 14) {
            return unix(text, 6, "Unix milliseconds");
        } else if (integerDigits <= 17) {
            return unix(text, 3, "Unix microseconds");
        }
        return unix(text, 0, "Unix nanoseconds");
    }

    /** A Unix time at {@code scale} decimals to the nanosecond: parsing at that scale yields nanoseconds. */
    private static long unix(String text, int scale, String unit) throws FieldException {
        if (!isPlainDecimal(text)) {
            throw new FieldException("not a timestamp in " + unit);
        }
        try {
            return decimal(text, scale, null);
        } catch (FieldException e) {
            throw new FieldException("not a timestamp in " + unit + ": " + e.getMessage());
        }
    }

    private static boolean looksLikeIso(String text) {
        return text.length() >= 10 && Character.isDigit(text.charAt(0)) && text.charAt(4) == '-';
    }

    private static long iso(String text, ZoneId zone) throws FieldException {
        String normalized = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            if (normalized.length() == 10) {
                LocalDate date = LocalDate.parse(normalized);
                return SessionWindows.toNanos(date.atStartOfDay(requireZone(zone)));
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(normalized, ZonedDateTime::from,
                    LocalDateTime::from);
            if (parsed instanceof ZonedDateTime zoned) {
                return SessionWindows.toNanos(zoned);
            }
            return SessionWindows.toNanos(((LocalDateTime) parsed).atZone(requireZone(zone)));
        } catch (DateTimeException | ArithmeticException e) {
            throw new FieldException("not an ISO-8601 date or date-time");
        }
    }

    private static ZoneId requireZone(ZoneId zone) throws FieldException {
        if (zone == null) {
            throw new FieldException("a local date or time, but no time zone is configured for the import");
        }
        return zone;
    }

    private static long exact(String plain, int scale) throws FieldException {
        try {
            return Decimals.parse(plain, scale);
        } catch (IllegalArgumentException e) {
            // Syntax and decimal places were checked before, so what is left is the range.
            throw new FieldException(outOfRange(scale));
        }
    }

    private static String outOfRange(int scale) {
        return "out of range at scale " + scale;
    }

    /** Compares the discarded digits {@code text[from, to)} (after the decimal point) with one half. */
    private static int compareWithHalf(String text, int from, int to) {
        int first = text.charAt(from) - '0';
        if (first != 5) {
            return first > 5 ? 1 : -1;
        }
        for (int i = from + 1; i < to; i++) {
            if (text.charAt(i) != '0') {
                return 1;
            }
        }
        return 0;
    }

    /** An optional sign, digits, optionally a point and digits: what {@link Decimals#parse} accepts. */
    public static boolean isPlainDecimal(String text) {
        int length = text.length();
        int i = length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        int digitsStart = i;
        while (i < length && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
            i++;
        }
        if (i == digitsStart) {
            return false;
        }
        if (i < length && text.charAt(i) == '.') {
            int fractionStart = ++i;
            while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            if (i == fractionStart) {
                return false;
            }
        }
        return i == length;
    }

    /** {@code 1.5E-3} as {@code 0.0015}; null if {@code text} is not a number in exponent notation. */
    static String expandExponent(String text) {
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        String mantissa = text.substring(0, e);
        String exponentText = text.substring(e + 1);
        if (!isPlainDecimal(mantissa) || exponentText.isEmpty()) {
            return null;
        }
        int exponent;
        try {
            exponent = Integer.parseInt(exponentText.startsWith("+") ? exponentText.substring(1) : exponentText);
        } catch (NumberFormatException notAnInteger) {
            return null;
        }
        if (Math.abs(exponent) > MAX_EXPONENT) {
            return null;
        }
        String sign = mantissa.startsWith("-") ? "-" : "";
        String unsigned = mantissa.charAt(0) == '-' || mantissa.charAt(0) == '+' ? mantissa.substring(1) : mantissa;
        int point = unsigned.indexOf('.');
        String digits = point < 0 ? unsigned : unsigned.substring(0, point) + unsigned.substring(point + 1);
        int pointPosition = (point < 0 ? unsigned.length() : point) + exponent;
        StringBuilder out = new StringBuilder(sign);
        if (pointPosition <= 0) {
            out.append("0.").append("0".repeat(-pointPosition)).append(digits);
        } else if (pointPosition >= digits.length()) {
            out.append(digits).append("0".repeat(pointPosition - digits.length()));
        } else {
            out.append(digits, 0, pointPosition).append('.').append(digits, pointPosition, digits.length());
        }
        return out.toString();
    }
}
