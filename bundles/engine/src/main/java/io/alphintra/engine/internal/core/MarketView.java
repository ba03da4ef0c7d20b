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
}
