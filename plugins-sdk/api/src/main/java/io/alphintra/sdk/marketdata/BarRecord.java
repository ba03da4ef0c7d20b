package io.alphintra.sdk.marketdata;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.internal.Checks;

/**
 * Immutable {@link Bar}; checks that high and low bound open and close.
 *
 * @param instrumentId the instrument
 * @param spec how the bar was built
 * @param open first price, price units
 * @param high highest price
 * @param low lowest price
 * @param close last price
 * @param volume traded quantity, quantity units, not negative
 * @param startTimeNanos inclusive start, epoch nanoseconds
 * @param endTimeNanos exclusive end, epoch nanoseconds, after the start
 */
public record BarRecord(InstrumentId instrumentId, BarSpec spec, long open, long high, long low, long close,
        long volume, long startTimeNanos, long endTimeNanos) implements Bar {

    public BarRecord {
        Checks.required("instrumentId", instrumentId);
        Checks.required("spec", spec);
        if (high < Math.max(open, close) || low > Math.min(open, close) || low > high) {
            throw new IllegalArgumentException("high = " + high + ", low = " + low + ": must bound open = " + open
                    + " and close = " + close);
        }
        Checks.notNegative("volume", volume);
        if (endTimeNanos <= startTimeNanos) {
            throw new IllegalArgumentException("endTimeNanos = " + endTimeNanos + ": must be after startTimeNanos = "
                    + startTimeNanos);
        }
    }

    @Override
    public BarRecord toRecord() {
        return this;
    }
}
