package io.alphintra.simexchange.internal.matching;

import static io.alphintra.simexchange.internal.matching.Side.BUY;
import static io.alphintra.simexchange.internal.matching.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchingTest extends BookTestSupport {

    @Test
    void nonCrossingLimitsRestAndSetTopOfBook() {
        buy(1, 995, 100);
        sell(2, 1005, 50);

        assertThat(events.events).containsExactly(
                "ACCEPTED 1", "LEVEL BUY 995 100 x1", "TOP 100@995 0@0",
                "ACCEPTED 2", "LEVEL SELL 1005 50 x1", "TOP 100@995 50@1005");
        assertThat(book.bestBidPrice()).isEqualTo(995);
        assertThat(book.bestAskQuantity()).isEqualTo(50);
    }

    @Test
    void betterPriceTradesFirstThenOlderOrderAtSamePrice() {
        sell(1, 1005, 10);
        sell(2, 1000, 10);
        sell(3, 1000, 10);
        events.clear();

        buy(9, 1005, 30);

        assertThat(events.ofKind("TRADE")).containsExactly(
                "TRADE maker=2 taker=9 BUY 10@1000 left=0/20 fees=1/2",
                "TRADE maker=3 taker=9 BUY 10@1000 left=0/10 fees=1/2",
                "TRADE maker=1 taker=9 BUY 10@1005 left=0/0 fees=2/3");
        assertThat(book.liveOrders()).isZero();
    }

    @Test
    void partiallyFilledMakerKeepsItsPlaceAtTheFrontOfTheQueue() {
        sell(1, 1000, 100);
        sell(2, 1000, 100);
        buy(9, 1000, 30);
        events.clear();

        buy(10, 1000, 80);

        assertThat(events.ofKind("TRADE")).containsExactly(
                "TRADE maker=1 taker=10 BUY 70@1000 left=0/10 fees=7/14",
                "TRADE maker=2 taker=10 BUY 10@1000 left=90/0 fees=1/2");
        assertThat(book.openQuantity(2)).isEqualTo(90);
    }

    @Test
    void partiallyFilledTakerRestsItsRemainderAtItsLimit() {
        sell(1, 1000, 40);
        events.clear();

        buy(2, 1005, 100);

        assertThat(events.events).containsExactly(
                "ACCEPTED 2",
                "TRADE maker=1 taker=2 BUY 40@1000 left=0/60 fees=4/8",
                "LEVEL SELL 1000 0 x0",
                "LEVEL BUY 1005 60 x1",
                "TOP 60@1005 0@0");
        assertThat(book.openQuantity(2)).isEqualTo(60);
        assertThat(book.lastTradePrice()).isEqualTo(1000);
    }

    @Test
    void marketOrderSweepsLevelsAndCancelsWhatIsLeft() {
        buy(1, 1000, 20);
        buy(2, 995, 30);
        events.clear();

        market(3, SELL, 100, TimeInForce.IOC);

        assertThat(events.orderEvents()).containsExactly(
                "ACCEPTED 3",
                "TRADE maker=1 taker=3 SELL 20@1000 left=0/80 fees=2/4",
                "TRADE maker=2 taker=3 SELL 30@995 left=0/50 fees=3/6",
                "CANCELLED 3 50 UNFILLED_REMAINDER");
        assertThat(book.bestBidPrice()).isZero();
        assertThat(book.liveOrders()).isZero();
    }

    @Test
    void marketOrderOnAnEmptySideIsRejected() {
        buy(1, 1000, 20);
        events.clear();

        market(2, BUY, 10, TimeInForce.IOC);

        assertThat(events.events).containsExactly("REJECTED 2 NO_LIQUIDITY");
    }

    @Test
    void cancelRemovesARestingOrderAndReportsItsOpenQuantity() {
        sell(1, 1000, 100);
        sell(2, 1000, 50);
        buy(3, 1000, 30);
        events.clear();

        book.cancel(1);

        assertThat(events.events).containsExactly(
                "CANCELLED 1 70 REQUESTED", "LEVEL SELL 1000 50 x1", "TOP 0@0 50@1000");
        assertThat(book.openQuantity(1)).isZero();
    }

    @Test
    void cancellingTheLastOrderOfALevelRemovesTheLevel() {
        buy(1, 1000, 10);
        buy(2, 995, 10);
        events.clear();

        book.cancel(1);

        assertThat(events.events).containsExactly(
                "CANCELLED 1 10 REQUESTED", "LEVEL BUY 1000 0 x0", "TOP 10@995 0@0");
    }

    @Test
    void cancelOfAnUnknownOrFinishedOrderIsRejected() {
        sell(1, 1000, 10);
        buy(2, 1000, 10);
        events.clear();

        book.cancel(1);
        book.cancel(42);

        assertThat(events.events).containsExactly("REJECTED 1 UNKNOWN_ORDER", "REJECTED 42 UNKNOWN_ORDER");
    }

    @Test
    void sweepReportsEachTouchedLevelOnceAfterTheTrades() {
        sell(1, 1000, 10);
        sell(2, 1000, 10);
        sell(3, 1005, 20);
        events.clear();

        buy(4, 1005, 30);

        assertThat(events.ofKind("LEVEL")).containsExactly(
                "LEVEL SELL 1000 0 x0", "LEVEL SELL 1005 10 x1");
        assertThat(events.events.get(events.events.size() - 1)).isEqualTo("TOP 0@0 10@1005");
    }
}
