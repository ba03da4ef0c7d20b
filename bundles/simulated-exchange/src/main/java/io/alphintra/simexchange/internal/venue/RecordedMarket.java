package io.alphintra.simexchange.internal.venue;

import java.util.List;

import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.simexchange.internal.matching.OrderBook;
import io.alphintra.simexchange.internal.matching.OrderType;
import io.alphintra.simexchange.internal.matching.SelfTradePrevention;
import io.alphintra.simexchange.internal.matching.Side;
import io.alphintra.simexchange.internal.matching.TimeInForce;
import io.alphintra.simexchange.internal.twin.InstrumentSpec;
import io.alphintra.simexchange.internal.twin.MarketTwin;
import io.alphintra.simexchange.internal.twin.ReplayData;

/**
 * The other side of the host's orders on a venue that replays recorded trades instead of running the twin. Each
 * recorded print, at its recorded time, does in this order:
 *
 * <ol>
 *   <li>withdraws the recorded market's quotes;</li>
 *   <li>publishes the print to trade subscribers exactly as recorded (the book's own trades are not published on
 *       such a venue, so the tape a strategy sees does not depend on its orders);</li>
 *   <li>trades through the host's orders the print went through: a sell and a buy of the printed quantity, both
 *       limited to the printed price, take host bids at or above it and host asks at or below it, best first, each
 *       at the host order's price;</li>
 *   <li>quotes again, {@code spreadTicks} ticks below and above the print for the instrument's largest quantity,
 *       stepping back behind any host order they would otherwise cross;</li>
 *   <li>tells the book that the print traded, so that host stop orders trigger on the tape.</li>
 * </ol>
 *
 * So a resting limit order fills only when the recording trades at or through its price, by at most the printed
 * quantity per print, and a marketable order pays the spread to the quotes. A print whose quantity rounds to
 * nothing was not a trade: it is skipped, as is every print of a halted instrument (nothing trades in a halt). Runs on the thread that owns the {@link VenueCore}, like the twin.
 */
final class RecordedMarket {

    /** Owner of the quotes: below {@link MarketTwin#MAX_OWNER}, so the books treat it as venue flow, not a host. */
    static final long QUOTING_OWNER = 5;
    /** Owner of the orders that replay a print against host orders; apart from the quotes, so STP never meets. */
    static final long PRINT_OWNER = 6;

    private final VenueCore core;
    private final List<InstrumentSpec> specs;
    private final ReplayData[] tapes;
    private final int[] positions;
    private final long[] bids;
    private final long[] asks;
    private final int spreadTicks;

    /**
     * @param tapes per instrument of the venue, its recorded trades, or null for an instrument nobody trades
     * @param spreadTicks how many ticks the quotes stand off each print, at least 1
     */
    RecordedMarket(VenueCore core, List<InstrumentSpec> specs, List<ReplayData> tapes, int spreadTicks) {
        if (spreadTicks < 1) {
            throw new IllegalArgumentException("spreadTicks = " + spreadTicks + ": must be at least 1");
        }
        this.core = core;
        this.specs = specs;
        this.tapes = tapes.toArray(new ReplayData[0]);
        this.positions = new int[this.tapes.length];
        this.bids = new long[this.tapes.length];
        this.asks = new long[this.tapes.length];
        this.spreadTicks = spreadTicks;
    }

    /** Schedules each instrument's first print. */
    void start() {
        for (int i = 0; i < tapes.length; i++) {
            scheduleNext(i);
        }
    }

    /** Whether every print has been replayed. */
    boolean finished() {
        for (int i = 0; i < tapes.length; i++) {
            if (tapes[i] != null && positions[i] < tapes[i].size()) {
                return false;
            }
        }
        return true;
    }

    /** The print scheduled for {@code instrument} is due; a halted instrument lets it pass unseen. */
    void onPrint(int instrument, long now) {
        ReplayData tape = tapes[instrument];
        int index = positions[instrument]++;
        if (core.isTrading(instrument)) {
            replay(instrument, tape.price(index), tape.quantity(index), now);
        }
        scheduleNext(instrument);
    }

    private void scheduleNext(int instrument) {
        ReplayData tape = tapes[instrument];
        if (tape == null) {
            return;
        }
        while (positions[instrument] < tape.size() && tape.quantity(positions[instrument]) == 0) {
            positions[instrument]++;
        }
        if (positions[instrument] < tape.size()) {
            core.scheduleRecordedPrint(instrument, tape.timeNanos(positions[instrument]));
        }
    }

    private void replay(int instrument, long price, long quantity, long now) {
        OrderBook book = core.orderBook(instrument);
        InstrumentSpec spec = specs.get(instrument);
        withdraw(instrument, book);
        core.publishRecordedTrade(instrument, price, quantity, now);
        long lot = spec.instrument().lotSize();
        long tradable = Math.min(quantity - quantity % lot, spec.maxQuantity());
        if (tradable >= spec.instrument().minQuantity()) {
            book.submit(core.newOrderId(), PRINT_OWNER, Side.SELL, OrderType.LIMIT, TimeInForce.IOC, price, 0,
                    tradable, SelfTradePrevention.CANCEL_RESTING);
            book.submit(core.newOrderId(), PRINT_OWNER, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, price, 0,
                    tradable, SelfTradePrevention.CANCEL_RESTING);
        }
        quote(instrument, book, spec, price);
        book.tradedElsewhere(price);
        core.flushBook(instrument);
    }

    private void withdraw(int instrument, OrderBook book) {
        // A quote that was filled is gone; cancelling it again is refused by the book and ignored by the core.
        if (bids[instrument] != 0) {
            book.cancel(bids[instrument]);
            bids[instrument] = 0;
        }
        if (asks[instrument] != 0) {
            book.cancel(asks[instrument]);
            asks[instrument] = 0;
        }
    }

    private void quote(int instrument, OrderBook book, InstrumentSpec spec, long price) {
        TickTable ticks = spec.instrument().tickTable();
        long bid = price;
        long ask = price;
        for (int k = 0; k < spreadTicks && bid > 0; k++) {
            bid = ticks.covers(bid - 1) ? ticks.floor(bid - 1) : 0;
        }
        for (int k = 0; k < spreadTicks; k++) {
            ask = ticks.ceil(ask + 1);
        }
        // Only host orders are left on the book now; a quote that would cross one steps back behind it.
        long hostBid = book.bestBidPrice();
        long hostAsk = book.bestAskPrice();
        if (hostBid != 0 && ask <= hostBid) {
            ask = ticks.ceil(hostBid + 1);
        }
        if (hostAsk != 0 && bid >= hostAsk) {
            bid = ticks.covers(hostAsk - 1) ? ticks.floor(hostAsk - 1) : 0;
        }
        long quantity = spec.quoteQuantity();
        if (bid > 0) {
            bids[instrument] = core.newOrderId();
            book.submit(bids[instrument], QUOTING_OWNER, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, bid, 0,
                    quantity, SelfTradePrevention.CANCEL_RESTING);
        }
        if (ask <= spec.maxPrice()) {
            asks[instrument] = core.newOrderId();
            book.submit(asks[instrument], QUOTING_OWNER, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, ask, 0,
                    quantity, SelfTradePrevention.CANCEL_RESTING);
        }
    }
}
