package io.alphintra.sdk.marketdata;

import org.osgi.annotation.versioning.ProviderType;

import io.alphintra.sdk.instrument.InstrumentId;

/**
 * Best bid and best offer. A side is absent when its size is zero (empty book side, or before the open); its
 * price is then 0 and meaningless. Valid only during the callback that received it; call {@link #toRecord()} to
 * keep it.
 */
@ProviderType
public interface TopOfBook {

    InstrumentId instrumentId();

    /** Best bid in price units; meaningful only if {@link #hasBid()}. */
    long bidPrice();

    /** Aggregate size at the best bid in quantity units; 0 when there is no bid. */
    long bidSize();

    /** Best offer in price units; meaningful only if {@link #hasAsk()}. */
    long askPrice();

    /** Aggregate size at the best offer in quantity units; 0 when there is no offer. */
    long askSize();

    long eventTimeNanos();

    long receiveTimeNanos();

    default boolean hasBid() {
        return bidSize() > 0;
    }

    default boolean hasAsk() {
        return askSize() > 0;
    }

    /** An immutable copy that stays valid after the callback. */
    default TopOfBookRecord toRecord() {
        return new TopOfBookRecord(instrumentId(), bidPrice(), bidSize(), askPrice(), askSize(), eventTimeNanos(),
                receiveTimeNanos());
    }
}
