package io.alphintra.risk.limits.internal;

import io.alphintra.sdk.money.Decimals;

/**
 * A configured non-negative decimal limit, kept exactly as {@code mantissa × 10^-scale} with no trailing zero in the
 * mantissa, so that it can be brought into any instrument's units without passing through {@code double}; or
 * {@link #NONE}, no limit. Which instrument's units is known only per order, so the conversion happens then
 * ({@link #units(int)}), allocation-free.
 *
 * @param mantissa the unscaled value
 * @param scale decimals, 0 to 18, the fewest that hold the value
 * @param text the value as configured, for messages
 */
record DecimalLimit(long mantissa, int scale, String text) {

    /** No limit at this scope: it overrides a less specific scope's limit. */
    static final DecimalLimit NONE = new DecimalLimit(Long.MAX_VALUE, 0, "none");

    /** {@link #units(int)} of a value with more decimals than the target scale holds. */
    static final long OFF_GRID = -1;

    private static final String NONE_TEXT = "none";
    private static final String NUMBER = "[0-9]+(\\.[0-9]+)?";
    private static final String NOT_A_NUMBER = "not a plain non-negative decimal number (e.g. 1000 or 0.5)";

    /**
     * Parses plain decimal text ({@code 1000}, {@code 0.5}) or {@code none}.
     *
     * @param allowZero whether {@code 0} is a valid limit (a position limit of zero forbids a side)
     * @throws IllegalArgumentException the reason, for {@code key = 'value': reason}
     */
    static DecimalLimit parse(String text, boolean allowZero) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase(NONE_TEXT)) {
            return NONE;
        }
        if (!trimmed.matches(NUMBER)) {
            throw new IllegalArgumentException(NOT_A_NUMBER + " or 'none'");
        }
        DecimalLimit limit = parseNumber(trimmed);
        if (limit.mantissa == 0 && !allowZero) {
            throw new IllegalArgumentException("must be positive (or 'none')");
        }
        return limit;
    }

    /** Parses a plain non-negative decimal; no {@code none}. */
    static DecimalLimit parseNumber(String text) {
        if (!text.matches(NUMBER)) {
            throw new IllegalArgumentException(NOT_A_NUMBER);
        }
        int point = text.indexOf('.');
        int scale = point < 0 ? 0 : text.length() - point - 1;
        if (scale > Decimals.MAX_SCALE) {
            throw new IllegalArgumentException("more than " + Decimals.MAX_SCALE + " decimal places");
        }
        long mantissa;
        try {
            mantissa = Decimals.parse("limit", text, scale);
        } catch (IllegalArgumentException outOfRange) {
            throw new IllegalArgumentException("out of range: at most " + Long.MAX_VALUE + " units at "
                    + scale + " decimal places", outOfRange);
        }
        while (scale > 0 && mantissa % 10 == 0) {
            mantissa /= 10;
            scale--;
        }
        return new DecimalLimit(mantissa, scale, text);
    }

    boolean isNone() {
        return this == NONE;
    }

    /**
     * The limit in units of {@code targetScale} (an instrument's quantity scale): {@link Long#MAX_VALUE} for
     * {@link #NONE} or a value beyond a {@code long}, {@link #OFF_GRID} when the value has more decimals than the
     * scale holds. Allocates nothing.
     */
    long units(int targetScale) {
        if (this == NONE) {
            return Long.MAX_VALUE;
        }
        if (scale > targetScale) {
            return OFF_GRID;
        }
        long factor = Decimals.pow10(targetScale - scale);
        return mantissa > Long.MAX_VALUE / factor ? Long.MAX_VALUE : mantissa * factor;
    }

    @Override
    public String toString() {
        return text;
    }
}
