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

        void orderFilled(String clientOrderId, String execId, String quantity, String price, boolean maker,
                long timeNanos);

        void orderCanceled(String cancelId, String clientOrderId, long timeNanos);

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

    void newOrder(String clientOrderId, String symbol, Side side, TimeInForce timeInForce, String quantity,
            String limitPrice);

    void cancel(String cancelId, String clientOrderId, String symbol);

    void amend(String newClientOrderId, String clientOrderId, String symbol, String quantity, String limitPrice);

    void subscribe(String symbol, String channel);

    void unsubscribe(String symbol, String channel);
}
