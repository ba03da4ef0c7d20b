package io.alphintra.simexchange.internal.venue;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;

/** The venue's state of one order from the host, owned by the venue thread. */
final class HostOrder {
    final long bookOrderId;
    final String venueOrderId;
    final Instrument instrument;
    final int book;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    ClientOrderId clientOrderId;
    long quantity;
    long limitPrice;
    final long stopPrice;
    /** The account the order trades for: self-trade prevention works per account. */
    final String accountId;
    long cumQuantity;
    long cumPriceQuantity;
    OrderStatus status = OrderStatus.PENDING_NEW;

    HostOrder(long bookOrderId, String venueOrderId, Instrument instrument, int book, ClientOrderId clientOrderId,
            Side side, OrderType type, TimeInForce timeInForce, long quantity, long limitPrice, long stopPrice,
            String accountId) {
        this.bookOrderId = bookOrderId;
        this.venueOrderId = venueOrderId;
        this.instrument = instrument;
        this.book = book;
        this.clientOrderId = clientOrderId;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
        this.stopPrice = stopPrice;
        this.accountId = accountId;
    }

    /**
     * Whether the order can outlive the command that brought it: a resting DAY or GTC limit order, or a stop
     * waiting for its trigger. Only such orders are journaled; a market, IOC or FOK order is done when its command
     * is, and after a crash it is simply not on the book.
     */
    boolean canRest() {
        return switch (type) {
            case MARKET -> false;
            case LIMIT -> timeInForce == TimeInForce.DAY || timeInForce == TimeInForce.GTC;
            case STOP, STOP_LIMIT -> true;
        };
    }

    long leavesQuantity() {
        return status.isTerminal() ? 0 : quantity - cumQuantity;
    }
}
