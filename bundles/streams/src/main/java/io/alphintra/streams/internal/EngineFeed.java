package io.alphintra.streams.internal;

import io.alphintra.engine.EngineListener;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.ExecutionReport;

/**
 * The bundle's one engine listener. Called on the engine thread, so each call only offers the event it was given to
 * the ring and returns: no lock, no wait, no allocation (the engine hands listeners immutable events that may be
 * kept). While no client wants a kind of event, its calls return at once without waking the dispatcher.
 */
final class EngineFeed implements EngineListener {
    private final EventRing ring;
    private volatile boolean wantsTops;
    private volatile boolean wantsTrades;
    private volatile boolean wantsReports;

    EngineFeed(EventRing ring) {
        this.ring = ring;
    }

    /** Which events some client needs now; set by the dispatcher whenever subscriptions change. */
    void interest(boolean tops, boolean trades, boolean reports) {
        wantsTops = tops;
        wantsTrades = trades;
        wantsReports = reports;
    }

    @Override
    public void onTopOfBook(TopOfBook topOfBook) {
        if (wantsTops) {
            ring.offer(EventRing.TOP_OF_BOOK, topOfBook, null, null);
        }
    }

    @Override
    public void onTrade(Trade trade) {
        if (wantsTrades) {
            ring.offer(EventRing.TRADE, trade, null, null);
        }
    }

    @Override
    public void onReport(ExecutionReport report, String source, String strategyId) {
        if (wantsReports) {
            ring.offer(EventRing.REPORT, report, source, strategyId);
        }
    }

    @Override
    public String toString() {
        return "WebSocket streams feed";
    }
}
