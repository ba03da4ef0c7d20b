package io.alphintra.sdk.money;

import java.math.RoundingMode;

import io.alphintra.sdk.internal.Checks;

/**
 * Exact fixed-point arithmetic and text codec for {@code long} mantissas.
 *
 * <p>A value is a pair (mantissa, scale) meaning {@code mantissa × 10^-scale}; the scale travels separately
 * (usually it is the instrument's price or quantity scale), so the hot path handles bare {@code long}s. Nothing
 * here passes through {@code double}: a price that cannot be represented exactly is rejected, never rounded,
 * and every rounding is requested explicitly with a {@link RoundingMode}.
 *
 * <p>Two exception types, on purpose: text and scales that come from outside are <em>input</em> and fail with
 * {@link IllegalArgumentException}; overflow or inexactness in arithmetic on already-valid values is a
 * <em>computation</em> failure and throws {@link ArithmeticException}, as {@link Math#multiplyExact(long, long)}
 * does, with a message naming the operands.
 */
public final class Decimals {

    /** Largest supported scale: {@code 10^18} is the largest power of ten that fits a {@code long}. */
    public static final int MAX_SCALE = 18;

    private static final long[] POWERS_OF_TEN = new long[MAX_SCALE + 1];

    static {
        long power = 1;
        for (int i = 0; i <= MAX_SCALE; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private Decimals() {
    }

    /** {@code 10^exponent} for {@code 0 <= exponent <= 18}. */
    public static long pow10(int exponent) {
        if (exponent < 0 || exponent > MAX_SCALE) {
            throw new IllegalArgumentException("exponent = " + exponent + ": must be between 0 and " + MAX_SCALE);
        }
        return POWERS_OF_TEN[exponent];
    }

    /**
     * Checks a scale given as input.
     *
     * @return {@code scale}
     * @throws IllegalArgumentException {@code field = 19: must be between 0 and 18}
     */
    public static int requireScale(String field, int scale) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException(field + " = " + scale + ": must be between 0 and " + MAX_SCALE);
        }
        return scale;
    }

    /** {@link #parse(String, String, int)} with the field name {@code value}. */
    public static long parse(String text, int scale) {
        return parse("value", text, scale);
    }

