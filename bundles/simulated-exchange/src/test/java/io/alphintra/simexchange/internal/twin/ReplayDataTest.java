package io.alphintra.simexchange.internal.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.money.Currency;
import io.alphintra.testdata.TestData;

class ReplayDataTest {
    private static final Instrument AAPL = new Equity(InstrumentId.of("AAPL", "TEST"), Currency.USD, Jurisdiction.US,
            new TradingGrid(2, TickTable.flat(1), 0, 1, 1));

    private static ReplayData parse(String text, ReplayFormat format) throws Exception {
        return ReplayData.parse(new BufferedReader(new StringReader(text)), "data.csv", format, AAPL);
    }

    @Test
    void readsTradesRoundingToThePriceScale() throws Exception {
        ReplayData data = parse("timestamp,price,amount\n1385337600,800.010000000000,0.1\n1385337613,800.055,0.2\n",
                ReplayFormat.TRADES);
        assertThat(data.size()).isEqualTo(2);
        assertThat(data.price(0)).isEqualTo(80_001);
        assertThat(data.price(1)).isEqualTo(80_006);
    }

    @Test
    void keepsEachTradesTimeAndItsAmountRoundedToTheQuantityScale() throws Exception {
        ReplayData data = parse("1385337600,800.01,2.5\n1385337613,800.05,0.1\n1385337613,800.05,3.5\n",
                ReplayFormat.TRADES);
        assertThat(new long[] {data.timeNanos(0), data.timeNanos(1), data.timeNanos(2)})
                .containsExactly(1_385_337_600_000_000_000L, 1_385_337_613_000_000_000L, 1_385_337_613_000_000_000L);
        assertThat(new long[] {data.quantity(0), data.quantity(1), data.quantity(2)}).containsExactly(2, 0, 4);
    }

    @Test
    void turnsABarIntoFourPrices() throws Exception {
        ReplayData data = parse("date,open,high,low,close,volume\n2013-01-02,553.82,555.00,541.63,549.03,20018500\n",
                ReplayFormat.BARS);
        assertThat(new long[] {data.price(0), data.price(1), data.price(2), data.price(3)})
                .containsExactly(55_382, 55_500, 54_163, 54_903);
    }

    @Test
    void namesFileLineAndFieldOfAMalformedValue() {
        assertThatThrownBy(() -> parse("timestamp,price,amount\n1,1.00,1\n2,abc,1\n", ReplayFormat.TRADES))
                .isInstanceOf(ReplayException.class)
                .hasMessage("data.csv line 3, field 'price': 'abc' is not a decimal number");
        assertThatThrownBy(() -> parse("1,1.00,1\nx,1.00,1\n", ReplayFormat.TRADES))
                .hasMessage("data.csv line 2, field 'timestamp': 'x' is not a whole number of Unix seconds");
        assertThatThrownBy(() -> parse("5,1.00,1\n4,1.00,1\n", ReplayFormat.TRADES))
                .hasMessageStartingWith("data.csv line 2, field 'timestamp': '4' goes back in time");
        assertThatThrownBy(() -> parse("1,1.00\n", ReplayFormat.TRADES))
                .hasMessage("data.csv line 1: expected 3 fields (timestamp,price,amount), found 2");
        assertThatThrownBy(() -> parse("2013-01-02,10,9,8,9.5,100\n", ReplayFormat.BARS))
                .hasMessage("data.csv line 1, field 'high': '9' below open, low or close");
        assertThatThrownBy(() -> parse("2013-13-02,10,11,8,9.5,100\n", ReplayFormat.BARS))
                .hasMessage("data.csv line 1, field 'date': '2013-13-02' is not a date YYYY-MM-DD");
        assertThatThrownBy(() -> parse("2013-01-02,10,11,8,-9.5,100\n", ReplayFormat.BARS))
                .hasMessage("data.csv line 1, field 'close': '-9.5' is not positive");
        assertThatThrownBy(() -> parse("date,open,high,low,close,volume\n", ReplayFormat.BARS))
                .hasMessage("data.csv: no data lines");
    }

    @Test
    void loadsTheRealRecordings() {
        Path trades = TestData.bitstampTrades();
        Path bars = TestData.appleDailyBars2013();
        assertThat(ReplayData.load(trades, ReplayFormat.TRADES, AAPL).size()).isEqualTo(100_000);
        assertThat(ReplayData.load(bars, ReplayFormat.BARS, AAPL).size()).isEqualTo(252 * 4);
        assertThatThrownBy(() -> ReplayData.load(Path.of("/nonexistent/x.csv"), ReplayFormat.BARS, AAPL))
                .isInstanceOf(ReplayException.class).hasMessageContaining("/nonexistent/x.csv: cannot read");
    }
}
