package io.alphintra.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.TradingCalendar;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.BarRecord;
import io.alphintra.sdk.marketdata.BarSpec;
import io.alphintra.sdk.marketdata.BarType;
import io.alphintra.sdk.marketdata.TradeRecord;

class BarAggregatorTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL", "XNAS");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final BarSpec ONE_MINUTE = BarSpec.time(Duration.ofMinutes(1));
    private static final BarSpec ONE_HOUR = BarSpec.time(Duration.ofHours(1));
    /** Monday to Friday 09:30-16:00 New York; 2024-07-04 is a holiday, 2024-07-03 closes at 13:00. */
    private static final TradingCalendar NYSE = TradingCalendar.weekly(NEW_YORK,
            TradingCalendar.sameEachDay(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 30),
                    LocalTime.of(16, 0)),
            Set.of(LocalDate.of(2024, 7, 4)), Map.of(LocalDate.of(2024, 7, 3), LocalTime.of(13, 0)));

    private final List<BarRecord> bars = new ArrayList<>();

    /** 2024-01-02 (a Tuesday) at {@code hh:mm:ss} UTC, epoch nanoseconds. */
    private static long utc(int hour, int minute, int second) {
        return nanos(ZonedDateTime.of(2024, 1, 2, hour, minute, second, 0, ZoneId.of("UTC")));
    }

    /** {@code date} at {@code hh:mm} New York time. */
    private static long ny(LocalDate date, int hour, int minute) {
        return nanos(ZonedDateTime.of(date, LocalTime.of(hour, minute), NEW_YORK));
    }

    private static long nanos(ZonedDateTime time) {
        Instant instant = time.toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private BarRecord bar(BarSpec spec, long open, long high, long low, long close, long volume, long start,
            long end) {
        return new BarRecord(AAPL, spec, open, high, low, close, volume, start, end);
    }

    @Test
    void oneMinuteBarsAreAlignedAndEmittedByTheFirstTradeOfTheNextMinute() {
        BarAggregator aggregator = BarAggregator.builder(AAPL, ONE_MINUTE).build(bars::add);
        aggregator.onTrade(10000, 1, utc(0, 0, 10));
        aggregator.onTrade(10500, 2, utc(0, 0, 30));
        aggregator.onTrade(9800, 1, utc(0, 0, 50));
        assertThat(bars).isEmpty();

        aggregator.onTrade(10100, 3, utc(0, 1, 5));
        assertThat(bars).containsExactly(bar(ONE_MINUTE, 10000, 10500, 9800, 9800, 4, utc(0, 0, 0), utc(0, 1, 0)));

        aggregator.flush();
        assertThat(bars).element(1).isEqualTo(bar(ONE_MINUTE, 10100, 10100, 10100, 10100, 3, utc(0, 1, 0),
                utc(0, 2, 0)));
    }

    @Test
    void aTradeExactlyOnTheBoundaryOpensTheNextBar() {
        BarAggregator aggregator = BarAggregator.builder(AAPL, ONE_MINUTE).build(bars::add);
        aggregator.onTrade(100, 1, utc(0, 0, 59) + 999_999_999L);
        aggregator.onTrade(101, 1, utc(0, 1, 0));
        assertThat(bars).containsExactly(bar(ONE_MINUTE, 100, 100, 100, 100, 1, utc(0, 0, 0), utc(0, 1, 0)));
    }

    @Test
    void anEmptyIntervalMakesNoBarAndTheFirstTradeAfterTheGapOpensANewOne() {
        BarAggregator aggregator = BarAggregator.builder(AAPL, ONE_MINUTE).build(bars::add);
        aggregator.onTrade(100, 1, utc(0, 0, 10));
        aggregator.onTrade(103, 2, utc(0, 3, 20));
        aggregator.flush();
        assertThat(bars).containsExactly(
                bar(ONE_MINUTE, 100, 100, 100, 100, 1, utc(0, 0, 0), utc(0, 1, 0)),
                bar(ONE_MINUTE, 103, 103, 103, 103, 2, utc(0, 3, 0), utc(0, 4, 0)));
    }

    @Test
    void emptyIntervalsCanBeFilledWithFlatBarsAtTheLastClose() {
        BarAggregator aggregator = BarAggregator.builder(AAPL, ONE_MINUTE).emitEmptyBars(true).build(bars::add);
        aggregator.onTrade(100, 1, utc(0, 0, 10));
        aggregator.onTrade(99, 1, utc(0, 0, 20));
        aggregator.onTrade(103, 2, utc(0, 3, 20));
        aggregator.flush();
        assertThat(bars).containsExactly(
                bar(ONE_MINUTE, 100, 100, 99, 99, 2, utc(0, 0, 0), utc(0, 1, 0)),
                bar(ONE_MINUTE, 99, 99, 99, 99, 0, utc(0, 1, 0), utc(0, 2, 0)),
                bar(ONE_MINUTE, 99, 99, 99, 99, 0, utc(0, 2, 0), utc(0, 3, 0)),
                bar(ONE_MINUTE, 103, 103, 103, 103, 2, utc(0, 3, 0), utc(0, 4, 0)));
    }

    @Test
    void advanceToPublishesABarWhenItsIntervalEndsWithoutWaitingForATrade() {
        BarAggregator aggregator = BarAggregator.builder(AAPL, ONE_MINUTE).emitEmptyBars(true).build(bars::add);
        aggregator.onTrade(100, 1, utc(0, 0, 10));
        aggregator.advanceTo(utc(0, 0, 59));
        assertThat(bars).isEmpty();
        aggregator.advanceTo(utc(0, 2, 30));
        assertThat(bars).containsExactly(
                bar(ONE_MINUTE, 100, 100, 100, 100, 1, utc(0, 0, 0), utc(0, 1, 0)),
                bar(ONE_MINUTE, 100, 100, 100, 100, 0, utc(0, 1, 0), utc(0, 2, 0)));
        // The minute 00:02 is still open: a trade in it makes a normal bar.
        aggregator.onTrade(105, 4, utc(0, 2, 40));
        aggregator.flush();
        assertThat(bars).last().isEqualTo(bar(ONE_MINUTE, 105, 105, 105, 105, 4, utc(0, 2, 0), utc(0, 3, 0)));
    }

    @Test
    void aTradeOlderThanAnEmittedBarIsDroppedAndCounted() {
        BarAggregator aggregator = BarAggregator.builder(AAPL, ONE_MINUTE).build(bars::add);
        aggregator.onTrade(100, 1, utc(0, 1, 10));
        aggregator.onTrade(101, 1, utc(0, 2, 10));
        aggregator.onTrade(50, 1, utc(0, 1, 30));
        aggregator.onTrade(51, 1, utc(0, 0, 30));
        aggregator.flush();
        assertThat(aggregator.lateTrades()).isEqualTo(2);
        assertThat(bars).extracting(BarRecord::low).containsExactly(100L, 101L);
    }

    @Test
    void hourlyBarsAlignToTheSessionOpenAndTheLastOneIsCutAtTheClose() {
        LocalDate tuesday = LocalDate.of(2024, 7, 2);
        LocalDate friday = LocalDate.of(2024, 7, 5);
        BarAggregator aggregator = BarAggregator.builder(AAPL, ONE_HOUR).calendar(NYSE).build(bars::add);
        aggregator.onTrade(20000, 10, ny(tuesday, 9, 45));
        aggregator.onTrade(20100, 10, ny(tuesday, 15, 50));
        aggregator.onTrade(20300, 5, ny(tuesday, 17, 0)); // after the close: dropped
        aggregator.onTrade(19900, 10, ny(friday, 10, 40)); // the 3rd closes early, the 4th is a holiday
        aggregator.flush();
        assertThat(aggregator.tradesOutsideSessions()).isEqualTo(1);
        assertThat(bars).containsExactly(
                bar(ONE_HOUR, 20000, 20000, 20000, 20000, 10, ny(tuesday, 9, 30), ny(tuesday, 10, 30)),
                bar(ONE_HOUR, 20100, 20100, 20100, 20100, 10, ny(tuesday, 15, 30), ny(tuesday, 16, 0)),
                bar(ONE_HOUR, 19900, 19900, 19900, 19900, 10, ny(friday, 10, 30), ny(friday, 11, 30)));
    }

    @Test
    void flatBarsStayInsideSessionsAndHonourHolidaysAndEarlyCloses() {
        LocalDate wednesday = LocalDate.of(2024, 7, 3); // closes at 13:00
        LocalDate friday = LocalDate.of(2024, 7, 5);
        BarAggregator aggregator = BarAggregator.builder(AAPL, ONE_HOUR).calendar(NYSE).emitEmptyBars(true)
                .build(bars::add);
        aggregator.onTrade(100, 1, ny(wednesday, 11, 0));
        aggregator.onTrade(102, 1, ny(friday, 10, 45));
        aggregator.flush();
        assertThat(bars).containsExactly(
                bar(ONE_HOUR, 100, 100, 100, 100, 1, ny(wednesday, 10, 30), ny(wednesday, 11, 30)),
                bar(ONE_HOUR, 100, 100, 100, 100, 0, ny(wednesday, 11, 30), ny(wednesday, 12, 30)),
                bar(ONE_HOUR, 100, 100, 100, 100, 0, ny(wednesday, 12, 30), ny(wednesday, 13, 0)),
                bar(ONE_HOUR, 100, 100, 100, 100, 0, ny(friday, 9, 30), ny(friday, 10, 30)),
                bar(ONE_HOUR, 102, 102, 102, 102, 1, ny(friday, 10, 30), ny(friday, 11, 30)));
    }

    @Test
    void aDailyBarIsTheSession() {
        LocalDate monday = LocalDate.of(2024, 7, 1);
        LocalDate tuesday = LocalDate.of(2024, 7, 2);
        BarSpec daily = BarSpec.time(Duration.ofDays(1));
        BarAggregator aggregator = BarAggregator.builder(AAPL, daily).calendar(NYSE).build(bars::add);
        aggregator.onTrade(100, 1, ny(monday, 9, 30));
        aggregator.onTrade(110, 1, ny(monday, 12, 0));
        aggregator.onTrade(95, 1, ny(monday, 15, 59));
        aggregator.onTrade(96, 1, ny(tuesday, 9, 31));
        assertThat(bars).containsExactly(bar(daily, 100, 110, 95, 95, 3, ny(monday, 9, 30), ny(monday, 16, 0)));
    }

    @Test
    void withoutACalendarDailyBarsAreLocalDaysEvenAcrossADaylightSavingChange() {
        BarSpec daily = BarSpec.time(Duration.ofDays(1));
        BarAggregator aggregator = BarAggregator.builder(AAPL, daily).timeZone(NEW_YORK).build(bars::add);
        LocalDate springForward = LocalDate.of(2024, 3, 10); // 23 hours long in New York
        aggregator.onTrade(100, 1, ny(springForward, 12, 0));
        aggregator.flush();
        assertThat(bars).singleElement().satisfies(bar -> {
            assertThat(bar.startTimeNanos()).isEqualTo(ny(springForward, 0, 0));
            assertThat(bar.endTimeNanos()).isEqualTo(ny(springForward.plusDays(1), 0, 0));
            assertThat(bar.endTimeNanos() - bar.startTimeNanos()).isEqualTo(Duration.ofHours(23).toNanos());
        });
    }

    @Test
    void tickBarsCloseEveryNTrades() {
        BarSpec twoTrades = new BarSpec(BarType.TICK, 2);
        BarAggregator aggregator = BarAggregator.builder(AAPL, twoTrades).build(bars::add);
        aggregator.onTrade(100, 1, 1_000);
        aggregator.onTrade(104, 2, 2_000);
        aggregator.onTrade(103, 3, 3_000);
        aggregator.onTrade(101, 4, 4_000);
        aggregator.onTrade(102, 5, 5_000);
        assertThat(bars).containsExactly(
                bar(twoTrades, 100, 104, 100, 104, 3, 1_000, 2_001),
                bar(twoTrades, 103, 103, 101, 101, 7, 3_000, 4_001));
        aggregator.flush();
        assertThat(bars).last().isEqualTo(bar(twoTrades, 102, 102, 102, 102, 5, 5_000, 5_001));
    }

    @Test
    void aVolumeBarOverflowIsSplitAcrossBars() {
        BarSpec tenUnits = new BarSpec(BarType.VOLUME, 10);
        BarAggregator aggregator = BarAggregator.builder(AAPL, tenUnits).build(bars::add);
        aggregator.onTrade(100, 4, 1_000);
        aggregator.onTrade(101, 8, 2_000); // 6 fill the first bar, 2 open the second
        aggregator.onTrade(99, 25, 3_000); // 8 fill the second, 10 make a third, 7 stay open
        assertThat(bars).containsExactly(
                bar(tenUnits, 100, 101, 100, 101, 10, 1_000, 2_001),
                bar(tenUnits, 101, 101, 99, 99, 10, 2_000, 3_001),
                bar(tenUnits, 99, 99, 99, 99, 10, 3_000, 3_001));
        aggregator.flush();
        assertThat(bars).last().isEqualTo(bar(tenUnits, 99, 99, 99, 99, 7, 3_000, 3_001));
        assertThat(bars).extracting(BarRecord::volume).containsExactly(10L, 10L, 10L, 7L);
    }

    @Test
    void aValueBarClosesAtTheTradeThatReachesTheNotional() {
        BarSpec fiveHundred = new BarSpec(BarType.VALUE, 500);
        BarAggregator aggregator = BarAggregator.builder(AAPL, fiveHundred).build(bars::add);
        aggregator.onTrade(100, 3, 1_000); // 300
        aggregator.onTrade(200, 1, 2_000); // 500: closes
        aggregator.onTrade(150, 2, 3_000); // 300
        aggregator.onTrade(100, 4, 4_000); // 700: closes with overshoot
        assertThat(bars).containsExactly(
                bar(fiveHundred, 100, 200, 100, 200, 4, 1_000, 2_001),
                bar(fiveHundred, 150, 150, 100, 100, 6, 3_000, 4_001));
    }

    @Test
    void activityBarsDoNotCrossASessionOrALongPause() {
        LocalDate monday = LocalDate.of(2024, 7, 1);
        BarSpec threeTrades = new BarSpec(BarType.TICK, 3);
        BarAggregator sessions = BarAggregator.builder(AAPL, threeTrades).calendar(NYSE).build(bars::add);
        sessions.onTrade(100, 1, ny(monday, 15, 58));
        sessions.onTrade(101, 1, ny(monday, 15, 59));
        sessions.onTrade(102, 1, ny(monday.plusDays(1), 9, 30));
        assertThat(bars).containsExactly(bar(threeTrades, 100, 101, 100, 101, 2, ny(monday, 15, 58),
                ny(monday, 15, 59) + 1));

        bars.clear();
        BarAggregator pauses = BarAggregator.builder(AAPL, threeTrades).maxGap(Duration.ofSeconds(10))
                .build(bars::add);
        pauses.onTrade(100, 1, utc(0, 0, 0));
        pauses.onTrade(101, 1, utc(0, 0, 10));
        pauses.onTrade(102, 1, utc(0, 0, 21));
        assertThat(bars).containsExactly(bar(threeTrades, 100, 101, 100, 101, 2, utc(0, 0, 0), utc(0, 0, 10) + 1));
    }

    @Test
    void rejectsOptionsThatDoNotApplyAndTradesOfAnotherInstrument() {
        assertThatThrownBy(() -> BarAggregator.builder(AAPL, new BarSpec(BarType.TICK, 5)).emitEmptyBars(true)
                .build(bars::add)).hasMessage("emitEmptyBars: only time bars have empty intervals, not TICK");
        assertThatThrownBy(() -> BarAggregator.builder(AAPL, ONE_MINUTE).maxGap(Duration.ofSeconds(1))
                .build(bars::add)).hasMessage("maxGap: time bars already break at every interval");
        BarAggregator aggregator = BarAggregator.builder(AAPL, ONE_MINUTE).build(bars::add);
        TradeRecord msft = new TradeRecord(InstrumentId.of("MSFT", "XNAS"), 100, 1, AggressorSide.BUYER, 0, 0);
        assertThatThrownBy(() -> aggregator.onTrade(msft))
                .hasMessage("trade of MSFT@XNAS given to the bar aggregator of AAPL@XNAS");
        assertThatThrownBy(() -> aggregator.onTrade(100, 0, 0)).hasMessage("quantity = 0: must be positive");
    }

    @Test
    void addingTradesToAnOpenBarAllocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        BarAggregator aggregator = BarAggregator.builder(AAPL, BarSpec.time(Duration.ofDays(1))).build(bars::add);
        TradeRecord trade = new TradeRecord(AAPL, 100, 1, AggressorSide.BUYER, utc(1, 0, 0), utc(1, 0, 0));
        for (int i = 0; i < 200_000; i++) { // warm up, so that the JIT has compiled the path
            aggregator.onTrade(trade);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000_000; i++) {
            aggregator.onTrade(trade);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // One allocation per trade would be at least 16 MB; allow for the measurement itself.
        assertThat(allocated).isLessThan(64 * 1024);
    }
}
