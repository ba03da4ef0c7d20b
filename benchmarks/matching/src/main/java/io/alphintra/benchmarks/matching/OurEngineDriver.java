package io.alphintra.benchmarks.matching;

import io.alphintra.simexchange.internal.matching.MatchingListener;
import io.alphintra.simexchange.internal.matching.OrderBook;
import io.alphintra.simexchange.internal.matching.Side;

/**
 * Our book with a listener that does what a minimal consumer must (look at every trade), so that the JIT cannot
 * drop event delivery. The book is created up front with room for the flow's working set.
 */
public final class OurEngineDriver implements MatchingListener {

    private final OrderBook book;
    private long tradedQuantity;
    private long events;

    public OurEngineDriver(int initialOrderCapacity) {
        book = new OrderBook(OrderFlow.BOOK_CONFIG, this, initialOrderCapacity);
    }

    public OrderBook book() {
        return book;
    }

    /** Replays the whole flow; returns a value the caller must consume. */
    public long replay(OrderFlow flow) {
        for (int i = 0; i < flow.size; i++) {
            OrderFlow.replay(flow, i, book);
        }
        return tradedQuantity + events;
    }

    @Override
    public void onTrade(long seq, long makerOrderId, long takerOrderId, long makerOwnerId, long takerOwnerId,
                        Side takerSide, long price, long quantity, long makerRemaining, long takerRemaining,
                        long makerFee, long takerFee) {
        tradedQuantity += quantity;
    }

    @Override
    public void onLevelChanged(long seq, Side side, long price, long quantity, int orderCount) {
        events++;
    }
}
