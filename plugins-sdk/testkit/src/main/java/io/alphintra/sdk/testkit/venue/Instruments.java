package io.alphintra.sdk.testkit.venue;

import io.alphintra.sdk.instrument.CryptoPair;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.FutureContract;
import io.alphintra.sdk.instrument.FxForward;
import io.alphintra.sdk.instrument.FxSpot;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.TradingGrid;

/**
 * Copies of reference data with one thing changed, the way stale or foreign reference data looks to an adapter.
 * The conformance suite uses them to send orders that the host's copy of the instrument allows but the venue's
 * does not.
 */
public final class Instruments {

    private Instruments() {
    }

    /** The same instrument of the same kind with another grid. */
    public static Instrument withGrid(Instrument instrument, TradingGrid grid) {
        return copy(instrument, instrument.id(), grid);
    }

    /** The same instrument of the same kind under another id (another symbol or venue). */
    public static Instrument withId(Instrument instrument, InstrumentId id) {
        return copy(instrument, id, instrument.grid());
    }

    private static Instrument copy(Instrument instrument, InstrumentId id, TradingGrid grid) {
        if (instrument instanceof Equity e) {
            return new Equity(id, e.quoteCurrency(), e.jurisdiction(), grid);
        }
        if (instrument instanceof FutureContract f) {
            return new FutureContract(id, f.quoteCurrency(), f.jurisdiction(), grid, f.multiplier(), f.expiry());
        }
        if (instrument instanceof FxSpot s) {
            return new FxSpot(id, s.baseCurrency(), s.quoteCurrency(), s.jurisdiction(), grid);
        }
        if (instrument instanceof FxForward w) {
            return new FxForward(id, w.baseCurrency(), w.quoteCurrency(), w.jurisdiction(), grid, w.valueDate());
        }
        if (instrument instanceof CryptoPair c) {
            return new CryptoPair(id, c.baseCurrency(), c.quoteCurrency(), c.jurisdiction(), grid);
        }
        throw new IllegalArgumentException("instrument = " + instrument + ": unknown kind "
                + instrument.getClass().getName());
    }
}
