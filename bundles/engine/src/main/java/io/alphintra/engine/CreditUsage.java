package io.alphintra.engine;

import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.risk.CreditScope;

/**
 * The credit one account, trader or strategy uses in one currency (PT1), as the pre-trade checks see it
 * ({@code PreTradeContext.creditUsed}): the value of its working orders plus what it executed since 00:00 UTC.
 *
 * @param scope    whose credit
 * @param id       the account, trader or strategy id
 * @param working  value of the working orders, at 4 decimals, each rounded up
 * @param executed value executed today, at 4 decimals, each fill rounded up
 * @since 1.5
 */
public record CreditUsage(CreditScope scope, String id, Money working, Money executed) {

    /** What the checks compare with a limit: working plus executed. */
    public Money used() {
        return working.add(executed);
    }
}
