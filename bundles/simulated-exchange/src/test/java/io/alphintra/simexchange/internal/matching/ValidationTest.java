package io.alphintra.simexchange.internal.matching;

import static io.alphintra.simexchange.internal.matching.Side.BUY;
import static io.alphintra.simexchange.internal.matching.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValidationTest extends BookTestSupport {

    private void submit(long id, OrderType type, long price, long stopPrice, long quantity) {
        book.submit(id, id, BUY, type, TimeInForce.GTC, price, stopPrice, quantity, SelfTradePrevention.NONE);
    }

    @Test
    void pricesMustBePositiveTickMultiplesWithinTheMaximum() {
        submit(1, OrderType.LIMIT, 1001, 0, 10);
        submit(2, OrderType.LIMIT, 0, 0, 10);
        submit(3, OrderType.LIMIT, -5, 0, 10);
        submit(4, OrderType.LIMIT, 1_000_005, 0, 10);
        submit(5, OrderType.STOP_LIMIT, 1003, 1000, 10);

        assertThat(events.events).containsExactly(
                "REJECTED 1 INVALID_PRICE", "REJECTED 2 INVALID_PRICE", "REJECTED 3 INVALID_PRICE",
                "REJECTED 4 INVALID_PRICE", "REJECTED 5 INVALID_PRICE");
        assertThat(book.liveOrders()).isZero();
    }

    @Test
    void marketAndStopOrdersCarryNoLimitPrice() {
        sell(1, 1000, 10);
        events.clear();

        book.submit(2, 2, BUY, OrderType.MARKET, TimeInForce.IOC, 1000, 0, 10, SelfTradePrevention.NONE);
        submit(3, OrderType.STOP, 1000, 1000, 10);

        assertThat(events.events).containsExactly("REJECTED 2 INVALID_PRICE", "REJECTED 3 INVALID_PRICE");
    }

    @Test
    void stopPricesAreRequiredOnStopsOnlyAndMustBeValidPrices() {
        submit(1, OrderType.STOP, 0, 0, 10);
        submit(2, OrderType.STOP, 0, 1002, 10);
        submit(3, OrderType.LIMIT, 1000, 1000, 10);

        assertThat(events.events).containsExactly(
                "REJECTED 1 INVALID_STOP_PRICE", "REJECTED 2 INVALID_STOP_PRICE", "REJECTED 3 INVALID_STOP_PRICE");
    }

    @Test
    void quantitiesMustBeLotMultiplesBetweenMinimumAndMaximum() {
        BookConfig config = new BookConfig(5, 10, 20, 1_000_000, 1_000, 0, 0, 1);
        OrderBook strict = new OrderBook(config, events, 16);

        strict.submit(1, 1, SELL, OrderType.LIMIT, TimeInForce.GTC, 1000, 0, 15, SelfTradePrevention.NONE);
        strict.submit(2, 2, SELL, OrderType.LIMIT, TimeInForce.GTC, 1000, 0, 10, SelfTradePrevention.NONE);
        strict.submit(3, 3, SELL, OrderType.LIMIT, TimeInForce.GTC, 1000, 0, 0, SelfTradePrevention.NONE);
        strict.submit(4, 4, SELL, OrderType.LIMIT, TimeInForce.GTC, 1000, 0, 1_010, SelfTradePrevention.NONE);
        strict.submit(5, 5, SELL, OrderType.LIMIT, TimeInForce.GTC, 1000, 0, 20, SelfTradePrevention.NONE);

        assertThat(events.events).containsExactly(
                "REJECTED 1 INVALID_QUANTITY", "REJECTED 2 INVALID_QUANTITY", "REJECTED 3 INVALID_QUANTITY",
                "REJECTED 4 INVALID_QUANTITY", "ACCEPTED 5", "LEVEL SELL 1000 20 x1", "TOP 0@0 20@1000");
    }

    @Test
    void idsMustBeUniqueAmongLiveOrdersButMayBeReusedOnceGone() {
        sell(1, 1000, 10);
        events.clear();

        sell(1, 1005, 10);
        buy(2, 1000, 10);
        sell(1, 1005, 10);

        assertThat(events.orderEvents()).containsExactly(
                "REJECTED 1 DUPLICATE_ORDER_ID",
                "ACCEPTED 2",
                "TRADE maker=1 taker=2 BUY 10@1000 left=0/0 fees=1/2",
                "ACCEPTED 1");
    }

    @Test
    void configurationsWhoseLargestNotionalOverflowsAreRefused() {
        assertThatThrownBy(() -> new BookConfig(1, 1, 1, 1L << 32, 1L << 31, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflows");
        assertThatThrownBy(() -> new BookConfig(1, 1, 1, Long.MAX_VALUE, 1, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflows");
        assertThatThrownBy(() -> new BookConfig(1, 1, 1, 100, 100, 0, 100_001, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takerFeeRate");
        assertThat(new BookConfig(1, 1, 1, 1L << 31, 1L << 31, 0, 0, 1).maxNotional()).isEqualTo(1L << 62);
    }
}
