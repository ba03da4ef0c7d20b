package io.alphintra.sdk.marketdata;

/** A kind of market data one can subscribe to for an instrument. */
public enum MarketDataType {
    /** Prints: {@link Trade}. */
    TRADES,
    /** Best bid and offer: {@link TopOfBook}. */
    TOP_OF_BOOK,
    /** Aggregated depth by price level: {@link OrderBookDelta}. */
    BOOK_DELTAS,
    /** Aggregated bars: {@link Bar}; a subscription names its {@link BarSpec}. */
    BARS
}
