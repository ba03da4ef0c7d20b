package io.alphintra.marketdata.internal;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.Bar;
import io.alphintra.sdk.marketdata.BarSpec;
import io.alphintra.sdk.marketdata.BookSide;
import io.alphintra.sdk.marketdata.OrderBookDelta;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;

/**
 * The reused events a reader hands out: one object per type, overwritten by every record, so that reading
 * allocates nothing per record. Valid only until the next record, as the SDK's flyweight rule says.
 */
public final class Flyweights {

    private Flyweights() {
    }

    /** A reused {@link Trade}. */
    public static final class MutableTrade implements Trade {
        public InstrumentId instrumentId;
        public long price;
        public long quantity;
        public AggressorSide aggressor;
        public long eventTimeNanos;
        public long receiveTimeNanos;

        @Override
        public InstrumentId instrumentId() {
            return instrumentId;
        }

        @Override
        public long price() {
            return price;
        }

        @Override
        public long quantity() {
            return quantity;
        }

        @Override
        public AggressorSide aggressor() {
            return aggressor;
        }

        @Override
        public long eventTimeNanos() {
            return eventTimeNanos;
        }

        @Override
        public long receiveTimeNanos() {
            return receiveTimeNanos;
        }
    }

    /** A reused {@link TopOfBook}. */
    public static final class MutableTopOfBook implements TopOfBook {
        public InstrumentId instrumentId;
        public long bidPrice;
        public long bidSize;
        public long askPrice;
        public long askSize;
        public long eventTimeNanos;
        public long receiveTimeNanos;

        @Override
        public InstrumentId instrumentId() {
            return instrumentId;
        }

        @Override
        public long bidPrice() {
            return bidPrice;
        }

        @Override
        public long bidSize() {
            return bidSize;
        }

        @Override
        public long askPrice() {
            return askPrice;
        }

        @Override
        public long askSize() {
            return askSize;
        }

        @Override
        public long eventTimeNanos() {
            return eventTimeNanos;
        }

        @Override
        public long receiveTimeNanos() {
            return receiveTimeNanos;
        }
    }

    /** A reused {@link OrderBookDelta}. */
    public static final class MutableBookDelta implements OrderBookDelta {
        public InstrumentId instrumentId;
        public BookSide side;
        public long price;
        public long size;
        public boolean clearsBook;
        public boolean endOfBatch;
        public long eventTimeNanos;
        public long receiveTimeNanos;

        @Override
        public InstrumentId instrumentId() {
            return instrumentId;
        }

        @Override
        public BookSide side() {
            return side;
        }

        @Override
        public long price() {
            return price;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public boolean clearsBook() {
            return clearsBook;
        }

        @Override
        public boolean endOfBatch() {
            return endOfBatch;
        }

        @Override
        public long eventTimeNanos() {
            return eventTimeNanos;
        }

        @Override
        public long receiveTimeNanos() {
            return receiveTimeNanos;
        }
    }

    /** A reused {@link Bar}. */
    public static final class MutableBar implements Bar {
        public InstrumentId instrumentId;
        public BarSpec spec;
        public long open;
        public long high;
        public long low;
        public long close;
        public long volume;
        public long startTimeNanos;
        public long endTimeNanos;

        @Override
        public InstrumentId instrumentId() {
            return instrumentId;
        }

        @Override
        public BarSpec spec() {
            return spec;
        }

        @Override
        public long open() {
            return open;
        }

        @Override
        public long high() {
            return high;
        }

        @Override
        public long low() {
            return low;
        }

        @Override
        public long close() {
            return close;
        }

        @Override
        public long volume() {
            return volume;
        }

        @Override
        public long startTimeNanos() {
            return startTimeNanos;
        }

        @Override
        public long endTimeNanos() {
            return endTimeNanos;
        }
    }
}
