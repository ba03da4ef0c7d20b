package io.alphintra.engine.internal.strategy;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.ExecutionReport;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The events the engine thread hands one strategy instance — trades, tops of book, execution reports — in one
 * order, copied into preallocated slots. Exactly one producer (the engine thread) and one consumer (the strategy's
 * thread), so neither locks nor allocates: the engine's own event objects may be reused as soon as an offer returns,
 * and the consumer reads each slot through a flyweight that is valid until it moves on, which is the SDK's
 * "valid only during the callback".
 *
 * <p>Slots are laid out as arrays rather than objects so that a large capacity costs 68 bytes a slot and no
 * object headers; a slot's eight {@code long}s fill one cache line, so the producer writing slot n + 1 does not
 * disturb the consumer reading slot n.
 */
final class EventRing {
    static final int TRADE = 1;
    static final int TOP_OF_BOOK = 2;
    static final int REPORT = 3;

    private static final int STRIDE = 8;
    private static final int KIND = 0;
    private static final int KEY = 1;
    private static final int A = 2;
    private static final int B = 3;
    private static final int C = 4;
    private static final int D = 5;
    private static final int EVENT_TIME = 6;
    private static final int RECEIVE_TIME = 7;
    /** Positions in {@link #sequences}, 128 bytes apart so the two sides' counters never share a cache line. */
    private static final int PUBLISHED = 7;
    private static final int CONSUMED = 23;
    private static final AggressorSide[] AGGRESSORS = AggressorSide.values();

    private final int capacity;
    private final int mask;
    private final long[] values;
    private final Object[] refs;
    private final AtomicLongArray sequences = new AtomicLongArray(32);
    private final RingTrade trade = new RingTrade();
    private final RingTopOfBook topOfBook = new RingTopOfBook();

    /** Producer only: the next sequence to write, and the consumer's position as last read. */
    private long nextToPublish;
    private long consumedAsSeen;

    /**
     * @param capacity events that may wait; the slots are rounded up to a power of two, the limit is exact
     */
    EventRing(int capacity) {
        if (capacity < 1 || capacity > 1 << 30) {
            throw new IllegalArgumentException("capacity = " + capacity + ": must be 1 to 2^30");
        }
        int slots = Integer.highestOneBit(capacity) == capacity ? capacity : Integer.highestOneBit(capacity) << 1;
        this.capacity = capacity;
        this.mask = slots - 1;
        this.values = new long[slots * STRIDE];
        this.refs = new Object[slots];
    }

    int capacity() {
        return capacity;
    }

    // ---- producer (engine thread) ----

    /**
     * @param key the consumer's own tag for the event (the host's index of the instrument's subscription)
     * @return false when {@link #capacity()} events are already waiting: nothing was written
     */
    boolean offerTrade(int key, Trade trade) {
        long sequence = nextToPublish;
        if (full(sequence)) {
            return false;
        }
        int base = base(sequence);
        values[base + KIND] = TRADE;
        values[base + KEY] = key;
        values[base + A] = trade.price();
        values[base + B] = trade.quantity();
        values[base + C] = trade.aggressor().ordinal();
        values[base + EVENT_TIME] = trade.eventTimeNanos();
        values[base + RECEIVE_TIME] = trade.receiveTimeNanos();
        refs[(int) sequence & mask] = trade.instrumentId();
        publish(sequence);
        return true;
    }

    /** Like {@link #offerTrade}. */
    boolean offerTopOfBook(int key, TopOfBook top) {
        long sequence = nextToPublish;
        if (full(sequence)) {
            return false;
        }
        int base = base(sequence);
        values[base + KIND] = TOP_OF_BOOK;
        values[base + KEY] = key;
        values[base + A] = top.bidPrice();
        values[base + B] = top.bidSize();
        values[base + C] = top.askPrice();
        values[base + D] = top.askSize();
        values[base + EVENT_TIME] = top.eventTimeNanos();
        values[base + RECEIVE_TIME] = top.receiveTimeNanos();
        refs[(int) sequence & mask] = top.instrumentId();
        publish(sequence);
        return true;
    }

