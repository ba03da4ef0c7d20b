package io.alphintra.sdk.venue;

/**
 * Whether a venue trades an instrument now, as the venue says through
 * {@link VenueListener#onInstrumentStatus}.
 *
 * @since 1.1
 */
public enum InstrumentStatus {
    /** Open for trading. */
    TRADING,
    /** Halted or suspended by the venue or a regulator (volatility pause, news pending, regulatory halt). */
    HALTED,
    /** Outside its trading session (before the open, after the close, a lunch break, a holiday). */
    CLOSED
}
