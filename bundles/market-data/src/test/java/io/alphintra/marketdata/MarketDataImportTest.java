package io.alphintra.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.BarRecord;
import io.alphintra.sdk.marketdata.BarSpec;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.testdata.TestData;

class MarketDataImportTest {

    private static final InstrumentId BTC_USD = InstrumentId.of("BTC/USD", "BITSTAMP");
    private static final InstrumentId AAPL = InstrumentId.of("AAPL", "XNAS");
    private static final InstrumentId ETH_USD = InstrumentId.of("ETH/USD", "BINANCEUS");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final BarSpec DAILY = BarSpec.time(Duration.ofDays(1));
    private static final BarSpec FIVE_MINUTES = BarSpec.time(Duration.ofMinutes(5));

    private final List<TradeRecord> trades = new ArrayList<>();
    private final List<BarRecord> bars = new ArrayList<>();

    private static long seconds(long epochSecond) {
        return epochSecond * 1_000_000_000L;
    }

    private static long millis(long epochMilli) {
        return epochMilli * 1_000_000L;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static MarketDataImport.Builder btc() {
        return MarketDataImport.builder(BTC_USD, 2, 8);
    }

    private ImportReport trades(MarketDataImport importer, String csv) throws IOException {
        return importer.readTrades(new StringReader(csv), "trades.csv", trades::add);
    }

    @Test
    void readsTheHundredThousandBitstampTradesExactlyAndReportsTheEighteenZeroQuantityPrints() throws IOException {
        Path file = TestData.bitstampTrades();
        ImportReport report = btc().errorPolicy(ErrorPolicy.SKIP_AND_REPORT).build().readTrades(file, trades::add);

        long dataLines;
        try (Stream<String> lines = Files.lines(file)) {
            dataLines = lines.count() - 1;
        }
        assertThat(dataLines).isEqualTo(100_000);
        // The file holds 18 prints with amount 0, which are not trades (a trade's quantity is positive).
        assertThat(report.goodRecords()).isEqualTo(99_982);
        assertThat(report.errors()).hasSize(18).allSatisfy(error -> {
            assertThat(error.field()).isEqualTo("amount");
            assertThat(error.value()).isEqualTo("0.000000000000");
            assertThat(error.reason()).isEqualTo("must be positive");
        });
        assertThat(report.errors().get(0).message()).isEqualTo(
                "bitstamp_trades_from_20131125_usd.csv:1375: field 'amount' = '0.000000000000': must be positive");
        assertThat(trades).hasSize(99_982);
        // 1385337600,800.010000000000,0.100000000000
        assertThat(trades.get(0)).isEqualTo(new TradeRecord(BTC_USD, 80001, 10_000_000, AggressorSide.UNKNOWN,
                seconds(1385337600), seconds(1385337600)));
        // 1385337613,800.050000000000,0.278380490000
        assertThat(trades.get(1).quantity()).isEqualTo(27_838_049);
        // 1385913725,999.000000000000,1.292633100000 (the last line has no line break)
        assertThat(trades.get(99_981)).isEqualTo(new TradeRecord(BTC_USD, 99900, 129_263_310, AggressorSide.UNKNOWN,
                seconds(1385913725), seconds(1385913725)));
        assertThat(report).hasToString("bitstamp_trades_from_20131125_usd.csv: 99982 records, 18 bad lines");
    }

    @Test
    void theBitstampQuantitiesDoNotFitFewerThanEightDecimals() throws IOException {
        Path file = TestData.bitstampTrades();
        assertThatThrownBy(() -> MarketDataImport.builder(BTC_USD, 2, 6).build().readTrades(file, trades::add))
                .isInstanceOf(MarketDataImportException.class)
                .hasMessageStartingWith("bitstamp_trades_from_20131125_usd.csv:")
                .hasMessageEndingWith(": more than 6 decimal places");
    }

    @Test
    void readsTheAppleDailyBarsAsNewYorkDays() throws IOException {
        ImportReport report = MarketDataImport.builder(AAPL, 2, 0).timeZone(NEW_YORK).build()
                .readBars(TestData.appleDailyBars2013(), DAILY, bars::add);

        assertThat(report.goodRecords()).isEqualTo(252);
        assertThat(bars).hasSize(252);
        // 2013-01-02,553.82,555.00,541.63,549.03,20018500
        long start = nanos(LocalDate.of(2013, 1, 2).atStartOfDay(NEW_YORK).toInstant());
        long end = nanos(LocalDate.of(2013, 1, 3).atStartOfDay(NEW_YORK).toInstant());
        assertThat(bars.get(0)).isEqualTo(new BarRecord(AAPL, DAILY, 55382, 55500, 54163, 54903, 20_018_500, start,
                end));
        // 2013-12-31,554.17,561.28,554.00,561.02,7967300
        assertThat(bars.get(251)).isEqualTo(new BarRecord(AAPL, DAILY, 55417, 56128, 55400, 56102, 7_967_300,
                nanos(LocalDate.of(2013, 12, 31).atStartOfDay(NEW_YORK).toInstant()),
                nanos(LocalDate.of(2014, 1, 1).atStartOfDay(NEW_YORK).toInstant())));
    }

    @Test
    void aLocalDateWithoutAConfiguredZoneIsAnError() {
        assertThatThrownBy(() -> MarketDataImport.builder(AAPL, 2, 0).build()
                .readBars(TestData.appleDailyBars2013(), DAILY, bars::add))
                .hasMessage("appleinc_bars_from_20130101_usd.csv:2: field 'date' = '2013-01-02': a local date or "
                        + "time, but no time zone is configured for the import");
    }

    @Test
    void readsTheEthFiveMinuteJsonBars() throws IOException {
        ImportReport report = MarketDataImport.builder(ETH_USD, 2, 8).build()
                .readJsonBars(TestData.ethFiveMinuteBars(), FIVE_MINUTES, bars::add);

        assertThat(report.goodRecords()).isEqualTo(580);
        assertThat(report.errors()).isEmpty();
        assertThat(bars).hasSize(580);
        // "endTime": 1678730699999, 1673.58, 1677.62, 1672.44, 1672.99, "volume": 65.3033: the bar 18:00-18:05 UTC
        assertThat(bars.get(0)).isEqualTo(new BarRecord(ETH_USD, FIVE_MINUTES, 167358, 167762, 167244, 167299,
                6_530_330_000L, millis(1678730400000L), millis(1678730700000L)));
        // the last: 1678904399999, 1625.59, 1631.73, 1624.2, 1629.52, 419.89
        assertThat(bars.get(579)).isEqualTo(new BarRecord(ETH_USD, FIVE_MINUTES, 162559, 163173, 162420, 162952,
                41_989_000_000L, millis(1678904100000L), millis(1678904400000L)));
        assertThat(bars).allSatisfy(bar -> assertThat(bar.endTimeNanos() - bar.startTimeNanos())
                .isEqualTo(Duration.ofMinutes(5).toNanos()));
    }

    @Test
    void stopPolicyThrowsAtTheFirstMalformedLineWithFileLineAndField() {
        String csv = "timestamp,price,amount\n"
                + "1385337600,800.01,0.1\n"
                + "1385337613,80O.1,0.5\n"
                + "1385337614,800.10,x\n";
        assertThatThrownBy(() -> trades(btc().build(), csv))
                .isInstanceOf(MarketDataImportException.class)
                .hasMessage("trades.csv:3: field 'price' = '80O.1': not a decimal number")
                .extracting(e -> ((MarketDataImportException) e).error())
                .isEqualTo(new ImportError("trades.csv", 3, "price", "80O.1", "not a decimal number"));
        assertThat(trades).hasSize(1);
    }

    @Test
    void skipPolicyReportsEveryBadLineAndKeepsTheGoodOnes() throws IOException {
        String csv = "timestamp,price,amount\n"
                + "1385337600,800.01,0.1\n"
                + "1385337613,80O.1,0.5\n"
                + "1385337614,800.123,0.5\n"
                + "1385337615,800.10\n"
                + "\n"
                + "yesterday,800.10,0.5\n"
                + "1385337616,800.10,0\n"
                + "1385337617,800.10,123456789012.5\n"
                + "1385337618,-800.10,0.00000001\n";
        ImportReport report = trades(btc().errorPolicy(ErrorPolicy.SKIP_AND_REPORT).build(), csv);

        assertThat(report.goodRecords()).isEqualTo(2);
        assertThat(trades).extracting(TradeRecord::price).containsExactly(80001L, -80010L);
        assertThat(report.errors()).extracting(ImportError::message).containsExactly(
                "trades.csv:3: field 'price' = '80O.1': not a decimal number",
                "trades.csv:4: field 'price' = '800.123': more than 2 decimal places",
                "trades.csv:5: 2 fields, but the header has 3",
                "trades.csv:7: field 'timestamp' = 'yesterday': not a timestamp (expected Unix seconds, millis, "
                        + "micros or nanos, or ISO-8601)",
                "trades.csv:8: field 'amount' = '0': must be positive",
                "trades.csv:9: field 'amount' = '123456789012.5': out of range at scale 8");
        assertThat(report).hasToString("trades.csv: 2 records, 6 bad lines");
    }

    @Test
    void excessDecimalsAreRoundedOnlyWhenAsked() throws IOException {
        String csv = "timestamp,price,amount\n1,800.125,0.5\n2,800.135,0.5\n3,-800.125,0.5\n";
        trades(btc().rounding(RoundingMode.HALF_EVEN).build(), csv);
        assertThat(trades).extracting(TradeRecord::price).containsExactly(80012L, 80014L, -80012L);
        trades.clear();
        trades(btc().rounding(RoundingMode.HALF_UP).build(), csv);
        assertThat(trades).extracting(TradeRecord::price).containsExactly(80013L, 80014L, -80013L);
        trades.clear();
        trades(btc().rounding(RoundingMode.FLOOR).build(), csv);
        assertThat(trades).extracting(TradeRecord::price).containsExactly(80012L, 80013L, -80013L);
    }

    @Test
    void readsOtherLayoutsDelimitersAndTimestampFormats() throws IOException {
        MarketDataImport importer = btc().timeZone(ZoneId.of("Europe/Berlin")).build();
        long expected = seconds(1385337600);
        trades(importer, "Time;Price;Qty\n1385337600000;800.01;0.1\n");
        trades(importer, "ts\tpx\tsize\n1385337600000000000\t800.01\t0.1\n");
        trades(importer, "\"date\",\"price\",\"quantity\"\n\"2013-11-25T00:00:00Z\",\"800.01\",\"0.1\"\n");
        trades(importer, "datetime,price,volume\n2013-11-25T01:00:00+01:00,800.01,1E-1\n");
        trades(importer, "date,time,price,amount\n2013-11-25,01:00:00,800.01,0.1\n");
        trades(importer, "timestamp,price,amount\r\n2013-11-25 01:00:00,800.01,0.1\r\n");
        trades(importer, "timestamp,price,amount\n1385337600.000000000,800.01,0.1\n");
        assertThat(trades).hasSize(7).allSatisfy(trade -> {
            assertThat(trade.eventTimeNanos()).isEqualTo(expected);
            assertThat(trade.price()).isEqualTo(80001);
            assertThat(trade.quantity()).isEqualTo(10_000_000);
        });
    }

    @Test
    void aPinnedTimestampFormatAndTheAggressorSideAreRead() throws IOException {
        MarketDataImport importer = btc().timestampFormat(TimestampFormat.UNIX_MILLIS).build();
        trades(importer, "timestamp,price,amount,side\n1000,1,1,buy\n1000.5,1,1,SELL\n2,1,1,\n");
        assertThat(trades).extracting(TradeRecord::eventTimeNanos).containsExactly(1_000_000_000L, 1_000_500_000L,
                2_000_000L);
        assertThat(trades).extracting(TradeRecord::aggressor).containsExactly(AggressorSide.BUYER,
                AggressorSide.SELLER, AggressorSide.UNKNOWN);
    }

    @Test
    void aHeaderWithoutARequiredColumnStopsWhateverThePolicy() {
        assertThatThrownBy(() -> trades(btc().errorPolicy(ErrorPolicy.SKIP_AND_REPORT).build(),
                "timestamp,last,amount\n1,800.01,0.1\n"))
                .hasMessage("trades.csv:1: no price column; expected one named price, px, tradeprice, rate");
        assertThatThrownBy(() -> trades(btc().build(), "\n\n"))
                .hasMessage("trades.csv:3: empty file: expected a header line naming the columns");
    }

    @Test
    void badBarsAreReportedByField() throws IOException {
        String csv = "date,open,high,low,close,volume\n"
                + "2013-01-02,553.82,555.00,541.63,549.03,20018500\n"
                + "2013-01-03,547.88,540.00,541.00,542.10,12605900\n"
                + "2013-01-04,536.97,538.63,537.00,527.00,21226200\n"
                + "2013-01-07,522.00,529.30,515.20,523.90,-5\n"
                + "2013-01-08,522.00,529.30,515.20,523.90\n";
        ImportReport report = MarketDataImport.builder(AAPL, 2, 0).timeZone(NEW_YORK)
                .errorPolicy(ErrorPolicy.SKIP_AND_REPORT).build()
                .readBars(new StringReader(csv), "aapl.csv", DAILY, bars::add);
        assertThat(report.goodRecords()).isEqualTo(1);
        assertThat(report.errors()).extracting(ImportError::message).containsExactly(
                "aapl.csv:3: field 'high' = '540.00': below open, low or close",
                "aapl.csv:4: field 'low' = '537.00': above open or close",
                "aapl.csv:5: field 'volume' = '-5': must not be negative",
                "aapl.csv:6: 5 fields, but the header has 6");
    }

    @Test
    void jsonErrorsNameTheLineOfTheMember() throws IOException {
        String json = "{\n  \"name\": \"x\",\n  \"ohlc\": [\n"
                + "    {\"endTime\": 1678730699999, \"openPrice\": 1673.58, \"highPrice\": 1677.62,\n"
                + "     \"lowPrice\": 1672.44, \"closePrice\": 1672.99, \"volume\": 65.3033},\n"
                + "    {\"endTime\": 1678730999999, \"openPrice\": 1673.04, \"highPrice\": 1673.04,\n"
                + "     \"lowPrice\": \"1665.4x\", \"closePrice\": 1670.41, \"volume\": 147.3332},\n"
                + "    {\"endTime\": 1678731299999, \"openPrice\": 1669.44, \"highPrice\": 1677.11,\n"
                + "     \"lowPrice\": 1669.44, \"closePrice\": 1675.12, \"volume\": 88.4547}\n"
                + "  ]\n}\n";
        MarketDataImport importer = MarketDataImport.builder(ETH_USD, 2, 8)
                .errorPolicy(ErrorPolicy.SKIP_AND_REPORT).build();
        ImportReport report = importer.readJsonBars(new StringReader(json), "eth.json", FIVE_MINUTES, bars::add);
        assertThat(report.goodRecords()).isEqualTo(2);
        assertThat(report.errors()).extracting(ImportError::message)
                .containsExactly("eth.json:7: field 'lowPrice' = '1665.4x': not a decimal number");

        assertThatThrownBy(() -> importer.readJsonBars(new StringReader("{\"ohlc\": [\n{\"open\": 1,,}]}"),
                "broken.json", FIVE_MINUTES, bars::add))
                .isInstanceOf(MarketDataImportException.class)
                .hasMessage("broken.json:2: malformed JSON: expected a member name");
    }
}
