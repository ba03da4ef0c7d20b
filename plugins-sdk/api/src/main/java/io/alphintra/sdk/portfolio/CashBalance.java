package io.alphintra.sdk.portfolio;

import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;

/**
 * Cash of one currency in an account.
 *
 * @param total settled plus unsettled cash
 * @param available what can back new orders now: total minus reservations for open orders, plus any credit
 *     line; may exceed total on a margin account, so the two are not compared
 */
public record CashBalance(Money total, Money available) {

    public CashBalance {
        Checks.required("total", total);
        Checks.required("available", available);
        if (!total.currency().equals(available.currency())) {
            throw new IllegalArgumentException("available = " + available + ": currency differs from total = "
                    + total);
        }
    }

    public Currency currency() {
        return total.currency();
    }
}
