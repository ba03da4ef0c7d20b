package io.alphintra.sdk.order;

/**
 * Why the host or a venue refused an order, cancel or replace. The code is for programs (counters, alerts,
 * retries); the free text next to it in an {@link ExecutionReport} is for people.
 */
public enum RejectReason {
    /** Price off the tick grid, non-positive or outside the venue's band. */
    INVALID_PRICE,
    /** Quantity not positive, off the lot grid or below the minimum. */
    INVALID_QUANTITY,
    UNKNOWN_INSTRUMENT,
    /**
     * The order's account is not in the host's account reference data.
     *
     * @since 1.1
     */
    UNKNOWN_ACCOUNT,
    /**
     * The account exists but may not place this order: it is suspended or closed, or not permitted the venue or
     * instrument.
     *
     * @since 1.1
     */
    ACCOUNT_NOT_PERMITTED,
    /** The client order id was used before (pre-trade control PT5). */
    DUPLICATE_CLIENT_ORDER_ID,
    /** A cancel or replace named an order the host or venue does not know. */
    UNKNOWN_ORDER,
    /** A pre-trade risk limit: credit, order value or quantity, price collar. */
    RISK_LIMIT,
    /** A compliance rule refused it; the decision record names the rule and its version. */
    COMPLIANCE,
    /** Outside the venue's trading sessions. */
    VENUE_CLOSED,
    VENUE_DISCONNECTED,
    /** A message or execution throttle (PT6, PT7). */
    THROTTLED,
    /** A kill switch covers the order's scope (PT8). */
    KILL_SWITCH,
    /** No compliance rule set is installed for the instrument's jurisdiction, so the order cannot be cleared. */
    NO_RULE_SET,
    /** The venue does not support the order type, time in force or replace. */
    UNSUPPORTED_ORDER,
    /** The order was already filled or ended when the cancel or replace arrived. */
    TOO_LATE_TO_CANCEL,
    OTHER
}