    /** Reports are immutable, so the slot keeps the object itself; the consumer drops it once delivered. */
    boolean offerReport(ExecutionReport report) {
        long sequence = nextToPublish;
        if (full(sequence)) {
            return false;
        }
        values[base(sequence) + KIND] = REPORT;
        refs[(int) sequence & mask] = report;
        publish(sequence);
        return true;
    }

    private boolean full(long sequence) {
        if (sequence - consumedAsSeen < capacity) {
            return false;
        }
        consumedAsSeen = sequences.get(CONSUMED);
        return sequence - consumedAsSeen >= capacity;
    }

    /**
     * A full volatile write, not a release: the consumer parks after announcing it and looking once more, and only
     * a store-load barrier here guarantees that either it sees this event or the producer sees its announcement.
     */
    private void publish(long sequence) {
        nextToPublish = sequence + 1;
        sequences.set(PUBLISHED, sequence + 1);
    }

    // ---- consumer (strategy thread) ----

    /** The next sequence to deliver. */
    long consumed() {
        return sequences.get(CONSUMED);
    }

    /** One past the last event published; events in {@code [consumed(), published())} are waiting. */
    long published() {
        return sequences.get(PUBLISHED);
    }

    boolean isEmpty() {
        return consumed() == published();
    }

    int kind(long sequence) {
        return (int) values[base(sequence) + KIND];
    }

    int key(long sequence) {
        return (int) values[base(sequence) + KEY];
    }

    /** The slot as a trade, until the next call of this method. */
    Trade trade(long sequence) {
        trade.base = base(sequence);
        trade.instrumentId = (InstrumentId) refs[(int) sequence & mask];
        return trade;
    }

    /** The slot as a top of book, until the next call of this method. */
    TopOfBook topOfBook(long sequence) {
        topOfBook.base = base(sequence);
        topOfBook.instrumentId = (InstrumentId) refs[(int) sequence & mask];
        return topOfBook;
    }

    ExecutionReport report(long sequence) {
        return (ExecutionReport) refs[(int) sequence & mask];
    }

    /**
     * Frees the slot of {@code sequence}, the oldest waiting event, for the producer; a report's slot forgets it so
     * that the ring does not keep delivered reports alive.
     */
    void delivered(long sequence) {
        int slot = (int) sequence & mask;
        if (refs[slot] instanceof ExecutionReport) {
            refs[slot] = null;
        }
        sequences.lazySet(CONSUMED, sequence + 1);
    }

    private int base(long sequence) {
        return ((int) sequence & mask) * STRIDE;
    }

    /** What both kinds of market data slot share. */
    private abstract class RingEvent {
        int base;
        InstrumentId instrumentId;

        public InstrumentId instrumentId() {
            return instrumentId;
        }

        public long eventTimeNanos() {
            return values[base + EVENT_TIME];
        }

        public long receiveTimeNanos() {
            return values[base + RECEIVE_TIME];
        }
    }

    private final class RingTrade extends RingEvent implements Trade {
        @Override
        public long price() {
            return values[base + A];
        }

        @Override
        public long quantity() {
            return values[base + B];
        }

        @Override
        public AggressorSide aggressor() {
            return AGGRESSORS[(int) values[base + C]];
        }

        @Override
        public String toString() {
            return toRecord().toString();
        }
    }

    private final class RingTopOfBook extends RingEvent implements TopOfBook {
        @Override
        public long bidPrice() {
            return values[base + A];
        }

        @Override
        public long bidSize() {
            return values[base + B];
        }

        @Override
        public long askPrice() {
            return values[base + C];
        }

        @Override
        public long askSize() {
            return values[base + D];
        }

        @Override
        public String toString() {
            return toRecord().toString();
        }
    }
}
