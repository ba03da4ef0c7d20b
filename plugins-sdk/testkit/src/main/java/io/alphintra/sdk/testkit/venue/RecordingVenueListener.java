package io.alphintra.sdk.testkit.venue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

import org.opentest4j.AssertionFailedError;

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

/**
 * A {@link VenueListener} that records everything an adapter reports, for tests. Thread-safe: adapters call it
 * from their own threads. Market data events are copied with {@code toRecord()} during the call, as the host does,
 * so adapters may reuse flyweights.
 *
 * <p>Tests never sleep to synchronise: they wait for what they expect with a deadline
 * ({@link #awaitReport(String, Duration, Predicate)}, {@link #awaitConnected(int, Duration)}, ...), and a timeout
 * fails with everything that did arrive, so a partner sees what the adapter did instead.
 */
public final class RecordingVenueListener implements VenueListener {

    /** One callback, in arrival order, with the thread that made it. */
    public record Event(String kind, Object payload, String threadName) {
        @Override
        public String toString() {
            return kind + (payload == null ? "" : " " + payload) + " [thread " + threadName + "]";
        }
    }

    /** One {@link #onInstrumentStatus} call. */
    public record InstrumentStatusChange(InstrumentId instrumentId, InstrumentStatus status, String reason) {
        @Override
        public String toString() {
            return instrumentId + " " + status + " (" + reason + ")";
        }
    }

    private final Object lock = new Object();
    private final List<Event> events = new ArrayList<>();
    private final List<ExecutionReport> reports = new ArrayList<>();
    private final List<Thread> reportThreads = new ArrayList<>();
    private final List<Object> marketData = new ArrayList<>();
    private final List<String> disconnectReasons = new ArrayList<>();
    private final List<ExecutionReport> bookedReports = new ArrayList<>();
    private final List<InstrumentStatusChange> instrumentStatuses = new ArrayList<>();
    private int connectedCount;

    @Override
    public void onConnected() {
        record("onConnected", null, () -> connectedCount++);
    }

    @Override
    public void onDisconnected(String reason) {
        record("onDisconnected", reason, () -> disconnectReasons.add(String.valueOf(reason)));
    }

    @Override
    public void onTrade(Trade trade) {
        TradeRecord copy = trade == null ? null : trade.toRecord();
        record("onTrade", copy, () -> marketData.add(copy));
    }

    @Override
    public void onTopOfBook(TopOfBook topOfBook) {
        TopOfBookRecord copy = topOfBook == null ? null : topOfBook.toRecord();
        record("onTopOfBook", copy, () -> marketData.add(copy));
    }

    @Override
    public void onBookDelta(OrderBookDelta delta) {
        OrderBookDeltaRecord copy = delta == null ? null : delta.toRecord();
        record("onBookDelta", copy, () -> marketData.add(copy));
    }

    @Override
    public void onExecutionReport(ExecutionReport report) {
        record("onExecutionReport", report, () -> {
            reports.add(report);
            reportThreads.add(Thread.currentThread());
        });
    }

