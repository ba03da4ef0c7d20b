package io.alphintra.sdk.marketdata;

import static io.alphintra.sdk.testing.Fixtures.AAPL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.instrument.InstrumentId;

class MarketDataTest {

    /** A reused engine-style flyweight: the reason the SDK tells strategies to call toRecord(). */
    private static final class MutableTrade implements Trade {
        long price;
        long quantity;

        @Override
        public InstrumentId instrumentId() {
            return AAPL.id();
        }

        @Override
        public long price() {
            return price;
        }

        @Override
        public long quantity() {
            return quantity;
        }

        @Override
        public AggressorSide aggressor() {
            return AggressorSide.BUYER;
        }

        @Override
        public long eventTimeNanos() {
            return 1;
        }

        @Override
        public long receiveTimeNanos() {
            return 2;
        }
    }

    @Test
    void toRecordDetachesFromTheFlyweight() {
        MutableTrade flyweight = new MutableTrade();
        flyweight.price = 1012500;
        flyweight.quantity = 100;
        TradeRecord kept = flyweight.toRecord();
        flyweight.price = 1013000;
        flyweight.quantity = 5;
        assertThat(kept).isEqualTo(new TradeRecord(AAPL.id(), 1012500, 100, AggressorSide.BUYER, 1, 2));
        assertThat(kept.toRecord()).isSameAs(kept);
    }

    @Test
    void topOfBookWithOneSideAbsent() {
        TopOfBookRecord bidOnly = new TopOfBookRecord(AAPL.id(), 1012500, 300, 0, 0, 1, 2);
        assertThat(bidOnly.hasBid()).isTrue();
        assertThat(bidOnly.hasAsk()).isFalse();
        assertThatThrownBy(() -> new TopOfBookRecord(AAPL.id(), 1012500, 300, 1012600, 0, 1, 2))
                .hasMessage("askPrice = 1012600: must be 0 when askSize is 0 (no ask)");
        assertThatThrownBy(() -> new TopOfBookRecord(AAPL.id(), 1012500, -1, 0, 0, 1, 2))
                .hasMessage("bidSize = -1: must not be negative");
    }

    @Test
    void bookDeltaSizeZeroRemovesTheLevel() {
        OrderBookDeltaRecord removal = new OrderBookDeltaRecord(AAPL.id(), BookSide.BID, 1012500, 0, false, true, 1, 2);
        assertThat(removal.level()).isEqualTo(new BookLevel(BookSide.BID, 1012500, 0));
        assertThatThrownBy(() -> new OrderBookDeltaRecord(AAPL.id(), BookSide.ASK, 1, -3, false, true, 1, 2))
                .hasMessage("size = -3: must not be negative");
    }

    @Test
    void barsAreBoundedByHighAndLow() {
        BarSpec minute = BarSpec.time(Duration.ofMinutes(1));
        assertThat(minute).isEqualTo(new BarSpec(BarType.TIME, 60_000_000_000L));
        BarRecord bar = new BarRecord(AAPL.id(), minute, 100, 120, 90, 110, 5_000, 0, 60_000_000_000L);
        assertThat(bar.toRecord()).isSameAs(bar);
        assertThatThrownBy(() -> new BarRecord(AAPL.id(), minute, 100, 105, 90, 110, 5_000, 0, 1))
                .hasMessage("high = 105, low = 90: must bound open = 100 and close = 110");
        assertThatThrownBy(() -> new BarRecord(AAPL.id(), minute, 100, 120, 90, 110, 5_000, 5, 5))
                .hasMessage("endTimeNanos = 5: must be after startTimeNanos = 5");
        assertThatThrownBy(() -> new BarSpec(BarType.TICK, 0)).hasMessage("size = 0: must be positive");
    }
}
