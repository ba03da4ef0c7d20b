package io.alphintra.sdk.money;

import java.math.RoundingMode;

import io.alphintra.sdk.internal.Checks;

/**
 * An exact amount of one currency: {@code mantissa × 10^-scale} units of {@link #currency()}.
 *
 * <p>The scale is independent of the currency's minor units because fees, notionals and P&amp;L legitimately
 * carry more decimals than cash (a fee of USD 0.0035 per share). Arithmetic never rounds silently: it works at
 * the larger scale of its operands, and going down a scale needs {@link #withScale(int, RoundingMode)}.
 *
 * <p>{@code equals} compares currency, mantissa and scale, so {@code USD 1.0} and {@code USD 1.00} are different
 * records but {@link #compareTo(Money)} returns 0 for them.
 *
 * @param currency the currency
 * @param mantissa the unscaled amount
 * @param scale decimals, {@code 0..18}
 */
public record Money(Currency currency, long mantissa, int scale) implements Comparable<Money> {

    public Money {
        Checks.required("currency", currency);
        Decimals.requireScale("scale", scale);
    }

    public static Money of(Currency currency, long mantissa, int scale) {
        return new Money(currency, mantissa, scale);
    }

    /** An amount in minor units of the currency: {@code ofMinor(USD, 1999)} is USD 19.99. */
    public static Money ofMinor(Currency currency, long minorUnits) {
        Checks.required("currency", currency);
        return new Money(currency, minorUnits, currency.minorUnits());
    }

    /** Zero at the currency's minor units. */
    public static Money zero(Currency currency) {
        return ofMinor(currency, 0);
    }

    /**
     * Parses an amount at the currency's minor units: {@code parse(USD, "19.99")}.
     *
     * @throws IllegalArgumentException {@code amount = '19.999': more than 2 decimal places}
     */
    public static Money parse(Currency currency, String amount) {
        Checks.required("currency", currency);
        return parse(currency, amount, currency.minorUnits());
    }

    /** Parses an amount at an explicit scale: {@code parse(USD, "0.0035", 4)}. */
    public static Money parse(Currency currency, String amount, int scale) {
        Checks.required("currency", currency);
        return new Money(currency, Decimals.parse("amount", amount, scale), scale);
    }

    /**
     * The exact sum, at the larger scale of the two.
     *
     * @throws IllegalArgumentException if the currencies differ: converting needs a rate and a decision
     * @throws ArithmeticException on overflow
     */
    public Money add(Money other) {
        requireSameCurrency("+", other);
        int common = Math.max(scale, other.scale);
        return new Money(currency, Decimals.add(mantissaAt(common), other.mantissaAt(common)), common);
    }

    /** The exact difference; same rules as {@link #add(Money)}. */
    public Money subtract(Money other) {
        requireSameCurrency("-", other);
        int common = Math.max(scale, other.scale);
        return new Money(currency, Decimals.subtract(mantissaAt(common), other.mantissaAt(common)), common);
    }

    /** The exact product with an integer, e.g. a per-contract fee times contracts. */
    public Money multiply(long factor) {
        return new Money(currency, Decimals.multiply(mantissa, factor), scale);
    }

    public Money negate() {
        return new Money(currency, Decimals.subtract(0, mantissa), scale);
    }

    public int signum() {
        return Long.signum(mantissa);
    }

    public boolean isZero() {
        return mantissa == 0;
    }

    /** The same amount at {@code newScale}; throws {@link ArithmeticException} if digits would be lost. */
    public Money withScale(int newScale) {
        return new Money(currency, Decimals.rescale(mantissa, scale, newScale), newScale);
    }

    /** The amount at {@code newScale}, rounded with {@code mode} when digits are dropped. */
    public Money withScale(int newScale, RoundingMode mode) {
        return new Money(currency, Decimals.rescale(mantissa, scale, newScale, mode), newScale);
    }

    /**
     * Compares amounts of the same currency exactly across scales.
     *
     * @throws IllegalArgumentException if the currencies differ (there is no meaningful order)
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency("compared with", other);
        return Decimals.compare(mantissa, scale, other.mantissa, other.scale);
    }

    /** {@code USD 19.99}: the code and the amount with exactly {@link #scale()} decimals. */
    public String format() {
        return currency.code() + " " + Decimals.format(mantissa, scale);
    }

    @Override
    public String toString() {
        return format();
    }

    private long mantissaAt(int targetScale) {
        return Decimals.rescale(mantissa, scale, targetScale);
    }

    private void requireSameCurrency(String operation, Money other) {
        Checks.required("other", other);
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + format() + " " + operation + " "
                    + other.format() + " (convert explicitly first)");
        }
    }
}
