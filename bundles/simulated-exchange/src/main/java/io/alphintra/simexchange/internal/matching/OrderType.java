package io.alphintra.simexchange.internal.matching;

/** What an order does when it arrives; stops wait off-book until the last trade price reaches their stop price. */
public enum OrderType {
    /** Sweeps the opposite side at any price; the unfilled rest is cancelled, it never rests. */
    MARKET,
    /** Trades at its limit price or better; the rest rests unless its time in force is IOC or FOK. */
    LIMIT,
    /** Held off-book; becomes a {@link #MARKET} order when triggered. */
    STOP,
    /** Held off-book; becomes a {@link #LIMIT} order at its limit price when triggered. */
    STOP_LIMIT
}
