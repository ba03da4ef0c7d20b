package io.alphintra.engine.internal.command;

import io.alphintra.engine.TradingEngine;
import io.alphintra.engine.internal.core.CallScopedListener;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The venue's answer to one order — filled, rejected with its reason, cancelled, or acknowledged and working — for a
 * command that would otherwise only print the engine's {@code PENDING_NEW} and leave the operator to look the outcome
 * up. Listens from before the order is sent until {@link #close()}, so an answer faster than the command cannot be
 * missed.
 *
 * <p>Call-scoped: it ignores market data, so the engine hands it its flyweights instead of copying every trade and
 * top of book while a command waits.
 */
final class VenueAnswer implements CallScopedListener, AutoCloseable {
    private final TradingEngine engine;
    private final ClientOrderId clientOrderId;
    private final CompletableFuture<ExecutionReport> acknowledged = new CompletableFuture<>();
    private final CompletableFuture<ExecutionReport> outcome = new CompletableFuture<>();

    private VenueAnswer(TradingEngine engine, ClientOrderId clientOrderId) {
        this.engine = engine;
        this.clientOrderId = clientOrderId;
    }

    /** Starts listening for reports about the order {@code clientOrderId} names. */
    static VenueAnswer listen(TradingEngine engine, ClientOrderId clientOrderId) {
        VenueAnswer listener = new VenueAnswer(engine, clientOrderId);
        engine.addListener(listener);
        return listener;
    }

    /** On the engine thread: only completes futures, which nobody chained work to. */
    @Override
    public void onReport(ExecutionReport report, String source, String strategyId) {
        if (report.execType() == ExecType.PENDING_NEW || !clientOrderId.equals(report.clientOrderId())) {
            return;
        }
        (report.execType() == ExecType.NEW ? acknowledged : outcome).complete(report);
    }

    /**
     * The first report after {@code PENDING_NEW} that says how the order fared (a fill, a rejection, a cancel), or
     * the acknowledgement when nothing follows it within {@code afterAcknowledgementMillis} (an order that rests);
     * empty when the venue said nothing within {@code millis}.
     */
    Optional<ExecutionReport> await(long millis, long afterAcknowledgementMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            CompletableFuture.anyOf(acknowledged, outcome).get(millis, TimeUnit.MILLISECONDS);
            if (!outcome.isDone()) {
                // A venue fills or cancels an immediate order at once after acknowledging it; a resting one waits.
                long left = Math.max(0, deadline - System.nanoTime());
                outcome.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(afterAcknowledgementMillis)),
                        TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            // Said what it said in time; what it did not say, alphintra:orders shows later.
        } catch (ExecutionException e) {
            throw new IllegalStateException("never completed exceptionally", e);
        }
        return Optional.ofNullable(outcome.getNow(acknowledged.getNow(null)));
    }

    @Override
    public void close() {
        engine.removeListener(this);
    }
}
