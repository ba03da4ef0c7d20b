package io.alphintra.engine;

import io.alphintra.sdk.money.Money;
import java.util.List;

/**
 * An account as configured ({@code etc/io.alphintra.account-*.cfg}): reference data, not balances (the cash an account
 * holds also moves with its fills; see the positions and the risk monitor).
 *
 * @param status      {@code active}, {@code suspended}, {@code closed}, or {@code NOT IN FORCE} for a configuration
 *                    that is invalid or given twice (its orders are refused; {@code problem} says why)
 * @param cash        deposited cash per currency, as configured
 * @param margin      margin per currency, as configured
 * @param venues      the venues it may trade on; empty: every venue
 * @param instruments the instruments it may trade; empty: every instrument
 * @param problem     why the configuration is not in force; null when it is
 * @since 1.6
 */
public record AccountView(String id, String owner, String status, String baseCurrency, List<Money> cash,
                          List<Money> margin, List<String> venues, List<String> instruments, String problem) {
    public AccountView {
        cash = List.copyOf(cash);
        margin = List.copyOf(margin);
        venues = List.copyOf(venues);
        instruments = List.copyOf(instruments);
    }
}
