package io.alphintra.sdk.marketdata;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.internal.Checks;

/**
 * Immutable {@link TopOfBook}. An absent side has size 0 and price 0, so that two records of the same state are
 * equal. A locked or crossed book is accepted: consolidated feeds show one for moments.
 *
 * @param instrumentId the instrument
 * @param bidPrice best bid, price units; 0 when {@code bidSize} is 0
 * @param bidSize size at the best bid, quantity units, not negative
 * @param askPrice best offer, price units; 0 when {@code askSize} is 0
 * @param askSize size at the best offer, quantity units, not negative
 * @param eventTimeNanos venue time, epoch nanoseconds
 * @param receiveTimeNanos host receive time, epoch nanoseconds
 */
public record TopOfBookRecord(InstrumentId instrumentId, long bidPrice, long bidSize, long askPrice, long askSize,
        long eventTimeNanos, long receiveTimeNanos) implements TopOfBook {

    public TopOfBookRecord {
        Checks.required("instrumentId", instrumentId);
        Checks.notNegative("bidSize", bidSize);
        Checks.notNegative("askSize", askSize);
        if (bidSize == 0 && bidPrice != 0) {
            throw new IllegalArgumentException("bidPrice = " + bidPrice + ": must be 0 when bidSize is 0 (no bid)");
        }
        if (askSize == 0 && askPrice != 0) {
            throw new IllegalArgumentException("askPrice = " + askPrice + ": must be 0 when askSize is 0 (no ask)");
        }
    }

    @Override
    public TopOfBookRecord toRecord() {
        return this;
    }
}
