package io.alphintra.sdk.compliance;

/** What a compliance rule set decided about an order. */
public enum Verdict {
    /** No rule objects. */
    ACCEPT,
    /** The order may go, and compliance is alerted (e.g. approaching a disclosure threshold). */
    ALERT,
    /** The order must not go; it is rejected with {@code RejectReason.COMPLIANCE}. */
    REJECT
}
