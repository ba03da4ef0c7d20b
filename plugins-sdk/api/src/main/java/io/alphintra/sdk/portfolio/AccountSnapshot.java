package io.alphintra.sdk.portfolio;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.money.Currency;

/**
 * An immutable, consistent view of an account at one instant: cash per currency and positions. Consistent
 * means taken at one point of the engine's event sequence, so cash and positions never disagree about a fill.
 *
 * @param accountId the account
 * @param baseCurrency currency the account reports and limits in
 * @param balances cash per currency; each key equals its balance's currency
 * @param positions positions of all strategies in this account
 * @param asOfNanos the snapshot's time, epoch nanoseconds
 */
public record AccountSnapshot(String accountId, Currency baseCurrency, Map<Currency, CashBalance> balances,
        List<Position> positions, long asOfNanos) {

    public AccountSnapshot {
        Checks.id("accountId", accountId);
        Checks.required("baseCurrency", baseCurrency);
        balances = Checks.mapOf("balances", balances);
        balances.forEach((currency, balance) -> {
            if (!currency.equals(balance.currency())) {
                throw new IllegalArgumentException("balances[" + currency + "] = " + balance.total()
                        + ": keyed under the wrong currency");
            }
        });
        positions = Checks.listOf("positions", positions);
        for (Position position : positions) {
            if (!position.accountId().equals(accountId)) {
                throw new IllegalArgumentException("positions: accountId = " + Checks.quote(position.accountId())
                        + " in the snapshot of account " + Checks.quote(accountId));
            }
        }
    }

    /** The cash balance in {@code currency}, if the account holds any. */
    public Optional<CashBalance> balance(Currency currency) {
        return Optional.ofNullable(balances.get(currency));
    }

    /** The positions in {@code instrumentId}, one per strategy that holds it. */
    public List<Position> positions(InstrumentId instrumentId) {
        return positions.stream().filter(p -> p.instrumentId().equals(instrumentId)).toList();
    }
}
