package io.alphintra.simexchange.internal.matching;

import static io.alphintra.simexchange.internal.matching.Side.BUY;
import static io.alphintra.simexchange.internal.matching.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplaceTest extends BookTestSupport {

    @Test
    void reducingQuantityAtTheSamePriceKeepsPriority() {
        sell(1, 1000, 50);
        sell(2, 1000, 50);
        events.clear();

        book.replace(1, 1000, 20);
        buy(3, 1000, 30);

        assertThat(events.orderEvents()).containsExactly(
                "REPLACED 1 20@1000 kept",
                "ACCEPTED 3",
                "TRADE maker=1 taker=3 BUY 20@1000 left=0/10 fees=2/4",
                "TRADE maker=2 taker=3 BUY 10@1000 left=40/0 fees=1/2");
    }

    @Test
    void reducingAPartlyFilledOrderChangesItsOpenQuantity() {
        sell(1, 1000, 50);
        buy(2, 1000, 20);
        events.clear();

        book.replace(1, 1000, 10);

        assertThat(events.events).containsExactly(
                "REPLACED 1 10@1000 kept", "LEVEL SELL 1000 10 x1", "TOP 0@0 10@1000");
        assertThat(book.openQuantity(1)).isEqualTo(10);
    }

    @Test
    void increasingQuantityLosesPriority() {
        sell(1, 1000, 50);
        sell(2, 1000, 50);
        events.clear();

        book.replace(1, 1000, 60);
        buy(3, 1000, 30);

        assertThat(events.ofKind("REPLACED")).containsExactly("REPLACED 1 60@1000 lost");
        assertThat(events.ofKind("TRADE")).containsExactly(
                "TRADE maker=2 taker=3 BUY 30@1000 left=20/0 fees=3/6");
        assertThat(book.bestAskQuantity()).isEqualTo(80);
    }

    @Test
    void changingPriceLosesPriorityEvenWhenMovingBack() {
        sell(1, 1000, 50);
        sell(2, 1000, 50);
        book.replace(1, 1005, 50);
        book.replace(1, 1000, 50);
        events.clear();

        buy(3, 1000, 60);

        assertThat(events.ofKind("TRADE")).containsExactly(
                "TRADE maker=2 taker=3 BUY 50@1000 left=0/10 fees=5/10",
                "TRADE maker=1 taker=3 BUY 10@1000 left=40/0 fees=1/2");
    }

    @Test
    void aReplaceThatCrossesTradesAsTakerAndRestsTheRest() {
        buy(1, 990, 50);
        sell(2, 1000, 20);
        events.clear();

        book.replace(1, 1000, 50);

        assertThat(events.events).containsExactly(
                "REPLACED 1 50@1000 lost",
                "TRADE maker=2 taker=1 BUY 20@1000 left=0/30 fees=2/4",
                "LEVEL BUY 990 0 x0",
                "LEVEL SELL 1000 0 x0",
                "LEVEL BUY 1000 30 x1",
                "TOP 30@1000 0@0");
    }

    @Test
    void invalidReplacesAreRejectedAndChangeNothing() {
        sell(1, 1000, 50);
        book.submit(2, 2, BUY, OrderType.STOP, TimeInForce.GTC, 0, 1100, 10, SelfTradePrevention.NONE);
        events.clear();

        book.replace(9, 1000, 10);
        book.replace(1, 1001, 10);
        book.replace(1, 1000, 15);
        book.replace(1, 1000, 0);
        book.replace(2, 1000, 10);

        assertThat(events.events).containsExactly(
                "REJECTED 9 UNKNOWN_ORDER",
                "REJECTED 1 INVALID_PRICE",
                "REJECTED 1 INVALID_QUANTITY",
                "REJECTED 1 INVALID_QUANTITY",
                "REJECTED 2 ORDER_NOT_REPLACEABLE");
        assertThat(book.openQuantity(1)).isEqualTo(50);
    }

    @Test
    void replacedOrderKeepsItsSideAndOwnerForSelfTradePrevention() {
        limit(1, 7, SELL, 1000, 20, TimeInForce.GTC);
        limit(2, 7, BUY, 990, 20, TimeInForce.GTC, SelfTradePrevention.CANCEL_INCOMING);
        events.clear();

        book.replace(2, 1000, 20);

        assertThat(events.orderEvents()).containsExactly(
                "REPLACED 2 20@1000 lost", "CANCELLED 2 20 SELF_TRADE_PREVENTION");
        assertThat(book.openQuantity(1)).isEqualTo(20);
    }
}
