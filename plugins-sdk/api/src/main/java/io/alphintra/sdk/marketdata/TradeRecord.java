package io.alphintra.sdk.marketdata;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.internal.Checks;

/**
 * Immutable {@link Trade}.
 *
 * @param instrumentId the instrument
 * @param price price units; may be zero or negative (some futures)
 * @param quantity positive, quantity units
 * @param aggressor side that took liquidity
 * @param eventTimeNanos venue time, epoch nanoseconds
 * @param receiveTimeNanos host receive time, epoch nanoseconds
 */
public record TradeRecord(InstrumentId instrumentId, long price, long quantity, AggressorSide aggressor,
        long eventTimeNanos, long receiveTimeNanos) implements Trade {

    public TradeRecord {
        Checks.required("instrumentId", instrumentId);
        Checks.positive("quantity", quantity);
        Checks.required("aggressor", aggressor);
    }

    @Override
    public TradeRecord toRecord() {
        return this;
    }
}
