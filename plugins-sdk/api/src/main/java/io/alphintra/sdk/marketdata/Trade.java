package io.alphintra.sdk.marketdata;

import org.osgi.annotation.versioning.ProviderType;

import io.alphintra.sdk.instrument.InstrumentId;

/**
 * A print on a venue. Valid only during the callback that received it; call {@link #toRecord()} to keep it.
 */
@ProviderType
public interface Trade {

    InstrumentId instrumentId();

    /** Price in price units of the instrument. */
    long price();

    /** Positive quantity in quantity units of the instrument. */
    long quantity();

    AggressorSide aggressor();

    /** Venue time of the trade, epoch nanoseconds. */
    long eventTimeNanos();

    /** Host receive time, epoch nanoseconds (virtual in a backtest). */
    long receiveTimeNanos();

    /** An immutable copy that stays valid after the callback. */
    default TradeRecord toRecord() {
        return new TradeRecord(instrumentId(), price(), quantity(), aggressor(), eventTimeNanos(),
                receiveTimeNanos());
    }
}
