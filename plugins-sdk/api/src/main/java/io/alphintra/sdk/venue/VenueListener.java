package io.alphintra.sdk.venue;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.OrderBookDelta;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.ExecutionReport;

/**
 * The host's sink for one adapter's session, given to {@link ExchangeAdapter#connect(VenueListener)}.
 *
 * <p>Adapters may call it from any of their threads, including concurrently; the host's implementation is
 * thread-safe and returns quickly (it queues onto the engine). Market data objects may be the adapter's own
 * reused flyweights: the host copies what it keeps before returning, so the adapter may reuse them after the
 * call. Execution reports must be delivered in the venue's order per order.
 */
@ProviderType
public interface VenueListener {

    /** The session is logged on; the host may now subscribe and send orders, and reconciles open orders. */
    void onConnected();

    /**
     * The session is down. Pending requests are in doubt until reconciled after the next
     * {@link #onConnected()}. The host applies cancel-on-disconnect policy (PT12) for the session's orders.
     *
     * @param reason for operators, e.g. {@code heartbeat timeout}
     */
    void onDisconnected(String reason);

    void onTrade(Trade trade);

    void onTopOfBook(TopOfBook topOfBook);

    void onBookDelta(OrderBookDelta delta);

    /** A change to an order; leave {@code orderId} null, the host fills it in. */
    void onExecutionReport(ExecutionReport report);

    /**
     * As {@link #onExecutionReport}, and says when the report is safe: the returned stage completes once the host
     * has booked the report durably (journaled, under the engine's durability setting), or once it recognised the
     * report's {@code execId} as already booked. An adapter whose venue wants acknowledgements (a FIX session's
     * persisted inbound sequence number, a drop-copy offset, a message-queue commit) acknowledges only then, so a
     * crash between receipt and journal loses nothing: the venue sends the report again.
     *
     * <p>The stage completes exceptionally, with a message saying why, when the host refused the report (it is
     * malformed or contradicts the order, and the host flagged the order for reconciliation) or could not make it
     * durable (the engine halted). Completion comes on an engine thread: do not block in a dependent action.
     *
     * @since 1.1
     */
    CompletionStage<Void> bookExecutionReport(ExecutionReport report);

    /**
     * The venue changed whether an instrument trades: a halt or suspension, a resumption, or the end of its
     * session. The host refuses new orders in a halted or closed instrument before they reach the venue.
     *
     * @param reason for operators, e.g. {@code LULD pause} or {@code session closed}
     * @since 1.1
     */
    void onInstrumentStatus(InstrumentId instrumentId, InstrumentStatus status, String reason);
}
