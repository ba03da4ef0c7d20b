package ${package};

import java.util.List;
import java.util.concurrent.CompletionStage;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;

/**
 * The venue's wire, as the adapter needs it: sessions, orders and market data in the venue's own terms (its
 * symbols, decimal strings, its error codes). Implement it over the venue's API (REST and WebSocket, FIX, a
 * vendor SDK) and register it as an OSGi service; {@link GatewayExchangeAdapter} turns it into the SDK contract.
 *
 * <p>Implementations call the {@link Listener} from their own I/O threads and never block the caller.
 */
public interface VenueGateway {

    /** What the venue says, in its own terms. Prices and quantities are decimal strings, as venues send them. */
    interface Listener {
        void sessionUp();

        void sessionDown(String reason);

        void orderAccepted(String clientOrderId, String venueOrderId, long timeNanos);

        /** @param code the venue's error code, e.g. {@code PRICE_FILTER} */
        void orderRejected(String clientOrderId, String code, String text, long timeNanos);

        /**
         * @param execId the venue's id of this fill, the same in its execution history
         * @param fee what the venue charged for the fill, a decimal string in {@code feeCurrency} ("0" if nothing)
         */
        void orderFilled(String clientOrderId, String execId, String quantity, String price, boolean maker,
                String fee, String feeCurrency, long timeNanos);

        /** @param execId the venue's id of the cancel, the same in its execution history */
        void orderCanceled(String cancelId, String clientOrderId, String execId, long timeNanos);

        void cancelRejected(String cancelId, String clientOrderId, String code, String text, long timeNanos);

        void orderAmended(String newClientOrderId, String clientOrderId, String quantity, String limitPrice,
                long timeNanos);

        void amendRejected(String newClientOrderId, String clientOrderId, String code, String text, long timeNanos);

        void trade(String symbol, String price, String quantity, boolean buyerAggressor, long timeNanos);

        void quote(String symbol, String bidPrice, String bidSize, String askPrice, String askSize, long timeNanos);
    }

    /**
     * A working order as the venue lists it.
     *
     * @param filledValue Σ price × quantity of the fills as a decimal string, exact
     */
    record VenueOrder(String clientOrderId, String venueOrderId, String symbol, Side side, TimeInForce timeInForce,
            String quantity, String limitPrice, String filledQuantity, String filledValue) {
    }

    /** What ended or changed an order in the venue's execution history. */
    enum ExecutionKind {
        FILL,
        CANCELED
    }

    /**
     * One execution as the venue's history lists it, with the order's totals after it (as FIX's CumQty does).
     *
     * @param cancelId for a cancel, the id of the cancel request; null for a fill
     * @param orderQuantity the order's total quantity when it happened
     * @param quantity for a fill, its quantity; null for a cancel
     * @param price for a fill, its price; null for a cancel
     * @param fee for a fill, what the venue charged, in {@code feeCurrency}; null for a cancel
     * @param filledQuantity the order's filled quantity after it
     * @param filledValue Σ price × quantity of the order's fills after it, exact
     */
    record VenueExecution(ExecutionKind kind, String execId, String clientOrderId, String cancelId,
            String venueOrderId, String symbol, Side side, String orderQuantity, String quantity, String price,
            boolean maker, String fee, String feeCurrency, String filledQuantity, String filledValue, long timeNanos) {
    }

    /** Market data channels. */
    String QUOTES = "quotes";
    String TRADES = "trades";

    /** Opens a session; {@link Listener#sessionUp()} or {@link Listener#sessionDown(String)} follows. */
    void open(Listener listener);

    /** Closes the session; {@link Listener#sessionDown(String)} follows. */
    void close();

    /** The venue's instruments, converted to SDK reference data. */
    CompletionStage<List<Instrument>> instruments();

    /** The session's working orders as the venue has them. */
    CompletionStage<List<VenueOrder>> openOrders();

    /**
     * The session's executions at or after {@code sinceEpochNanos} (venue time), in the venue's order: its trade
     * history (a REST "my trades" query, a FIX resend or drop copy), so that nothing filled while disconnected is lost.
     */
    CompletionStage<List<VenueExecution>> executionsSince(long sinceEpochNanos);

    void newOrder(String clientOrderId, String symbol, Side side, TimeInForce timeInForce, String quantity,
            String limitPrice);

    void cancel(String cancelId, String clientOrderId, String symbol);

    void amend(String newClientOrderId, String clientOrderId, String symbol, String quantity, String limitPrice);

    void subscribe(String symbol, String channel);

    void unsubscribe(String symbol, String channel);
}
