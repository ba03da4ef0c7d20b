package io.alphintra.engine.internal.account;

import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Exact amounts, at most one per currency, as a configuration lists them ({@code USD 1000000, EUR 250000}): an
 * account's deposited cash or its borrowing power. Immutable. Each amount is read at its currency's minor units with
 * {@link Decimals}, never through a {@code double}.
 */
public final class Amounts {
    public static final Amounts NONE = new Amounts(List.of());

    private final List<Money> amounts;

    private Amounts(List<Money> amounts) {
        this.amounts = amounts;
    }

    /** Exactly these amounts; one per currency, none negative. */
    public static Amounts of(List<Money> amounts) {
        List<Currency> seen = new ArrayList<>();
        for (Money amount : amounts) {
            if (seen.contains(amount.currency())) {
                throw new IllegalArgumentException(amount.currency() + " is given more than once");
            }
            if (amount.mantissa() < 0) {
                throw new IllegalArgumentException(amount.format() + ": must not be negative");
            }
            seen.add(amount.currency());
        }
        return amounts.isEmpty() ? NONE : new Amounts(List.copyOf(amounts));
    }

    /**
     * Parses empty text or {@code none} (no amounts) or comma-separated {@code CODE AMOUNT} entries.
     *
     * @throws IllegalArgumentException naming the entry at fault
     */
    static Amounts parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
            return NONE;
        }
        List<Money> amounts = new ArrayList<>();
        for (String entry : trimmed.split(",", -1)) {
            String[] parts = entry.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("entry '" + entry.trim() + "': expected CURRENCY AMOUNT, e.g."
                        + " USD 1000000");
            }
            try {
                Currency currency = Currency.of(parts[0]);
                if (amounts.stream().anyMatch(amount -> amount.currency() == currency)) {
                    throw new IllegalArgumentException(currency + " is given more than once");
                }
                long mantissa = Decimals.parse("amount", parts[1], currency.minorUnits());
                if (mantissa < 0) {
                    throw new IllegalArgumentException("must not be negative");
                }
                amounts.add(Money.of(currency, mantissa, currency.minorUnits()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("entry '" + entry.trim() + "': " + e.getMessage(), e);
            }
        }
        return of(amounts);
    }

    /** The amount in {@code currency}, or null where none is given. */
    public Money get(Currency currency) {
        for (Money amount : amounts) {
            if (amount.currency() == currency) {
                return amount;
            }
        }
        return null;
    }

    public List<Money> list() {
        return amounts;
    }

    public boolean isEmpty() {
        return amounts.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Amounts that && amounts.equals(that.amounts);
    }

    @Override
    public int hashCode() {
        return amounts.hashCode();
    }

    /** {@code none} or {@code USD 1000000.00, EUR 250000.00}. */
    @Override
    public String toString() {
        return amounts.isEmpty() ? "none" : amounts.stream().map(Money::format).collect(Collectors.joining(", "));
    }
}