    /**
     * Parses plain decimal text into a mantissa at {@code scale}: {@code parse("price", "101.25", 4) == 1012500}.
     *
     * <p>Accepted: an optional sign, at least one digit, optionally a point followed by at least one digit.
     * Rejected: exponents, grouping separators, surrounding white space, a bare or trailing point, and any
     * value that is not exactly representable at {@code scale}. Zeros beyond the scale are accepted
     * ({@code "1.50"} at scale 1) because they do not change the value; a venue that pads is not wrong.
     *
     * @throws IllegalArgumentException naming {@code field} and the text, e.g.
     *     {@code price = '101.255': more than 2 decimal places}
     */
    public static long parse(String field, String text, int scale) {
        Checks.required(field, text);
        requireScale(field + " scale", scale);
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        int integerStart = i;
        while (i < length && isDigit(text.charAt(i))) {
            i++;
        }
        int integerEnd = i;
        int fractionStart = i;
        int fractionEnd = i;
        if (i < length && text.charAt(i) == '.') {
            fractionStart = ++i;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
            }
            fractionEnd = i;
            if (fractionEnd == fractionStart) {
                throw notADecimal(field, text);
            }
        }
        if (i != length || integerEnd == integerStart) {
            throw notADecimal(field, text);
        }
        int usedFractionDigits = Math.min(fractionEnd - fractionStart, scale);
        for (int k = fractionStart + usedFractionDigits; k < fractionEnd; k++) {
            if (text.charAt(k) != '0') {
                throw new IllegalArgumentException(field + " = " + Checks.quote(text) + ": more than " + scale
                        + " decimal place" + (scale == 1 ? "" : "s"));
            }
        }
        try {
            long value = 0;
            for (int k = integerStart; k < integerEnd; k++) {
                value = Math.addExact(Math.multiplyExact(value, 10L), text.charAt(k) - '0');
            }
            for (int k = fractionStart; k < fractionStart + usedFractionDigits; k++) {
                value = Math.addExact(Math.multiplyExact(value, 10L), text.charAt(k) - '0');
            }
            value = Math.multiplyExact(value, POWERS_OF_TEN[scale - usedFractionDigits]);
            return negative ? -value : value;
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException(field + " = " + Checks.quote(text) + ": out of range at scale "
                    + scale + " (largest magnitude is " + format(Long.MAX_VALUE, scale) + ")", overflow);
        }
    }

    /**
     * Formats with exactly {@code scale} decimals: {@code format(1012500, 4)} is {@code "101.2500"}. The output
     * parses back to the same mantissa at the same scale; use it for storage and wire formats.
     */
    public static String format(long mantissa, int scale) {
        requireScale("scale", scale);
        if (scale == 0) {
            return Long.toString(mantissa);
        }
        // Work on the digit string so that Long.MIN_VALUE needs no special case.
        String digits = Long.toString(mantissa);
        boolean negative = digits.charAt(0) == '-';
        if (negative) {
            digits = digits.substring(1);
        }
        StringBuilder out = new StringBuilder(digits.length() + scale + 3);
        if (negative) {
            out.append('-');
        }
        int padding = scale + 1 - digits.length();
        for (int k = 0; k < padding; k++) {
            out.append('0');
        }
        out.append(digits);
        out.insert(out.length() - scale, '.');
        return out.toString();
    }

    /**
     * Formats without trailing zeros, for people and error messages: {@code formatCompact(1012500, 4)} is
     * {@code "101.25"}, {@code formatCompact(1000, 2)} is {@code "10"}. Still exact.
     */
    public static String formatCompact(long mantissa, int scale) {
        String full = format(mantissa, scale);
        if (scale == 0) {
            return full;
        }
        int end = full.length();
        while (full.charAt(end - 1) == '0') {
            end--;
        }
        if (full.charAt(end - 1) == '.') {
            end--;
        }
        return full.substring(0, end);
    }

    /**
     * Changes the scale without losing information.
     *
     * @throws ArithmeticException if the value overflows at the new scale or has more digits than
     *     {@code toScale} keeps
     */
    public static long rescale(long mantissa, int fromScale, int toScale) {
        return rescale(mantissa, fromScale, toScale, RoundingMode.UNNECESSARY);
    }

    /**
     * Changes the scale, rounding with {@code mode} when digits are dropped.
     *
     * @throws ArithmeticException on overflow, or when {@code mode} is {@code UNNECESSARY} and rounding is needed
     */
    public static long rescale(long mantissa, int fromScale, int toScale, RoundingMode mode) {
        requireScale("fromScale", fromScale);
        requireScale("toScale", toScale);
        if (toScale >= fromScale) {
            return multiply(mantissa, POWERS_OF_TEN[toScale - fromScale]);
        }
        return divide(mantissa, POWERS_OF_TEN[fromScale - toScale], mode);
    }

    /** {@code a × b}, throwing an {@link ArithmeticException} that names both operands on overflow. */
    public static long multiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return low;
        }
        throw new ArithmeticException("overflow: " + a + " x " + b + " does not fit a long");
    }

    /** {@code a + b}, throwing an {@link ArithmeticException} that names both operands on overflow. */
    public static long add(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            throw new ArithmeticException("overflow: " + a + " + " + b + " does not fit a long");
        }
        return sum;
    }

    /** {@code a - b}, throwing an {@link ArithmeticException} that names both operands on overflow. */
    public static long subtract(long a, long b) {
        long difference = a - b;
        if (((a ^ b) & (a ^ difference)) < 0) {
            throw new ArithmeticException("overflow: " + a + " - " + b + " does not fit a long");
        }
        return difference;
    }

    /**
     * {@code price × quantity} at the combined scale {@code priceScale + quantityScale}; no digit is lost.
     * {@code notional(1012500, 4, 300, 0) == 303750000}: 101.25 × 300 = 30375.0000 at scale 4.
     *
     * @throws IllegalArgumentException if the combined scale exceeds {@value #MAX_SCALE}
     * @throws ArithmeticException on overflow
     */
    public static long notional(long price, int priceScale, long quantity, int quantityScale) {
        requireScale("priceScale", priceScale);
        requireScale("quantityScale", quantityScale);
        requireScale("priceScale + quantityScale", priceScale + quantityScale);
        return multiply(price, quantity);
    }

    /**
     * {@code dividend / divisor} rounded with {@code mode}. Average prices use this: cumulative
     * price×quantity (scale p+q) divided by cumulative quantity (scale q) is a price at scale p.
     *
     * @throws ArithmeticException on division by zero, on {@code Long.MIN_VALUE / -1}, or when {@code mode} is
     *     {@code UNNECESSARY} and the division is inexact
     */
    public static long divide(long dividend, long divisor, RoundingMode mode) {
        Checks.required("mode", mode);
        if (divisor == 0) {
            throw new ArithmeticException("division by zero: " + dividend + " / 0");
        }
        if (dividend == Long.MIN_VALUE && divisor == -1) {
            throw new ArithmeticException("overflow: " + dividend + " / -1 does not fit a long");
        }
        long quotient = dividend / divisor;
        long remainder = dividend % divisor;
        if (remainder == 0) {
            return quotient;
        }
        int resultSign = (dividend < 0) == (divisor < 0) ? 1 : -1;
        // Compare |remainder| with |divisor| - |remainder| in the negative range, where neither side can
        // overflow even for divisor == Long.MIN_VALUE. cmp > 0 means the discarded fraction is above one half.
        long negativeAbsRemainder = remainder < 0 ? remainder : -remainder;
        long negativeAbsDivisor = divisor < 0 ? divisor : -divisor;
        int versusHalf = Long.compare(negativeAbsDivisor - negativeAbsRemainder, negativeAbsRemainder);
        boolean increment;
        switch (mode) {
            case UNNECESSARY:
                throw new ArithmeticException("rounding necessary: " + dividend + " / " + divisor + " is inexact");
            case DOWN:
                increment = false;
                break;
            case UP:
                increment = true;
                break;
            case FLOOR:
                increment = resultSign < 0;
                break;
            case CEILING:
                increment = resultSign > 0;
                break;
            case HALF_UP:
                increment = versusHalf >= 0;
                break;
            case HALF_DOWN:
                increment = versusHalf > 0;
                break;
            case HALF_EVEN:
                increment = versusHalf > 0 || (versusHalf == 0 && (quotient & 1) != 0);
                break;
            default:
                throw new IllegalArgumentException("mode = " + mode + ": unsupported rounding mode");
        }
        return increment ? quotient + resultSign : quotient;
    }

    /**
     * Compares two values of possibly different scales exactly, without overflow (no rescaling of the integer
     * parts happens).
     */
    public static int compare(long a, int scaleA, long b, int scaleB) {
        requireScale("scaleA", scaleA);
        requireScale("scaleB", scaleB);
        if (scaleA == scaleB) {
            return Long.compare(a, b);
        }
        long integerA = a / POWERS_OF_TEN[scaleA];
        long integerB = b / POWERS_OF_TEN[scaleB];
        if (integerA != integerB) {
            return Long.compare(integerA, integerB);
        }
        // Fractions have the sign of their value and magnitude below 10^scale, so bringing both to the larger
        // scale stays below 10^18 and cannot overflow.
        int commonScale = Math.max(scaleA, scaleB);
        long fractionA = (a % POWERS_OF_TEN[scaleA]) * POWERS_OF_TEN[commonScale - scaleA];
        long fractionB = (b % POWERS_OF_TEN[scaleB]) * POWERS_OF_TEN[commonScale - scaleB];
        return Long.compare(fractionA, fractionB);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException notADecimal(String field, String text) {
        return new IllegalArgumentException(field + " = " + Checks.quote(text)
                + ": not a plain decimal number (expected e.g. -101.25)");
    }
}
