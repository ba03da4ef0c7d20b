package io.alphintra.sdk.order;

/**
 * The state of an order after an execution report; FIX OrdStatus semantics. Spelled {@code CANCELED} as in FIX
 * and {@link ExecType}, so that the two enums never disagree on a name.
 */
public enum OrderStatus {
    /** Accepted by the host, not yet acknowledged by the venue. */
    PENDING_NEW,
    /** Working on the venue, nothing filled. */
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    /** A cancel was sent; the order may still fill until the venue confirms. */
    PENDING_CANCEL,
    CANCELED,
    /** A replace was sent; the order may still fill under its old terms until the venue confirms. */
    PENDING_REPLACE,
    /**
     * Reported with {@link ExecType#REPLACED}: the new terms apply and the order keeps working under its new
     * client order id.
     */
    REPLACED,
    /** Refused by the host's gate or by the venue; never worked. */
    REJECTED,
    /** Ended by its time in force or the venue. */
    EXPIRED;

    /** Whether no further executions can happen for the order. */
    public boolean isTerminal() {
        return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED;
    }
}
