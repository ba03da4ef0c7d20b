package io.alphintra.sdk.marketdata;

/** What closes a bar; the unit of {@link BarSpec#size()} depends on it. */
public enum BarType {
    /** A fixed time interval; size in nanoseconds. */
    TIME,
    /** A fixed number of trades; size is a count. */
    TICK,
    /** A fixed traded quantity; size in quantity units. */
    VOLUME,
    /** A fixed traded value (price × quantity); size in units of {@code priceScale + quantityScale}. */
    VALUE
}
