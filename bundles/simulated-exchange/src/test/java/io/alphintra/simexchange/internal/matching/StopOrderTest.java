package io.alphintra.simexchange.internal.matching;

import static io.alphintra.simexchange.internal.matching.Side.BUY;
import static io.alphintra.simexchange.internal.matching.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StopOrderTest extends BookTestSupport {

    private void stop(long id, Side side, OrderType type, long price, long stopPrice, long quantity,
                      TimeInForce tif) {
        book.submit(id, id, side, type, tif, price, stopPrice, quantity, SelfTradePrevention.NONE);
    }

    @Test
    void buyStopWaitsOffBookAndBecomesAMarketOrderWhenTheLastPriceReachesIt() {
        sell(1, 1000, 10);
        sell(2, 1010, 30);
        sell(3, 1020, 30);
        stop(4, BUY, OrderType.STOP, 0, 1010, 40, TimeInForce.GTC);
        assertThat(book.bestBidPrice()).isZero();
        events.clear();

        buy(5, 1000, 10);

        assertThat(events.orderEvents()).containsExactly(
                "ACCEPTED 5",
                "TRADE maker=1 taker=5 BUY 10@1000 left=0/0 fees=1/2");
        events.clear();

        buy(6, 1010, 10);

        assertThat(events.orderEvents()).containsExactly(
                "ACCEPTED 6",
                "TRADE maker=2 taker=6 BUY 10@1010 left=20/0 fees=2/3",
                "TRIGGERED 4 at 1010",
                "TRADE maker=2 taker=4 BUY 20@1010 left=0/20 fees=3/5",
                "TRADE maker=3 taker=4 BUY 20@1020 left=10/0 fees=3/5");
    }

    @Test
    void sellStopLimitRestsItsUnfilledRestAtItsLimitPrice() {
        buy(1, 1000, 10);
        buy(2, 990, 10);
        stop(3, SELL, OrderType.STOP_LIMIT, 995, 1000, 30, TimeInForce.GTC);
        events.clear();

        sell(4, 1000, 10);

        assertThat(events.orderEvents()).containsExactly(
                "ACCEPTED 4",
                "TRADE maker=1 taker=4 SELL 10@1000 left=0/0 fees=1/2",
                "TRIGGERED 3 at 1000");
        assertThat(book.bestAskPrice()).isEqualTo(995);
        assertThat(book.bestAskQuantity()).isEqualTo(30);
    }

    @Test
    void noStopTriggersBeforeTheFirstTradeButOneAlreadyCrossedTriggersOnArrival() {
        buy(1, 1000, 50);
        stop(2, SELL, OrderType.STOP, 0, 1100, 10, TimeInForce.GTC);
        assertThat(events.ofKind("TRIGGERED")).isEmpty();
        assertThat(book.openQuantity(2)).isEqualTo(10);
        sell(3, 1000, 10);
        assertThat(events.ofKind("TRIGGERED")).containsExactly("TRIGGERED 2 at 1000");
        events.clear();

        stop(4, SELL, OrderType.STOP, 0, 1050, 10, TimeInForce.GTC);

        assertThat(events.orderEvents()).containsExactly(
                "ACCEPTED 4",
                "TRIGGERED 4 at 1000",
                "TRADE maker=1 taker=4 SELL 10@1000 left=20/0 fees=1/2");
    }

    @Test
    void triggeredStopsCascadeInTriggerOrder() {
        buy(1, 1000, 10);
        buy(2, 990, 10);
        buy(3, 980, 10);
        stop(4, SELL, OrderType.STOP, 0, 990, 10, TimeInForce.GTC);
        stop(5, SELL, OrderType.STOP, 0, 1000, 10, TimeInForce.GTC);
        events.clear();

        sell(6, 1000, 10);

        assertThat(events.orderEvents()).containsExactly(
                "ACCEPTED 6",
                "TRADE maker=1 taker=6 SELL 10@1000 left=0/0 fees=1/2",
                "TRIGGERED 5 at 1000",
                "TRADE maker=2 taker=5 SELL 10@990 left=0/0 fees=1/2",
                "TRIGGERED 4 at 990",
                "TRADE maker=3 taker=4 SELL 10@980 left=0/0 fees=1/2");
    }

    @Test
    void cancelledStopNeverTriggers() {
        sell(1, 1000, 20);
        stop(2, BUY, OrderType.STOP, 0, 1000, 10, TimeInForce.GTC);
        events.clear();

        book.cancel(2);
        buy(3, 1000, 10);

        assertThat(events.orderEvents()).containsExactly(
                "CANCELLED 2 10 REQUESTED",
                "ACCEPTED 3",
                "TRADE maker=1 taker=3 BUY 10@1000 left=10/0 fees=1/2");
    }

    @Test
    void endOfDayExpiresWaitingStopsThatAreNotGtc() {
        stop(1, BUY, OrderType.STOP, 0, 1100, 10, TimeInForce.GTC);
        stop(2, BUY, OrderType.STOP_LIMIT, 1100, 1100, 10, TimeInForce.DAY);
        stop(3, SELL, OrderType.STOP, 0, 900, 10, TimeInForce.IOC);
        events.clear();

        book.endOfDay();

        assertThat(events.events).containsExactly("EXPIRED 2 10", "EXPIRED 3 10");
        assertThat(book.openQuantity(1)).isEqualTo(10);
    }

    @Test
    void triggeredFokStopThatCannotFillIsCancelled() {
        buy(1, 1000, 20);
        buy(2, 990, 10);
        stop(3, SELL, OrderType.STOP, 0, 1000, 30, TimeInForce.FOK);
        events.clear();

        sell(4, 1000, 10);

        assertThat(events.orderEvents()).containsExactly(
                "ACCEPTED 4",
                "TRADE maker=1 taker=4 SELL 10@1000 left=10/0 fees=1/2",
                "TRIGGERED 3 at 1000",
                "CANCELLED 3 30 FOK_NOT_FILLABLE");
        assertThat(book.openQuantity(1)).isEqualTo(10);
    }

    @Test
    void triggeredMarketStopOnAnEmptySideIsCancelled() {
        sell(1, 1000, 10);
        stop(2, BUY, OrderType.STOP, 0, 1000, 10, TimeInForce.GTC);
        events.clear();

        buy(3, 1000, 10);

        assertThat(events.orderEvents()).containsExactly(
                "ACCEPTED 3",
                "TRADE maker=1 taker=3 BUY 10@1000 left=0/0 fees=1/2",
                "TRIGGERED 2 at 1000",
                "CANCELLED 2 10 UNFILLED_REMAINDER");
    }
}
