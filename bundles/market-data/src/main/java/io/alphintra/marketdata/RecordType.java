package io.alphintra.marketdata;

/** The kinds of record in a market data recording. */
public enum RecordType {
    TRADE,
    TOP_OF_BOOK,
    BOOK_DELTA,
    BAR
}
