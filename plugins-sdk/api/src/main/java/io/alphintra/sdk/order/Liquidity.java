package io.alphintra.sdk.order;

/** Whether a fill added or removed liquidity; drives fees and rebates. */
public enum Liquidity {
    /** The order rested and was hit. */
    MAKER,
    /** The order crossed the spread. */
    TAKER,
    /** The venue did not say (auctions, some OTC venues). */
    UNKNOWN
}
