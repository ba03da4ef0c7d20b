package io.alphintra.simexchange.internal.matching;

/** Why a command was refused. A refused command changes nothing in the book. */
public enum RejectReason {
    /** Price not positive, not a multiple of the tick size, above the book's maximum, or set on a market order. */
    INVALID_PRICE,
    /** Stop price missing on a stop order, set on a non-stop order, or not a valid price. */
    INVALID_STOP_PRICE,
    /** Quantity not positive, below the minimum, not a multiple of the lot size, or above the book's maximum. */
    INVALID_QUANTITY,
    /** Market orders must be IOC or FOK: they never rest. */
    INVALID_TIME_IN_FORCE,
    /** No live order has this id. */
    UNKNOWN_ORDER,
    /** A live order already has this id. */
    DUPLICATE_ORDER_ID,
    /** A market order arrived while the opposite side was empty. */
    NO_LIQUIDITY,
    /** A fill-or-kill order could not be filled completely at arrival. */
    FOK_NOT_FILLABLE,
    /** Only resting limit orders can be replaced; waiting stop orders must be cancelled and sent again. */
    ORDER_NOT_REPLACEABLE
}