    /**
     * Records the report as {@link #onExecutionReport} does, also in {@link #bookedReports()}, and returns a completed
     * stage: a test stands for a host that journals at once. Adapters that acknowledge reports to their venue can be
     * tested to do so only after the stage completes.
     */
    @Override
    public CompletionStage<Void> bookExecutionReport(ExecutionReport report) {
        record("bookExecutionReport", report, () -> {
            reports.add(report);
            reportThreads.add(Thread.currentThread());
            bookedReports.add(report);
        });
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onInstrumentStatus(InstrumentId instrumentId, InstrumentStatus status, String reason) {
        InstrumentStatusChange change = new InstrumentStatusChange(instrumentId, status, reason);
        record("onInstrumentStatus", change, () -> instrumentStatuses.add(change));
    }

    private void record(String kind, Object payload, Runnable update) {
        synchronized (lock) {
            events.add(new Event(kind, payload, Thread.currentThread().getName()));
            update.run();
            lock.notifyAll();
        }
    }

    /** Times {@link #onConnected()} was called. */
    public int connectedCount() {
        synchronized (lock) {
            return connectedCount;
        }
    }

    /** The reasons of every {@link #onDisconnected(String)} so far. */
    public List<String> disconnectReasons() {
        synchronized (lock) {
            return List.copyOf(disconnectReasons);
        }
    }

    /** Every execution report so far, in arrival order. */
    public List<ExecutionReport> reports() {
        synchronized (lock) {
            return List.copyOf(reports);
        }
    }

    /** The reports that came through {@link #bookExecutionReport} (they are in {@link #reports()} as well). */
    public List<ExecutionReport> bookedReports() {
        synchronized (lock) {
            return List.copyOf(bookedReports);
        }
    }

    /** Every {@link #onInstrumentStatus} call so far, in arrival order. */
    public List<InstrumentStatusChange> instrumentStatuses() {
        synchronized (lock) {
            return List.copyOf(instrumentStatuses);
        }
    }

    /** The thread that delivered each report of {@link #reports()}, same order. */
    public List<Thread> reportThreads() {
        synchronized (lock) {
            return List.copyOf(reportThreads);
        }
    }

    /** Market data received so far as immutable records ({@code TradeRecord}, {@code TopOfBookRecord}, ...). */
    public List<Object> marketData() {
        synchronized (lock) {
            return List.copyOf(marketData);
        }
    }

    /** Every callback so far, for failure messages. */
    public List<Event> events() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    /** Waits until {@link #onConnected()} has been called at least {@code count} times in all. */
    public void awaitConnected(int count, Duration timeout) {
        await("onConnected() call number " + count, timeout, () -> connectedCount >= count);
    }

    /** Waits until {@link #onDisconnected(String)} has been called at least {@code count} times in all. */
    public void awaitDisconnected(int count, Duration timeout) {
        await("onDisconnected(reason) call number " + count, timeout, () -> disconnectReasons.size() >= count);
    }

    /**
     * Waits for the first report, from the beginning of the recording, that matches {@code expected}.
     *
     * @param what the expectation in words, for the failure message, e.g. {@code a NEW report for order t-1}
     * @return the report
     * @throws AssertionFailedError after {@code timeout}, listing every callback that did arrive
     */
    public ExecutionReport awaitReport(String what, Duration timeout, Predicate<ExecutionReport> expected) {
        return awaitReportFrom(0, what, timeout, expected);
    }

    /** Like {@link #awaitReport}, but considers only reports at index {@code fromIndex} of {@link #reports()} or later. */
    public ExecutionReport awaitReportFrom(int fromIndex, String what, Duration timeout,
            Predicate<ExecutionReport> expected) {
        ExecutionReport[] found = new ExecutionReport[1];
        await(what, timeout, () -> {
            for (int i = fromIndex; i < reports.size(); i++) {
                if (expected.test(reports.get(i))) {
                    found[0] = reports.get(i);
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Waits for market data matching {@code expected} at index {@code fromIndex} of {@link #marketData()} or later. */
    public Object awaitMarketData(int fromIndex, String what, Duration timeout, Predicate<Object> expected) {
        Object[] found = new Object[1];
        await(what, timeout, () -> {
            for (int i = fromIndex; i < marketData.size(); i++) {
                if (expected.test(marketData.get(i))) {
                    found[0] = marketData.get(i);
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /**
     * Waits up to {@code timeout} for {@code condition}, evaluated under the lock after each callback.
     *
     * @return whether it became true; never fails
     */
    public boolean waitUpTo(Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Waits with a deadline on the listener's monitor; the condition is evaluated under the lock.
     *
     * @throws AssertionFailedError on timeout, naming what was expected and listing what arrived
     */
    public void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionFailedError("Timed out after " + timeout.toMillis() + " ms waiting for "
                            + what + ". The adapter reported instead:" + describe(events));
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionFailedError("Interrupted while waiting for " + what, e);
                }
            }
        }
    }

    private static String describe(List<Event> events) {
        if (events.isEmpty()) {
            return " nothing at all";
        }
        StringBuilder out = new StringBuilder();
        int from = Math.max(0, events.size() - 30);
        if (from > 0) {
            out.append("\n  ... ").append(from).append(" earlier callbacks");
        }
        for (int i = from; i < events.size(); i++) {
            out.append("\n  ").append(i + 1).append(". ").append(events.get(i));
        }
        return out.toString();
    }
}
