package io.alphintra.simexchange.internal.twin;

import io.alphintra.simexchange.internal.matching.OrderType;
import io.alphintra.simexchange.internal.matching.Side;
import io.alphintra.simexchange.internal.matching.TimeInForce;

/**
 * What the twin may do on its venue: the venue core implements it and calls the twin back on the same (venue)
 * thread. Outcomes of the twin's orders arrive as {@link MarketTwin#onFill} and {@link MarketTwin#onOrderDone}.
 */
public interface TwinGateway {

    /** A venue-wide unique order id for the books. */
    long newOrderId();

    void submit(int instrument, long orderId, long ownerId, Side side, OrderType type, TimeInForce timeInForce,
            long price, long quantity);

    void cancel(int instrument, long orderId);

    /** Best bid price, 0 if none. */
    long bestBid(int instrument);

    /** Best ask price, 0 if none. */
    long bestAsk(int instrument);

    /** Asks for {@link MarketTwin#onEvent(int, long)} at venue time {@code atNanos}. */
    void schedule(int instrument, long atNanos);

    /** Whether an instrument trades now: the venue is in a session and the instrument is not halted. */
    boolean isTrading(int instrument);
}
