package io.alphintra.simexchange.internal.matching;

import static io.alphintra.simexchange.internal.matching.Side.BUY;
import static io.alphintra.simexchange.internal.matching.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Owner 7 rests a sell behind another owner's sell; owner 7 then buys through both. */
class SelfTradePreventionTest extends BookTestSupport {

    private void restTwoSells() {
        limit(1, 5, SELL, 1000, 20, TimeInForce.GTC);
        limit(2, 7, SELL, 1000, 20, TimeInForce.GTC);
        limit(3, 5, SELL, 1005, 20, TimeInForce.GTC);
        events.clear();
    }

    private void ownerSevenBuys(SelfTradePrevention mode) {
        limit(10, 7, BUY, 1005, 50, TimeInForce.GTC, mode);
    }

    @Test
    void noneLetsTheOwnerTradeWithItself() {
        restTwoSells();

        ownerSevenBuys(SelfTradePrevention.NONE);

        assertThat(events.ofKind("TRADE")).containsExactly(
                "TRADE maker=1 taker=10 BUY 20@1000 left=0/30 fees=2/4",
                "TRADE maker=2 taker=10 BUY 20@1000 left=0/10 fees=2/4",
                "TRADE maker=3 taker=10 BUY 10@1005 left=10/0 fees=2/3");
    }

    @Test
    void cancelRestingRemovesTheOwnOrderAndGoesOnMatching() {
        restTwoSells();

        ownerSevenBuys(SelfTradePrevention.CANCEL_RESTING);

        assertThat(events.orderEvents()).containsExactly(
                "ACCEPTED 10",
                "TRADE maker=1 taker=10 BUY 20@1000 left=0/30 fees=2/4",
                "CANCELLED 2 20 SELF_TRADE_PREVENTION",
                "TRADE maker=3 taker=10 BUY 20@1005 left=0/10 fees=3/5");
        assertThat(book.bestBidPrice()).isEqualTo(1005);
        assertThat(book.bestBidQuantity()).isEqualTo(10);
    }

    @Test
    void cancelIncomingStopsAtTheOwnOrderAndLeavesItResting() {
        restTwoSells();

        ownerSevenBuys(SelfTradePrevention.CANCEL_INCOMING);

        assertThat(events.orderEvents()).containsExactly(
                "ACCEPTED 10",
                "TRADE maker=1 taker=10 BUY 20@1000 left=0/30 fees=2/4",
                "CANCELLED 10 30 SELF_TRADE_PREVENTION");
        assertThat(book.openQuantity(2)).isEqualTo(20);
        assertThat(book.bestBidPrice()).isZero();
    }

    @Test
    void cancelBothRemovesTheOwnOrderAndTheRestOfTheIncoming() {
        restTwoSells();

        ownerSevenBuys(SelfTradePrevention.CANCEL_BOTH);

        assertThat(events.orderEvents()).containsExactly(
                "ACCEPTED 10",
                "TRADE maker=1 taker=10 BUY 20@1000 left=0/30 fees=2/4",
                "CANCELLED 2 20 SELF_TRADE_PREVENTION",
                "CANCELLED 10 30 SELF_TRADE_PREVENTION");
        assertThat(book.openQuantity(3)).isEqualTo(20);
        assertThat(book.liveOrders()).isEqualTo(1);
    }

    @Test
    void fokCountsOnlyWhatSelfTradePreventionWouldLetItTrade() {
        restTwoSells();

        limit(10, 7, BUY, 1005, 50, TimeInForce.FOK, SelfTradePrevention.CANCEL_INCOMING);
        limit(11, 7, BUY, 1005, 40, TimeInForce.FOK, SelfTradePrevention.CANCEL_RESTING);

        assertThat(events.orderEvents()).containsExactly(
                "REJECTED 10 FOK_NOT_FILLABLE",
                "ACCEPTED 11",
                "TRADE maker=1 taker=11 BUY 20@1000 left=0/20 fees=2/4",
                "CANCELLED 2 20 SELF_TRADE_PREVENTION",
                "TRADE maker=3 taker=11 BUY 20@1005 left=0/0 fees=3/5");
    }

    @Test
    void resolvedByTheIncomingOrdersModeNotTheResting() {
        limit(1, 7, SELL, 1000, 20, TimeInForce.GTC, SelfTradePrevention.CANCEL_BOTH);
        events.clear();

        limit(2, 7, BUY, 1000, 20, TimeInForce.GTC, SelfTradePrevention.NONE);

        assertThat(events.ofKind("TRADE")).containsExactly(
                "TRADE maker=1 taker=2 BUY 20@1000 left=0/0 fees=2/4");
    }
}
