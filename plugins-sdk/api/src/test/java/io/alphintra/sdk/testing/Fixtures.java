package io.alphintra.sdk.testing;

import java.time.LocalDate;

import io.alphintra.sdk.instrument.CryptoPair;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.FutureContract;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TickTable.Band;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimal;
import io.alphintra.sdk.order.Attribution;

/** Instruments shaped like real ones, shared by the tests. */
public final class Fixtures {

    /** Reg NMS 612 at price scale 4: 0.0001 below 1.00, 0.01 from 1.00. */
    public static final TickTable US_EQUITY_TICKS = TickTable.of(new Band(0, 1), new Band(10_000, 100));

    /** AAPL@XNAS: price scale 4, whole shares. */
    public static final Equity AAPL = new Equity(InstrumentId.parse("AAPL@XNAS"), Currency.USD, Jurisdiction.US,
            new TradingGrid(4, US_EQUITY_TICKS, 0, 1, 1));

    /** Toyota on the TSE: yen prices at scale 1, trading unit of 100 shares. */
    public static final Equity TOYOTA = new Equity(InstrumentId.parse("7203@XTKS"), Currency.JPY, Jurisdiction.JP,
            new TradingGrid(1, TickTable.of(new Band(0, 10), new Band(30_000, 50)), 0, 100, 100));

    /** E-mini S&amp;P 500: quarter-point ticks at scale 2, multiplier 50. */
    public static final FutureContract ES = new FutureContract(InstrumentId.parse("ESZ5@XCME"), Currency.USD,
            Jurisdiction.US, new TradingGrid(2, TickTable.flat(25), 0, 1, 1), Decimal.of(50, 0),
            LocalDate.of(2025, 12, 19));

    /** BTC/USDT: cent ticks, quantities at scale 8 in lots of 0.00001, at least 0.0001. */
    public static final CryptoPair BTC_USDT = new CryptoPair(InstrumentId.parse("BTC/USDT@BNCE"), Currency.BTC,
            Currency.USDT, Jurisdiction.SG, new TradingGrid(2, TickTable.flat(1), 8, 1_000, 10_000));

    public static final Attribution ATTRIBUTION = new Attribution("mr-1", "trader-7", "ACC-1", "desk-eq", "PROP");

    private Fixtures() {
    }
}
