package io.alphintra.simexchange.internal.matching;

/** The side of an order. */
public enum Side {
    BUY,
    SELL;

    /** The side this side trades against. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
