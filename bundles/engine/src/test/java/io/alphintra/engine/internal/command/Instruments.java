package io.alphintra.engine.internal.command;

import io.alphintra.sdk.instrument.CryptoPair;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.money.Currency;

/** Reference data as the shipped simulated venues list it. */
final class Instruments {
    /** Cent prices, quantities to 10^-8 BTC in lots of 0.00001, at least 0.0001. */
    static final CryptoPair BTC = new CryptoPair(InstrumentId.parse("BTC-USD@SIMX_CRYPTO"), Currency.BTC,
            Currency.USD, Jurisdiction.US, new TradingGrid(2, TickTable.flat(1), 8, 1_000, 10_000));
    /** Prices to 1/10000 on a cent grid, whole shares. */
    static final Equity AAPL = new Equity(InstrumentId.parse("AAPL@SIMX_US"), Currency.USD, Jurisdiction.US,
            new TradingGrid(4, TickTable.flat(100), 0, 1, 1));

    private Instruments() {
    }
}
