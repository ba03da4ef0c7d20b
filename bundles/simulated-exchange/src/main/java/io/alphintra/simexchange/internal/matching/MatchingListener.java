package io.alphintra.simexchange.internal.matching;

/**
 * Receives everything a book does, synchronously on the thread that sent the command, in sequence-number order.
 * Arguments are primitives or enum constants so that the book allocates nothing; the listener decides what to copy.
 *
 * <p>Contract: implementations must not call back into the book and should return quickly. Every method has an
 * empty default so that a listener implements only what it needs. {@code seq} increases by one per event, per book.
 */
public interface MatchingListener {

    /** A new order passed validation; trades, cancels or a rest on the book follow. */
    default void onAccepted(long seq, long orderId, long ownerId, Side side, OrderType type, TimeInForce timeInForce,
                            long price, long stopPrice, long quantity) {
    }

    /** The command about {@code orderId} (new order, cancel or replace) was refused and changed nothing. */
    default void onRejected(long seq, long orderId, RejectReason reason) {
    }

    /**
     * A trade at the maker's price. Remaining quantities are after this trade; fees are in notional units
     * (see {@link Fees#fee}).
     */
    default void onTrade(long seq, long makerOrderId, long takerOrderId, long makerOwnerId, long takerOwnerId,
                         Side takerSide, long price, long quantity, long makerRemaining, long takerRemaining,
                         long makerFee, long takerFee) {
    }

    /** The order, or its unfilled rest of {@code remainingQuantity}, was cancelled and is gone. */
    default void onCancelled(long seq, long orderId, long remainingQuantity, CancelReason reason) {
    }

    /**
     * The order now has {@code price} and open {@code quantity}. If {@code priorityKept} is false it lost its
     * place in the queue and is matched again like a new order (trades may follow).
     */
    default void onReplaced(long seq, long orderId, long price, long quantity, boolean priorityKept) {
    }

    /** A DAY order (or a non-GTC waiting stop) was removed by {@link OrderBook#endOfDay()}. */
    default void onExpired(long seq, long orderId, long remainingQuantity) {
    }

    /** A waiting stop order was triggered by {@code lastTradePrice} and now executes as a market or limit order. */
    default void onStopTriggered(long seq, long orderId, long lastTradePrice) {
    }

    /**
     * The aggregated level at {@code price} changed during the last command; a quantity of 0 means the level is
     * gone. Reported once per level per command, after the command's trades, for depth publishing.
     */
    default void onLevelChanged(long seq, Side side, long price, long quantity, int orderCount) {
    }

    /** The best bid or ask changed during the last command; an empty side has price 0 and quantity 0. */
    default void onTopOfBook(long seq, long bidPrice, long bidQuantity, long askPrice, long askQuantity) {
    }
}
