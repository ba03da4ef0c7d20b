package io.alphintra.engine.internal.portfolio;

import java.util.List;
import java.util.Optional;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;

/**
 * An account's total equity in its base currency, or why it cannot be stated: a valuation that silently skipped
 * an unconvertible balance or an unpriced position would understate or overstate the account, so either both lists
 * are empty and {@code equity} is present, or {@code equity} is empty and the lists say what is missing.
 *
 * @param accountId the account
 * @param equity cash plus the market value of open positions, converted to the base currency; empty when
 *     something is missing
 * @param missingRates currencies, sorted by code, holding non-zero amounts for which no rate to the base currency
 *     is known
 * @param unmarkedInstruments instruments, sorted by text, with open quantity but no mark price yet
 */
public record EquityValuation(String accountId, Optional<Money> equity, List<Currency> missingRates,
        List<InstrumentId> unmarkedInstruments) {

    public EquityValuation {
        missingRates = List.copyOf(missingRates);
        unmarkedInstruments = List.copyOf(unmarkedInstruments);
        if (equity.isPresent() != (missingRates.isEmpty() && unmarkedInstruments.isEmpty())) {
            throw new IllegalArgumentException("equity = " + equity + ": must be present exactly when nothing is"
                    + " missing (missing rates " + missingRates + ", unmarked " + unmarkedInstruments + ")");
        }
    }

    public boolean isComplete() {
        return equity.isPresent();
    }
}
