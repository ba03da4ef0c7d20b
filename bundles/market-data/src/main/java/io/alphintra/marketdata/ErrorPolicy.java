package io.alphintra.marketdata;

/** What an import does with a malformed line. */
public enum ErrorPolicy {
    /** Throw a {@link MarketDataImportException} at the first malformed line; nothing after it is read. */
    STOP,
    /** Skip malformed lines, keep reading, and list every one of them in the {@link ImportReport}. */
    SKIP_AND_REPORT
}
