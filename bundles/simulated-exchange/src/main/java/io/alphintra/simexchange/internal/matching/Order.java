package io.alphintra.simexchange.internal.matching;

/** A pooled, mutable order; also the node of its price level's intrusive FIFO list. */
final class Order {
    long id;
    long ownerId;
    Side side;
    OrderType type;
    TimeInForce timeInForce;
    SelfTradePrevention selfTradePrevention;
    long price;
    long stopPrice;
    long remaining;

    PriceLevel level;
    Order prev;
    Order next;
}
