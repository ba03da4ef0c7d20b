package io.alphintra.sdk.instrument;

import static io.alphintra.sdk.testing.Fixtures.US_EQUITY_TICKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.alphintra.sdk.instrument.TickTable.Band;

class TickTableTest {

    /** TSE-like table at scale 0: 1 yen to 3000, 5 to 5000, 10 to 30000, 50 above. */
    private static final TickTable TSE = TickTable.of(new Band(0, 1), new Band(3_000, 5), new Band(5_000, 10),
            new Band(30_000, 50));

    @ParameterizedTest
    @CsvSource({
        // below $1.00 (scale 4): every 0.0001 is valid
        "9999, true", "1, true", "5001, true",
        // from $1.00: cents only
        "10000, true", "10100, true", "10001, false", "10050, false", "1012500, true", "1012550, false",
        // zero is on the grid; whether it is a valid *order* price is the instrument's call
        "0, true", "-100, false"
    })
    void usEquityBands(long price, boolean onGrid) {
        assertThat(US_EQUITY_TICKS.isOnGrid(price)).isEqualTo(onGrid);
    }

    @ParameterizedTest
    @CsvSource({
        "2999, true, 1", "3000, true, 5", "3001, false, 5", "3005, true, 5", "4999, false, 5",
        "5000, true, 10", "5005, false, 10", "29990, true, 10", "30000, true, 50", "30010, false, 50", "30050, true, 50"
    })
    void tseBandsIncludingBoundaries(long price, boolean onGrid, long tick) {
        assertThat(TSE.isOnGrid(price)).isEqualTo(onGrid);
        assertThat(TSE.tickAt(price)).isEqualTo(tick);
    }

    @ParameterizedTest
    @CsvSource({"2999, 2999, 2999", "3001, 3000, 3005", "4998, 4995, 5000", "4999, 4995, 5000", "29995, 29990, 30000",
        "30001, 30000, 30050"})
    void floorAndCeilStayOnTheGridAcrossBands(long price, long floor, long ceil) {
        assertThat(TSE.floor(price)).isEqualTo(floor);
        assertThat(TSE.ceil(price)).isEqualTo(ceil);
        assertThat(TSE.isOnGrid(TSE.floor(price))).isTrue();
        assertThat(TSE.isOnGrid(TSE.ceil(price))).isTrue();
    }

    @Test
    void flatTableCoversNegativePrices() {
        TickTable quarterPoints = TickTable.flat(25);
        assertThat(quarterPoints.isFlat()).isTrue();
        assertThat(quarterPoints.isOnGrid(-75)).isTrue();
        assertThat(quarterPoints.isOnGrid(-80)).isFalse();
        assertThat(quarterPoints.floor(-80)).isEqualTo(-100);
        assertThat(quarterPoints.ceil(-80)).isEqualTo(-75);
        assertThat(quarterPoints.tickAt(Long.MIN_VALUE)).isEqualTo(25);
    }

    @Test
    void pricesBelowTheFirstBandAreOffTheGrid() {
        TickTable fromOne = TickTable.of(new Band(100, 1));
        assertThat(fromOne.isOnGrid(99)).isFalse();
        assertThat(fromOne.covers(99)).isFalse();
        assertThat(fromOne.ceil(5)).isEqualTo(100);
        assertThatThrownBy(() -> fromOne.tickAt(99)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("price = 99 units: below the first band of the tick table (starts at 100)");
        assertThatThrownBy(() -> fromOne.floor(99)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMalformedTables() {
        assertThatThrownBy(() -> TickTable.of(List.of()))
                .hasMessage("bands = []: a tick table needs at least one band");
        assertThatThrownBy(() -> TickTable.of(new Band(100, 1), new Band(100, 5)))
                .hasMessage("bands[1].fromPrice = 100: must be greater than bands[0].fromPrice = 100");
        assertThatThrownBy(() -> new Band(3_001, 5))
                .hasMessage("fromPrice = 3001: must be a multiple of its tick 5 so that the band starts on its own"
                        + " grid");
        assertThatThrownBy(() -> new Band(0, 0)).hasMessage("tick = 0: must be positive");
        assertThatThrownBy(() -> TickTable.flat(-1)).hasMessage("tick = -1: must be positive");
        assertThatThrownBy(() -> TickTable.of(new Band(Long.MIN_VALUE, 1), new Band(0, 5)))
                .hasMessageContaining("only a flat (single-band) table may be unbounded below");
    }

    @Test
    void valueSemantics() {
        assertThat(TickTable.of(new Band(0, 1), new Band(10_000, 100))).isEqualTo(US_EQUITY_TICKS)
                .hasSameHashCodeAs(US_EQUITY_TICKS);
        assertThat(US_EQUITY_TICKS.bands()).containsExactly(new Band(0, 1), new Band(10_000, 100));
        assertThat(US_EQUITY_TICKS.toString()).isEqualTo("TickTable[>=0: 1, >=10000: 100]");
    }
}
