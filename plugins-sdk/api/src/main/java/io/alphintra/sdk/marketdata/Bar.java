package io.alphintra.sdk.marketdata;

import org.osgi.annotation.versioning.ProviderType;

import io.alphintra.sdk.instrument.InstrumentId;

/**
 * An aggregated bar (candle) over {@code [startTimeNanos, endTimeNanos)}. Valid only during the callback that
 * received it; call {@link #toRecord()} to keep it.
 */
@ProviderType
public interface Bar {

    InstrumentId instrumentId();

    BarSpec spec();

    /** First price, price units. */
    long open();

    long high();

    long low();

    /** Last price, price units. */
    long close();

    /** Traded quantity in quantity units. */
    long volume();

    /** Inclusive start, epoch nanoseconds. */
    long startTimeNanos();

    /** Exclusive end, epoch nanoseconds. */
    long endTimeNanos();

    /** An immutable copy that stays valid after the callback. */
    default BarRecord toRecord() {
        return new BarRecord(instrumentId(), spec(), open(), high(), low(), close(), volume(), startTimeNanos(),
                endTimeNanos());
    }
}
