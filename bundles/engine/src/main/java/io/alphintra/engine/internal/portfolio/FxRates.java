package io.alphintra.engine.internal.portfolio;

import java.util.HashMap;
import java.util.Map;

import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimal;

/**
 * Conversion rates the engine knows at a given moment, for valuing an account in its base currency.
 *
 * <p>Only rates that were {@link #set set} are used. The inverse of a known rate is not derived (it would need a
 * rounding nobody chose) and no cross rate is formed through a third currency: a valuation that lacks a rate says
 * so instead of guessing. Set both directions if both are needed.
 *
 * <p>Owned by the engine thread, like the portfolio.
 */
public final class FxRates {
    private final Map<Currency, Map<Currency, Decimal>> rates = new HashMap<>();

    /**
     * Records that one unit of {@code from} is worth {@code rate} units of {@code to}, replacing an earlier rate.
     *
     * @throws IllegalArgumentException if a currency is missing, the two are equal, or the rate is not positive
     */
    public FxRates set(Currency from, Currency to, Decimal rate) {
        if (from == null || to == null || rate == null) {
            throw new IllegalArgumentException("from, to and rate are required (was " + from + ", " + to + ", "
                    + rate + ")");
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("to = " + to + ": must differ from from; a currency converts to itself at 1");
        }
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("rate = " + rate + ": must be positive (" + from + " to " + to + ")");
        }
        rates.computeIfAbsent(from, key -> new HashMap<>()).put(to, rate);
        return this;
    }

    /** The rate from {@code from} to {@code to}: {@link Decimal#ONE} for the same currency, {@code null} if unknown. */
    public Decimal rate(Currency from, Currency to) {
        if (from.equals(to)) {
            return Decimal.ONE;
        }
        Map<Currency, Decimal> targets = rates.get(from);
        return targets == null ? null : targets.get(to);
    }
}
