package io.alphintra.engine.internal.core;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import java.util.Optional;
import java.util.OptionalLong;

/** The latest market state the engine has seen per instrument. Engine thread only. */
public interface MarketView {

    Optional<TopOfBookRecord> topOfBook(InstrumentId instrumentId);

    OptionalLong lastPrice(InstrumentId instrumentId);

    /** Epoch nanos of the last price, or 0 if none. */
    long lastPriceTimeNanos(InstrumentId instrumentId);

    OptionalLong previousClose(InstrumentId instrumentId);

    /**
     * The middle of the latest best bid and ask, rounded toward negative infinity; empty when either side is empty
     * or the book is crossed. The same {@code OptionalLong} until the top changes, so asking allocates nothing.
     */
    OptionalLong midPrice(InstrumentId instrumentId);

    /** Engine-time epoch nanos of the top the {@link #midPrice} is made of, or 0 if there is none. */
    long midPriceTimeNanos(InstrumentId instrumentId);
}
