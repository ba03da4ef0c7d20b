package io.alphintra.simexchange.internal.twin;

import java.nio.file.Path;

import io.alphintra.sdk.instrument.Instrument;

/**
 * One instrument of a simulated venue: its reference data, the book's bounds, and how the twin trades it.
 *
 * @param instrument reference data as the adapter publishes it
 * @param maxPrice largest accepted price, price units; with {@code maxQuantity} it bounds every notional
 * @param maxQuantity largest accepted order quantity, quantity units
 * @param startPrice the twin's first fair value, price units, on the grid
 * @param volatility annualised volatility of the fair value (0.25 = 25 %)
 * @param spreadBps half spread of the market makers' best quotes, basis points
 * @param quoteQuantity size of one market-maker quote, quantity units, on the lot grid
 * @param replayFile recorded prices to replay as the fair value, or null for the stochastic process
 * @param replayFormat the file's format; null when there is no file
 */
public record InstrumentSpec(Instrument instrument, long maxPrice, long maxQuantity, long startPrice,
        double volatility, double spreadBps, long quoteQuantity, Path replayFile, ReplayFormat replayFormat) {

    public InstrumentSpec {
        if (instrument == null) {
            throw new IllegalArgumentException("instrument: required (was null)");
        }
        if ((replayFile == null) != (replayFormat == null)) {
            throw new IllegalArgumentException("replayFile and replayFormat go together");
        }
    }
}
