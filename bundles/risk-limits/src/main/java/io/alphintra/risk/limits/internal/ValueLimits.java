package io.alphintra.risk.limits.internal;

import java.util.ArrayList;
import java.util.List;

import io.alphintra.sdk.money.Currency;

/**
 * The amounts of one order-value key, one per currency ({@code USD 1000000, JPY 150000000}), or {@link #NONE}. An
 * order's value is in its instrument's quote currency and is only ever compared with an amount in that currency: no
 * conversion rate is guessed, and a scope that names no amount in a currency sets no value limit in it (a less
 * specific scope's amount applies).
 */
final class ValueLimits {

    /** No value limit in any currency at this scope. */
    static final ValueLimits NONE = new ValueLimits(new Currency[0], new DecimalLimit[0]);

    private final Currency[] currencies;
    private final DecimalLimit[] amounts;

    private ValueLimits(Currency[] currencies, DecimalLimit[] amounts) {
        this.currencies = currencies;
        this.amounts = amounts;
    }

    /**
     * Parses {@code none} or comma-separated {@code CODE AMOUNT} entries with positive amounts, each currency once.
     *
     * @throws IllegalArgumentException the reason, naming the entry at fault
     */
    static ValueLimits parse(String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("none")) {
            return NONE;
        }
        List<Currency> currencies = new ArrayList<>();
        List<DecimalLimit> amounts = new ArrayList<>();
        for (String entry : trimmed.split(",", -1)) {
            String[] parts = entry.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("entry '" + entry.trim() + "': expected CURRENCY AMOUNT, e.g."
                        + " USD 1000000 (or 'none')");
            }
            Currency currency;
            try {
                currency = Currency.of(parts[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("entry '" + entry.trim() + "': " + e.getMessage(), e);
            }
            if (currencies.contains(currency)) {
                throw new IllegalArgumentException("entry '" + entry.trim() + "': " + currency
                        + " is given more than once");
            }
            DecimalLimit amount;
            try {
                amount = DecimalLimit.parseNumber(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("entry '" + entry.trim() + "': " + e.getMessage(), e);
            }
            if (amount.mantissa() == 0) {
                throw new IllegalArgumentException("entry '" + entry.trim() + "': must be positive");
            }
            currencies.add(currency);
            amounts.add(amount);
        }
        return new ValueLimits(currencies.toArray(new Currency[0]), amounts.toArray(new DecimalLimit[0]));
    }

    boolean isNone() {
        return this == NONE;
    }

    /**
     * The amount in {@code currency}: {@link DecimalLimit#NONE} for {@link #NONE}, null where this key names no
     * amount in it. Allocates nothing (currencies are interned).
     */
    DecimalLimit amount(Currency currency) {
        if (this == NONE) {
            return DecimalLimit.NONE;
        }
        for (int i = 0; i < currencies.length; i++) {
            if (currencies[i] == currency) {
                return amounts[i];
            }
        }
        return null;
    }

    /** The currencies named, in the configured order. */
    List<Currency> currencies() {
        return List.of(currencies);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValueLimits that && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        if (this == NONE) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < currencies.length; i++) {
            out.append(i == 0 ? "" : ", ").append(currencies[i].code()).append(' ').append(amounts[i].text());
        }
        return out.toString();
    }
}
