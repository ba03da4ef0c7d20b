package io.alphintra.sdk.venue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.order.CancelRequest;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.ReplaceRequest;

/**
 * Connects the host to one venue: market data in, orders out, execution reports back. Register an
 * implementation as an OSGi service; only the host's order gateway ever obtains it (strategies cannot), so every
 * order an adapter receives has passed the pre-trade gate.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Never block the caller.</b> Every method returns promptly; network work happens on the adapter's own
 *       threads and results come back through the {@link VenueListener} given to {@link #connect} or the returned
 *       {@link CompletionStage}. The host calls from its engine threads.</li>
 *   <li><b>Venue outcomes are reports, not exceptions.</b> A venue rejection, or a request while disconnected,
 *       becomes an {@link io.alphintra.sdk.order.ExecutionReport} with a
 *       {@link io.alphintra.sdk.order.RejectReason}. Exceptions are for programming errors only.</li>
 *   <li><b>Reconnect.</b> After a reconnect the host calls {@link #executionsSince(long)} to book what it missed,
 *       then {@link #openOrders()}, and reconciles; an adapter never resends orders on its own.</li>
 *   <li><b>Exactly once.</b> A report's {@code execId} is the venue's id for that execution and never changes when
 *       the report is sent again; the host books each execution id of an order once, so resending is safe and
 *       losing is not. An adapter that must acknowledge reports to its venue does so when the stage returned by
 *       {@link VenueListener#bookExecutionReport} completes, never before.</li>
 *   <li><b>Units.</b> Prices and quantities are in the instrument's units; the adapter converts to and from the
 *       venue's format exactly (see {@link io.alphintra.sdk.money.Decimals}).</li>
 * </ul>
 */
@ConsumerType
public interface ExchangeAdapter {

    /** The venue this adapter connects to; constant for the adapter's life. */
    Venue venue();

    /** What the adapter supports; constant while connected. */
    VenueCapabilities capabilities();

    /**
     * Starts connecting; returns at once. {@link VenueListener#onConnected()} follows on success, and
     * {@link VenueListener#onDisconnected(String)} on failure or later loss. The adapter keeps the listener until
     * {@link #disconnect()} and reconnects by itself with back-off.
     */
    void connect(VenueListener listener);

    /** Logs out and stops reconnecting; {@link VenueListener#onDisconnected(String)} follows. */
    void disconnect();

    /** Reference data of the venue's tradable instruments, fetched asynchronously. */
    CompletionStage<List<Instrument>> instruments();

    /** Starts delivery of {@code type} for an instrument; a book subscription begins with a clearing delta. */
    void subscribe(InstrumentId instrumentId, MarketDataType type);

    void unsubscribe(InstrumentId instrumentId, MarketDataType type);

    /** Sends a new order; a {@code NEW} or {@code REJECTED} report follows. */
    void submit(OrderRequest order);

    /** Sends a cancel; a {@code CANCELED} or {@code CANCEL_REJECTED} report follows. */
    void cancel(CancelRequest request);

    /** Sends a replace; a {@code REPLACED} or {@code REPLACE_REJECTED} report follows. */
    void replace(ReplaceRequest request);

    /** The venue's view of this session's working orders, for reconciliation after a reconnect. */
    CompletionStage<List<OpenOrder>> openOrders();

    /**
     * Every execution report the venue made for this session's orders at or after {@code sinceEpochNanos}
     * (transact time), in the venue's order: fills ({@code TRADE}, with their original {@code execId}, price, fee
     * and liquidity) and the outcomes that ended orders (canceled, expired, rejected). The host asks after each
     * (re)connect, before it decides from {@link #openOrders()} that an order it holds is gone, so that an order
     * filled while the host was down or disconnected keeps its fill. Reports the host already booked may come again;
     * it recognises them by {@code execId}. Returns at once; the venue answers on the stage.
     *
     * <p>An adapter whose venue cannot replay executions keeps this default, which fails the stage with
     * {@link UnsupportedOperationException}: the host then does not cancel an order missing from the venue's open
     * orders on its own word, but flags it for an operator to reconcile.
     *
     * @since 1.1
     */
    default CompletionStage<List<ExecutionReport>> executionsSince(long sinceEpochNanos) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "venue " + venue().id() + " cannot replay executions"));
    }
}
