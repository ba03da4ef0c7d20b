package io.alphintra.sdk.marketdata;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives market data. Every method has an empty default so that an implementation overrides only what it
 * subscribed to. Events are flyweights: valid only during the call (see the package documentation).
 */
@ConsumerType
public interface MarketDataListener {

    default void onTrade(Trade trade) {
    }

    default void onTopOfBook(TopOfBook topOfBook) {
    }

    default void onBookDelta(OrderBookDelta delta) {
    }

    default void onBar(Bar bar) {
    }
}
