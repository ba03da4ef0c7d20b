package io.alphintra.engine.internal.core;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import java.util.OptionalLong;

/**
 * The latest top of book of one instrument, kept by value: tops arrive far more often than anyone asks for one, so
 * remembering one allocates nothing and the record a query returns is made when it is first asked for after a
 * change. One thread only.
 */
public final class LatestTopOfBook {
    private boolean present;
    private long bidPrice;
    private long bidSize;
    private long askPrice;
    private long askSize;
    private long eventTimeNanos;
    private long receiveTimeNanos;
    private TopOfBookRecord record;
    /** Made when first asked for after a change; null until then. */
    private OptionalLong mid;

    /** Copies the values of {@code top}, which may be a flyweight valid only during this call. */
    public void remember(TopOfBook top) {
        present = true;
        bidPrice = top.bidPrice();
        bidSize = top.bidSize();
        askPrice = top.askPrice();
        askSize = top.askSize();
        eventTimeNanos = top.eventTimeNanos();
        receiveTimeNanos = top.receiveTimeNanos();
        record = null;
        mid = null;
    }

    /**
     * The middle of the best bid and ask, rounded toward negative infinity (the floor of their sum halved, computed
     * without overflow); empty when no top was remembered, a side is empty (size 0) or the book is crossed.
     */
    public OptionalLong mid() {
        OptionalLong made = mid;
        if (made == null) {
            mid = made = present && bidSize > 0 && askSize > 0 && bidPrice <= askPrice
                    ? OptionalLong.of((bidPrice >> 1) + (askPrice >> 1) + (bidPrice & askPrice & 1))
                    : OptionalLong.empty();
        }
        return made;
    }

    /** Event time of the top remembered (both sides come in one top), epoch nanos; 0 when none. */
    public long eventTimeNanos() {
        return present ? eventTimeNanos : 0;
    }

    /** The latest top as a record, or null when none was remembered. */
    public TopOfBookRecord record(InstrumentId instrumentId) {
        if (present && record == null) {
            record = new TopOfBookRecord(instrumentId, bidPrice, bidSize, askPrice, askSize, eventTimeNanos,
                    receiveTimeNanos);
        }
        return record;
    }
}
