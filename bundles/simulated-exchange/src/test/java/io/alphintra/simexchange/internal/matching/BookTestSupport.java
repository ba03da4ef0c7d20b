package io.alphintra.simexchange.internal.matching;

import static io.alphintra.simexchange.internal.matching.Side.BUY;
import static io.alphintra.simexchange.internal.matching.Side.SELL;

/** A book with tick 5, lot 10, minimum 10, maker 1 bp and taker 2 bp, plus terse order helpers. */
abstract class BookTestSupport {

    static final BookConfig CONFIG = new BookConfig(5, 10, 10, 1_000_000, 1_000_000, 10, 20, 1);

    final RecordingListener events = new RecordingListener();
    final OrderBook book = new OrderBook(CONFIG, events, 16);

    void limit(long id, long owner, Side side, long price, long quantity, TimeInForce tif,
               SelfTradePrevention stp) {
        book.submit(id, owner, side, OrderType.LIMIT, tif, price, 0, quantity, stp);
    }

    void limit(long id, long owner, Side side, long price, long quantity, TimeInForce tif) {
        limit(id, owner, side, price, quantity, tif, SelfTradePrevention.NONE);
    }

    void buy(long id, long price, long quantity) {
        limit(id, id, BUY, price, quantity, TimeInForce.GTC);
    }

    void sell(long id, long price, long quantity) {
        limit(id, id, SELL, price, quantity, TimeInForce.GTC);
    }

    void market(long id, Side side, long quantity, TimeInForce tif) {
        book.submit(id, id, side, OrderType.MARKET, tif, 0, 0, quantity, SelfTradePrevention.NONE);
    }
}
