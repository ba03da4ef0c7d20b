package io.alphintra.engine;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The engine's latest view of one instrument's market.
 *
 * @param top           the best bid and offer, if the venue published one
 * @param lastPrice     the last trade price in price units, if any traded
 * @param lastTradeNanos when it traded, epoch nanoseconds; 0 if none
 */
public record MarketLine(InstrumentId instrumentId, Optional<TopOfBookRecord> top, OptionalLong lastPrice,
                         long lastTradeNanos) {
}
