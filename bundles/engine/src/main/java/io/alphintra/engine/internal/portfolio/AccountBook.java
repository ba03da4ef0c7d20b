package io.alphintra.engine.internal.portfolio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.alphintra.sdk.money.Currency;

/**
 * One account: cash per currency and the per-instrument aggregates, both in arrays indexed by interned indices so
 * that a fill finds them without hashing. The arrays grow when a new currency or instrument first touches the
 * account, never in steady state.
 */
final class AccountBook {
    final int index;
    final String id;
    final Currency baseCurrency;
    /** Every position of every strategy in this account, in the order they were opened. */
    final List<PositionBook> positions = new ArrayList<>();

    private ScaledAmount[] cashByCurrency = new ScaledAmount[8];
    private ExposureBook[] exposureByInstrument = new ExposureBook[16];

    AccountBook(int index, String id, Currency baseCurrency) {
        this.index = index;
        this.id = id;
        this.baseCurrency = baseCurrency;
    }

    /** The balance in the currency of index {@code currencyIndex}, or {@code null} if the account never held it. */
    ScaledAmount cash(int currencyIndex) {
        return currencyIndex < cashByCurrency.length ? cashByCurrency[currencyIndex] : null;
    }

    void installCash(int currencyIndex, ScaledAmount balance) {
        if (currencyIndex >= cashByCurrency.length) {
            cashByCurrency = Arrays.copyOf(cashByCurrency, Math.max(currencyIndex + 1, cashByCurrency.length * 2));
        }
        cashByCurrency[currencyIndex] = balance;
    }

    /** Number of currency slots, for iteration; slots without a balance are {@code null}. */
    int cashSlots() {
        return cashByCurrency.length;
    }

    ExposureBook exposure(int instrumentIndex) {
        return instrumentIndex < exposureByInstrument.length ? exposureByInstrument[instrumentIndex] : null;
    }

    void installExposure(ExposureBook exposure) {
        int instrumentIndex = exposure.instrument.index;
        if (instrumentIndex >= exposureByInstrument.length) {
            exposureByInstrument = Arrays.copyOf(exposureByInstrument,
                    Math.max(instrumentIndex + 1, exposureByInstrument.length * 2));
        }
        exposureByInstrument[instrumentIndex] = exposure;
    }

    int exposureSlots() {
        return exposureByInstrument.length;
    }
}
