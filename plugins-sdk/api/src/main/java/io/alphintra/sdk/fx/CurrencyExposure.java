package io.alphintra.sdk.fx;

import java.util.Map;

import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;

/**
 * An account's net exposure per currency, as of one instant: positive means long the currency.
 *
 * @param accountId the account
 * @param baseCurrency the account's base currency, in which hedging is measured
 * @param exposures net amount per currency; each key equals its amount's currency
 * @param asOfNanos time of the exposure, epoch nanoseconds
 */
public record CurrencyExposure(String accountId, Currency baseCurrency, Map<Currency, Money> exposures,
        long asOfNanos) {

    public CurrencyExposure {
        Checks.id("accountId", accountId);
        Checks.required("baseCurrency", baseCurrency);
        exposures = Checks.mapOf("exposures", exposures);
        exposures.forEach((currency, amount) -> {
            if (!currency.equals(amount.currency())) {
                throw new IllegalArgumentException("exposures[" + currency + "] = " + amount
                        + ": keyed under the wrong currency");
            }
        });
    }
}
