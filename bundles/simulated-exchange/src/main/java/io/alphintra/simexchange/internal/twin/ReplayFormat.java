package io.alphintra.simexchange.internal.twin;

/** Layouts of recorded data the twin can replay as its fair value. */
public enum ReplayFormat {
    /** {@code timestamp,price,amount}: Unix seconds, decimal price, decimal amount; one print per line. */
    TRADES,
    /** {@code date,open,high,low,close,volume}: ISO date and decimals; each bar becomes four prices. */
    BARS
}
