package io.alphintra.sdk.marketdata;

import org.osgi.annotation.versioning.ProviderType;

import io.alphintra.sdk.instrument.InstrumentId;

/**
 * A change to one aggregated price level: the level at {@link #price()} on {@link #side()} now holds
 * {@link #size()}; size 0 removes the level.
 *
 * <p>A book is rebuilt from deltas alone: after a (re)subscription or a gap the source sends a delta with
 * {@link #clearsBook()} set, which means "discard both sides, then apply me", followed by the snapshot's levels
 * as deltas. The book is consistent only after a delta with {@link #endOfBatch()}; act on it then, not in the
 * middle of a batch.
 *
 * <p>Valid only during the callback that received it; call {@link #toRecord()} to keep it.
 */
@ProviderType
public interface OrderBookDelta {

    InstrumentId instrumentId();

    BookSide side();

    /** Level price in price units. */
    long price();

    /** New aggregate size of the level in quantity units; 0 removes it. */
    long size();

    /** Discard the whole book (both sides) before applying this delta. */
    boolean clearsBook();

    /** The last delta of an atomic batch; the book is consistent after applying it. */
    boolean endOfBatch();

    long eventTimeNanos();

    long receiveTimeNanos();

    /** The level this delta sets, as a value. */
    default BookLevel level() {
        return new BookLevel(side(), price(), size());
    }

    /** An immutable copy that stays valid after the callback. */
    default OrderBookDeltaRecord toRecord() {
        return new OrderBookDeltaRecord(instrumentId(), side(), price(), size(), clearsBook(), endOfBatch(),
                eventTimeNanos(), receiveTimeNanos());
    }
}
