package io.alphintra.sdk.money;

import io.alphintra.sdk.internal.Checks;

/**
 * An exact decimal number without a currency, e.g. a futures contract multiplier ({@code 0.1} for a micro
 * contract) or a configured threshold: {@code mantissa × 10^-scale}.
 *
 * <p>Like {@link java.math.BigDecimal}, {@code equals} compares mantissa and scale, so {@code 1.0} and
 * {@code 1.00} are not equal; use {@link #compareTo(Decimal)} to compare values.
 *
 * @param mantissa the unscaled value
 * @param scale decimals, {@code 0..18}
 */
public record Decimal(long mantissa, int scale) implements Comparable<Decimal> {

    /** The integer one at scale 0. */
    public static final Decimal ONE = new Decimal(1, 0);

    public Decimal {
        Decimals.requireScale("scale", scale);
    }

    /** {@code of(5, 1)} is 0.5. */
    public static Decimal of(long mantissa, int scale) {
        return new Decimal(mantissa, scale);
    }

    /**
     * Parses plain decimal text keeping exactly the digits given: {@code parse("0.10")} has scale 2.
     *
     * @throws IllegalArgumentException for text {@link Decimals#parse(String, String, int)} rejects, or more
     *     than 18 decimals
     */
    public static Decimal parse(String text) {
        Checks.required("value", text);
        int point = text.indexOf('.');
        int scale = point < 0 ? 0 : text.length() - point - 1;
        if (scale > Decimals.MAX_SCALE) {
            throw new IllegalArgumentException("value = " + Checks.quote(text) + ": more than "
                    + Decimals.MAX_SCALE + " decimal places");
        }
        return new Decimal(Decimals.parse("value", text, scale), scale);
    }

    public int signum() {
        return Long.signum(mantissa);
    }

    /** The same value at {@code newScale}; throws {@link ArithmeticException} if that would lose digits. */
    public Decimal withScale(int newScale) {
        return new Decimal(Decimals.rescale(mantissa, scale, newScale), newScale);
    }

    @Override
    public int compareTo(Decimal other) {
        return Decimals.compare(mantissa, scale, other.mantissa, other.scale);
    }

    /** Plain text with exactly {@link #scale()} decimals, e.g. {@code 0.10}. */
    @Override
    public String toString() {
        return Decimals.format(mantissa, scale);
    }
}
