package io.alphintra.sdk.marketdata;

/** Which side took liquidity in a trade, where the venue says so. */
public enum AggressorSide {
    BUYER,
    SELLER,
    /** The venue does not publish it (auctions, some FX and off-book prints). */
    UNKNOWN
}
