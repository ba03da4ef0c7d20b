package io.alphintra.engine.internal.portfolio;

import java.time.LocalDate;

import io.alphintra.sdk.instrument.CryptoPair;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.FutureContract;
import io.alphintra.sdk.instrument.FxForward;
import io.alphintra.sdk.instrument.FxSpot;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimal;

/** Reference data used across the portfolio tests. */
final class TestInstruments {
    /** US stock: prices to 1/10000, whole shares. */
    static final Equity AAPL = new Equity(InstrumentId.parse("AAPL@XNAS"), Currency.USD, Jurisdiction.US,
            new TradingGrid(4, TickTable.flat(100), 0, 1, 1));
    static final Equity VOD = new Equity(InstrumentId.parse("VOD@XLON"), Currency.GBP, Jurisdiction.UK,
            new TradingGrid(2, TickTable.flat(1), 0, 1, 1));
    /** E-mini S&P 500: cents, whole contracts, multiplier 50. */
    static final FutureContract ES = new FutureContract(InstrumentId.parse("ESZ5@XCME"), Currency.USD,
            Jurisdiction.US, new TradingGrid(2, TickTable.flat(25), 0, 1, 1), Decimal.of(50, 0),
            LocalDate.of(2025, 12, 19));
    /** Micro bitcoin future: whole dollars, multiplier 0.1. */
    static final FutureContract MBT = new FutureContract(InstrumentId.parse("MBTZ5@XCME"), Currency.USD,
            Jurisdiction.US, new TradingGrid(0, TickTable.flat(5), 0, 1, 1), Decimal.of(1, 1),
            LocalDate.of(2025, 12, 26));
    /** A calendar spread that trades at negative prices. */
    static final FutureContract CL_SPREAD = new FutureContract(InstrumentId.parse("CLZ5-CLF6@XNYM"), Currency.USD,
            Jurisdiction.US, new TradingGrid(2, TickTable.flat(1), 0, 1, 1), Decimal.of(1000, 0),
            LocalDate.of(2025, 11, 20));
    static final FxSpot EURUSD = new FxSpot(InstrumentId.parse("EUR/USD@SIMX"), Currency.EUR, Currency.USD,
            Jurisdiction.EU, new TradingGrid(5, TickTable.flat(1), 0, 1000, 1000));
    static final FxForward EURUSD_FORWARD = new FxForward(InstrumentId.parse("EUR/USD-20260320@SIMX"), Currency.EUR,
            Currency.USD, Jurisdiction.EU, new TradingGrid(5, TickTable.flat(1), 0, 1000, 1000),
            LocalDate.of(2026, 3, 20));
    /** Cent prices, quantities to 10^-8 BTC. */
    static final CryptoPair BTCUSDT = new CryptoPair(InstrumentId.parse("BTC/USDT@BNCE"), Currency.BTC,
            Currency.USDT, Jurisdiction.SG, new TradingGrid(2, TickTable.flat(1), 8, 1000, 10000));

    private TestInstruments() {
    }
}
