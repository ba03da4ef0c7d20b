package io.alphintra.sdk.venue;

import org.osgi.annotation.versioning.ProviderType;

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
}
