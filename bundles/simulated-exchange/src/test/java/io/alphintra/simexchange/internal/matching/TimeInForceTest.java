package io.alphintra.simexchange.internal.matching;

import static io.alphintra.simexchange.internal.matching.Side.BUY;
import static io.alphintra.simexchange.internal.matching.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeInForceTest extends BookTestSupport {

    @Test
    void iocTradesWhatItCanAndCancelsTheRest() {
        sell(1, 1000, 30);
        sell(2, 1010, 30);
        events.clear();

        limit(3, 3, BUY, 1005, 50, TimeInForce.IOC);

        assertThat(events.orderEvents()).containsExactly(
                "ACCEPTED 3",
                "TRADE maker=1 taker=3 BUY 30@1000 left=0/20 fees=3/6",
                "CANCELLED 3 20 UNFILLED_REMAINDER");
        assertThat(book.bestBidPrice()).isZero();
        assertThat(book.openQuantity(2)).isEqualTo(30);
    }

    @Test
    void fokThatCannotFillCompletelyIsRejectedBeforeAnyFill() {
        sell(1, 1000, 30);
        sell(2, 1010, 30);
        events.clear();

        limit(3, 3, BUY, 1005, 40, TimeInForce.FOK);

        assertThat(events.events).containsExactly("REJECTED 3 FOK_NOT_FILLABLE");
        assertThat(book.openQuantity(1)).isEqualTo(30);
    }

    @Test
    void fokFillsAcrossLevelsWhenEnoughIsAvailableWithinItsLimit() {
        sell(1, 1000, 30);
        sell(2, 1010, 30);
        events.clear();

        limit(3, 3, BUY, 1010, 40, TimeInForce.FOK);

        assertThat(events.ofKind("TRADE")).containsExactly(
                "TRADE maker=1 taker=3 BUY 30@1000 left=0/10 fees=3/6",
                "TRADE maker=2 taker=3 BUY 10@1010 left=20/0 fees=2/3");
        assertThat(book.liveOrders()).isEqualTo(1);
    }

    @Test
    void fokMarketOrderNeedsTheWholeQuantityOnTheOtherSide() {
        buy(1, 1000, 30);
        events.clear();

        market(2, SELL, 40, TimeInForce.FOK);
        market(3, SELL, 30, TimeInForce.FOK);

        assertThat(events.orderEvents()).containsExactly(
                "REJECTED 2 FOK_NOT_FILLABLE",
                "ACCEPTED 3",
                "TRADE maker=1 taker=3 SELL 30@1000 left=0/0 fees=3/6");
    }

    @Test
    void endOfDayExpiresDayOrdersIncludingPartlyFilledOnesAndKeepsGtc() {
        limit(1, 1, SELL, 1000, 50, TimeInForce.DAY);
        limit(2, 2, SELL, 1000, 20, TimeInForce.GTC);
        limit(3, 3, BUY, 990, 20, TimeInForce.DAY);
        buy(4, 1000, 10);
        events.clear();

        book.endOfDay();

        assertThat(events.events).containsExactly(
                "EXPIRED 3 20",
                "EXPIRED 1 40",
                "LEVEL BUY 990 0 x0",
                "LEVEL SELL 1000 20 x1",
                "TOP 0@0 20@1000");
        assertThat(book.openQuantity(2)).isEqualTo(20);
        assertThat(book.liveOrders()).isEqualTo(1);
    }

    @Test
    void marketOrdersMustBeIocOrFok() {
        buy(1, 1000, 30);
        events.clear();

        market(2, SELL, 10, TimeInForce.DAY);
        market(3, SELL, 10, TimeInForce.GTC);

        assertThat(events.events).containsExactly(
                "REJECTED 2 INVALID_TIME_IN_FORCE", "REJECTED 3 INVALID_TIME_IN_FORCE");
    }
}
