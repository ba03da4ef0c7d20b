package io.alphintra.sdk.marketdata;

/** A side of an order book. Separate from the order side, which also carries short-sale marking. */
public enum BookSide {
    BID,
    ASK
}
