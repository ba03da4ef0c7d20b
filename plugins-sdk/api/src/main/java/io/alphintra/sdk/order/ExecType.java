package io.alphintra.sdk.order;

/**
 * What an {@link ExecutionReport} reports; FIX ExecType semantics.
 *
 * <p>A refused cancel or replace has its own types ({@link #CANCEL_REJECTED}, {@link #REPLACE_REJECTED}) rather
 * than {@link #REJECTED}: after them the order is still working, and a strategy that reads "REJECTED" as "my order
 * is gone" must not be misled.
 */
public enum ExecType {
    PENDING_NEW,
    /** The venue accepted the order. */
    NEW,
    /** A fill: {@code lastQuantity} at {@code lastPrice}. */
    TRADE,
    PENDING_CANCEL,
    CANCELED,
    PENDING_REPLACE,
    REPLACED,
    /** The order was refused (by the host's gate or the venue) and never worked. */
    REJECTED,
    /** A cancel request was refused; the order is still working. */
    CANCEL_REJECTED,
    /** A replace request was refused; the order keeps its previous terms. */
    REPLACE_REJECTED,
    EXPIRED;

    /** Whether this report carries a {@link RejectReason}. */
    public boolean isRejection() {
        return this == REJECTED || this == CANCEL_REJECTED || this == REPLACE_REJECTED;
    }
}
