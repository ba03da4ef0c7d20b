package io.alphintra.simexchange.internal.venue;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.BookSide;
import io.alphintra.sdk.marketdata.OrderBookDelta;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;

/**
 * The venue's reused market data flyweights: one of each per venue, refilled by the venue thread for every event.
 * The listener copies what it keeps ({@code toRecord()}) before returning, as the SDK's contract says.
 */
final class MarketDataEvents {

    private MarketDataEvents() {
    }

    static final class TradeEvent implements Trade {
        InstrumentId instrumentId;
        long price;
        long quantity;
        AggressorSide aggressor;
        long timeNanos;

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
            return timeNanos;
        }

        @Override
        public long receiveTimeNanos() {
            return timeNanos;
        }
    }

    static final class TopOfBookEvent implements TopOfBook {
        InstrumentId instrumentId;
        long bidPrice;
        long bidSize;
        long askPrice;
        long askSize;
        long timeNanos;

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
            return timeNanos;
        }

        @Override
        public long receiveTimeNanos() {
            return timeNanos;
        }
    }

    static final class BookDeltaEvent implements OrderBookDelta {
        InstrumentId instrumentId;
        BookSide side;
        long price;
        long size;
        boolean clearsBook;
        boolean endOfBatch;
        long timeNanos;

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
            return timeNanos;
        }

        @Override
        public long receiveTimeNanos() {
            return timeNanos;
        }
    }
}
