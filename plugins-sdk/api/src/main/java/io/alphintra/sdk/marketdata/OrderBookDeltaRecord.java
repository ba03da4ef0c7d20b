package io.alphintra.sdk.marketdata;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.internal.Checks;

/**
 * Immutable {@link OrderBookDelta}.
 *
 * @param instrumentId the instrument
 * @param side bid or ask
 * @param price level price, price units
 * @param size new aggregate size, quantity units; 0 removes the level
 * @param clearsBook discard the whole book before applying
 * @param endOfBatch the book is consistent after applying
 * @param eventTimeNanos venue time, epoch nanoseconds
 * @param receiveTimeNanos host receive time, epoch nanoseconds
 */
public record OrderBookDeltaRecord(InstrumentId instrumentId, BookSide side, long price, long size,
        boolean clearsBook, boolean endOfBatch, long eventTimeNanos, long receiveTimeNanos) implements OrderBookDelta {

    public OrderBookDeltaRecord {
        Checks.required("instrumentId", instrumentId);
        Checks.required("side", side);
        Checks.notNegative("size", size);
    }

    @Override
    public OrderBookDeltaRecord toRecord() {
        return this;
    }
}
