package io.alphintra.simexchange.internal.venue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.OrderBookDelta;
import io.alphintra.sdk.marketdata.OrderBookDeltaRecord;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.venue.InstrumentStatus;
import io.alphintra.sdk.venue.VenueListener;

/** Records everything a venue says, copying flyweights; waits with a deadline, never with a sleep. */
final class RecordingListener implements VenueListener {
    final List<Object> events = new ArrayList<>();
    final Thread[] callingThread = new Thread[1];

    @Override
    public synchronized void onConnected() {
        add("connected");
    }

    @Override
    public synchronized void onDisconnected(String reason) {
        add("disconnected: " + reason);
    }

    @Override
    public synchronized void onTrade(Trade trade) {
        add(trade.toRecord());
    }

    @Override
    public synchronized void onTopOfBook(TopOfBook topOfBook) {
        add(topOfBook.toRecord());
    }

    @Override
    public synchronized void onBookDelta(OrderBookDelta delta) {
        add(delta.toRecord());
    }

    @Override
    public synchronized void onExecutionReport(ExecutionReport report) {
        add(report);
    }

    @Override
    public synchronized CompletionStage<Void> bookExecutionReport(ExecutionReport report) {
        add(report);
        return CompletableFuture.completedFuture(null);
    }

    /** One {@link #onInstrumentStatus} call. */
    record StatusChange(InstrumentId instrumentId, InstrumentStatus status, String reason) {
    }

    @Override
    public synchronized void onInstrumentStatus(InstrumentId instrumentId, InstrumentStatus status, String reason) {
        add(new StatusChange(instrumentId, status, reason));
    }

    private void add(Object event) {
        callingThread[0] = Thread.currentThread();
        events.add(event);
        notifyAll();
    }

    synchronized void clear() {
        events.clear();
    }

    synchronized List<Object> snapshot() {
        return new ArrayList<>(events);
    }

    synchronized <T> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object event : events) {
            if (type.isInstance(event)) {
                out.add(type.cast(event));
            }
        }
        return out;
    }

    List<ExecutionReport> reports() {
        return all(ExecutionReport.class);
    }

    List<StatusChange> statuses() {
        return all(StatusChange.class);
    }

    List<TradeRecord> trades() {
        return all(TradeRecord.class);
    }

    List<TopOfBookRecord> tops() {
        return all(TopOfBookRecord.class);
    }

    List<OrderBookDeltaRecord> deltas() {
        return all(OrderBookDeltaRecord.class);
    }

    /** Waits until {@code count} events match, at most 5 s; returns them. */
    synchronized <T> List<T> await(Class<T> type, Predicate<T> match, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            List<T> found = new ArrayList<>();
            for (Object event : events) {
                if (type.isInstance(event) && match.test(type.cast(event))) {
                    found.add(type.cast(event));
                }
            }
            if (found.size() >= count) {
                return found;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for " + count + " " + type.getSimpleName()
                        + " events; got " + events);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    <T> T awaitOne(Class<T> type, Predicate<T> match) throws InterruptedException {
        return await(type, match, 1).get(0);
    }

    ExecutionReport awaitReport(Predicate<ExecutionReport> match) throws InterruptedException {
        return awaitOne(ExecutionReport.class, match);
    }

    void awaitText(String text) throws InterruptedException {
        awaitOne(String.class, text::equals);
    }
}
