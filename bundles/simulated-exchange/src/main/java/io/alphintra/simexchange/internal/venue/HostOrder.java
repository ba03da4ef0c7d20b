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
    long cumQuantity;
    long cumPriceQuantity;
    OrderStatus status = OrderStatus.PENDING_NEW;

    HostOrder(long bookOrderId, String venueOrderId, Instrument instrument, int book, ClientOrderId clientOrderId,
            Side side, OrderType type, TimeInForce timeInForce, long quantity, long limitPrice, long stopPrice) {
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
    }

    long leavesQuantity() {
        return status.isTerminal() ? 0 : quantity - cumQuantity;
    }
}
