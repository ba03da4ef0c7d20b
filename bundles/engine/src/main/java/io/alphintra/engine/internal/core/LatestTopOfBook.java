package io.alphintra.engine.internal.core;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.TopOfBookRecord;

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
