package io.alphintra.simexchange.internal.matching;

/**
 * The limit order book of one instrument: price-time priority, market/limit/stop/stop-limit orders, IOC/FOK/DAY/GTC,
 * cancel and replace, self-trade prevention, tick/lot validation and maker/taker fees. The rules are described in the
 * bundle's README.md.
 *
 * <p>Single writer: one thread owns a book and calls every method; there are no locks. Each command reports its
 * outcome synchronously to the {@link MatchingListener}, in a deterministic order with one sequence number per
 * event, so replaying the same commands gives the same events. Orders and price levels are pooled: once the pools
 * and tables have grown to the working set, a command allocates nothing.
 *
 * <p>Order ids are chosen by the caller and must be unique among live orders (resting or waiting stops); an id may be
 * reused once its order is gone.
 */
public final class OrderBook {

    private final BookConfig config;
    private final MatchingListener listener;

    private final PriceLadder bids = new PriceLadder(true, true);
    private final PriceLadder asks = new PriceLadder(false, true);
    /** Buy stops trigger when the last trade price rises to them: the lowest stop price goes first. */
    private final PriceLadder buyStops = new PriceLadder(false, false);
    /** Sell stops trigger when the last trade price falls to them: the highest stop price goes first. */
    private final PriceLadder sellStops = new PriceLadder(true, false);
    private final OrderIndex orders;

    private Order[] freeOrders;
    private int freeOrderCount;
    private PriceLevel[] freeLevels = new PriceLevel[64];
    private int freeLevelCount;

    /** Book levels touched by the current command, in first-touch order. */
    private PriceLevel[] dirtyLevels = new PriceLevel[64];
    private int dirtyCount;

    private long sequence;
    /** 0 until the first trade: prices are positive, and no stop may trigger before there is a last price. */
    private long lastTradePrice;
    private long publishedBidPrice;
    private long publishedBidQuantity;
    private long publishedAskPrice;
    private long publishedAskQuantity;

    /**
     * @param config               the instrument's trading rules
     * @param listener             receives every event; see its contract
     * @param initialOrderCapacity live orders to pre-allocate for, so that the steady state allocates nothing
     */
    public OrderBook(BookConfig config, MatchingListener listener, int initialOrderCapacity) {
        this.config = java.util.Objects.requireNonNull(config, "config");
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
        int capacity = Math.max(16, initialOrderCapacity);
        this.orders = new OrderIndex(capacity);
        this.freeOrders = new Order[capacity];
        for (int i = 0; i < capacity; i++) {
            freeOrders[freeOrderCount++] = new Order();
        }
    }

    public BookConfig config() {
        return config;
    }

    /**
     * Sends a new order.
     *
     * @param price     the limit price for LIMIT and STOP_LIMIT, 0 for MARKET and STOP
     * @param stopPrice the trigger price for STOP and STOP_LIMIT, 0 otherwise
     */
    public void submit(long orderId, long ownerId, Side side, OrderType type, TimeInForce timeInForce, long price,
                       long stopPrice, long quantity, SelfTradePrevention selfTradePrevention) {
        RejectReason reason = validateNew(orderId, side, type, timeInForce, price, stopPrice, quantity, ownerId,
                selfTradePrevention);
        if (reason != null) {
            listener.onRejected(++sequence, orderId, reason);
            return;
        }
        Order order = acquireOrder();
        order.id = orderId;
        order.ownerId = ownerId;
        order.side = side;
        order.type = type;
        order.timeInForce = timeInForce;
        order.selfTradePrevention = selfTradePrevention;
        order.price = price;
        order.stopPrice = stopPrice;
        order.remaining = quantity;
        orders.put(orderId, order);
        listener.onAccepted(++sequence, orderId, ownerId, side, type, timeInForce, price, stopPrice, quantity);
        if (type == OrderType.STOP || type == OrderType.STOP_LIMIT) {
            PriceLadder stops = side == Side.BUY ? buyStops : sellStops;
            PriceLevel level = stops.find(stopPrice);
            if (level == null) {
                level = acquireLevel(stopPrice, side, stops);
                stops.insert(level);
            }
            level.append(order);
        } else {
            execute(order);
        }
        triggerStops();
        publish();
    }

    /** Cancels a resting order or a waiting stop. */
    public void cancel(long orderId) {
        Order order = orders.get(orderId);
        if (order == null) {
            listener.onRejected(++sequence, orderId, RejectReason.UNKNOWN_ORDER);
            return;
        }
        detach(order);
        listener.onCancelled(++sequence, orderId, order.remaining, CancelReason.REQUESTED);
        release(order);
        publish();
    }

    /**
     * Changes a resting limit order's price and/or open quantity. Reducing the quantity at the same price keeps the
     * order's place in the queue; any other change sends it to the back of the queue at the new price, after it has
     * matched like a new order if the new price crosses the spread. Venues do the same: otherwise raising a quantity
     * would jump the queue.
     *
     * @param newQuantity the new open quantity (what is left to fill), not the original total
     */
    public void replace(long orderId, long newPrice, long newQuantity) {
        Order order = orders.get(orderId);
        RejectReason reason = null;
        if (order == null) {
            reason = RejectReason.UNKNOWN_ORDER;
        } else if (!order.level.ladder.publishesDepth) {
            reason = RejectReason.ORDER_NOT_REPLACEABLE;
        } else if (!validQuantity(newQuantity)) {
            reason = RejectReason.INVALID_QUANTITY;
        } else if (!validPrice(newPrice)) {
            reason = RejectReason.INVALID_PRICE;
        }
        if (reason != null) {
            listener.onRejected(++sequence, orderId, reason);
            return;
        }
        if (newPrice == order.price && newQuantity <= order.remaining) {
            PriceLevel level = order.level;
            level.quantity -= order.remaining - newQuantity;
            order.remaining = newQuantity;
            markDirty(level);
            listener.onReplaced(++sequence, orderId, newPrice, newQuantity, true);
        } else {
            detach(order);
            order.price = newPrice;
            order.remaining = newQuantity;
            listener.onReplaced(++sequence, orderId, newPrice, newQuantity, false);
            execute(order);
            triggerStops();
        }
        publish();
    }

    /**
     * Closes the session: expires every resting DAY order and every waiting stop that is not GTC (an IOC or FOK
     * stop lives for the session it was sent in). Order: bids best to worst, asks best to worst, then buy and sell
     * stops in trigger order; FIFO within a level.
     */
    public void endOfDay() {
        expire(bids);
        expire(asks);
        expire(buyStops);
        expire(sellStops);
        publish();
    }

    /** The price of the last trade, or 0 if there has been none. */
    public long lastTradePrice() {
        return lastTradePrice;
    }

    /**
     * A trade printed outside this book, such as a recorded trade replayed on a simulated venue: it becomes the
     * last trade price, and the stops it reaches trigger as after a trade here.
     */
    public void tradedElsewhere(long price) {
        if (price <= 0) {
            throw new IllegalArgumentException("price must be positive: " + price);
        }
        lastTradePrice = price;
        triggerStops();
        publish();
    }

    /** The best bid price, or 0 if there are no bids. */
    public long bestBidPrice() {
        return bids.isEmpty() ? 0 : bids.best().price;
    }

    /** The quantity at the best bid, or 0 if there are no bids. */
    public long bestBidQuantity() {
        return bids.isEmpty() ? 0 : bids.best().quantity;
    }

    /** The best ask price, or 0 if there are no asks. */
    public long bestAskPrice() {
        return asks.isEmpty() ? 0 : asks.best().price;
    }

    /** The quantity at the best ask, or 0 if there are no asks. */
    public long bestAskQuantity() {
        return asks.isEmpty() ? 0 : asks.best().quantity;
    }

    /** Copies the best {@code out.maxLevels()} levels of each side into {@code out}. */
    public void depth(DepthSnapshot out) {
        out.fill(Side.BUY, bids);
        out.fill(Side.SELL, asks);
    }

    /** The open quantity of a live order (resting or waiting stop), or 0 if there is none with this id. */
    public long openQuantity(long orderId) {
        Order order = orders.get(orderId);
        return order == null ? 0 : order.remaining;
    }

    /** How many orders are live: resting plus waiting stops. */
    public int liveOrders() {
        return orders.size();
    }

    private RejectReason validateNew(long orderId, Side side, OrderType type, TimeInForce timeInForce, long price,
                                     long stopPrice, long quantity, long ownerId, SelfTradePrevention stp) {
        if (orders.get(orderId) != null) {
            return RejectReason.DUPLICATE_ORDER_ID;
        }
        if (!validQuantity(quantity)) {
            return RejectReason.INVALID_QUANTITY;
        }
        boolean limited = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT;
        if (limited ? !validPrice(price) : price != 0) {
            return RejectReason.INVALID_PRICE;
        }
        boolean stop = type == OrderType.STOP || type == OrderType.STOP_LIMIT;
        if (stop ? !validPrice(stopPrice) : stopPrice != 0) {
            return RejectReason.INVALID_STOP_PRICE;
        }
        if (type == OrderType.MARKET && timeInForce != TimeInForce.IOC && timeInForce != TimeInForce.FOK) {
            return RejectReason.INVALID_TIME_IN_FORCE;
        }
        if (type == OrderType.MARKET && (side == Side.BUY ? asks : bids).isEmpty()) {
            return RejectReason.NO_LIQUIDITY;
        }
        if (!stop && timeInForce == TimeInForce.FOK && !fillable(side, limited, price, quantity, ownerId, stp)) {
            return RejectReason.FOK_NOT_FILLABLE;
        }
        return null;
    }

    private boolean validPrice(long price) {
        return price > 0 && price <= config.maxPrice() && price % config.tickSize() == 0;
    }

    private boolean validQuantity(long quantity) {
        return quantity >= config.minQuantity() && quantity <= config.maxQuantity()
                && quantity % config.lotSize() == 0;
    }

    /**
     * Whether an order could fill completely right now, walking the book exactly as matching would (including the
     * self-trade prevention outcome), so that a FOK order is checked before any fill and never partly executes.
     */
    private boolean fillable(Side side, boolean limited, long price, long quantity, long ownerId,
                             SelfTradePrevention stp) {
        PriceLadder book = side == Side.BUY ? asks : bids;
        long needed = quantity;
        for (int rank = 0, n = book.size(); rank < n; rank++) {
            PriceLevel level = book.fromBest(rank);
            if (limited && !crosses(side, price, level.price)) {
                return false;
            }
            if (stp == SelfTradePrevention.NONE) {
                needed -= level.quantity;
                if (needed <= 0) {
                    return true;
                }
                continue;
            }
            for (Order maker = level.head; maker != null; maker = maker.next) {
                if (maker.ownerId == ownerId) {
                    if (stp == SelfTradePrevention.CANCEL_RESTING) {
                        continue;
                    }
                    return false;
                }
                needed -= maker.remaining;
                if (needed <= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean crosses(Side side, long limitPrice, long levelPrice) {
        return side == Side.BUY ? levelPrice <= limitPrice : levelPrice >= limitPrice;
    }

    /** Matches an accepted order that is in no level, then rests or cancels what is left. */
    private void execute(Order taker) {
        boolean stoppedBySelfTrade = match(taker);
        if (taker.remaining == 0) {
            release(taker);
        } else if (stoppedBySelfTrade) {
            cancelUnfilled(taker, CancelReason.SELF_TRADE_PREVENTION);
        } else if (taker.type == OrderType.MARKET || taker.timeInForce == TimeInForce.IOC
                || taker.timeInForce == TimeInForce.FOK) {
            cancelUnfilled(taker, CancelReason.UNFILLED_REMAINDER);
        } else {
            rest(taker);
        }
    }

    /** @return true if self-trade prevention cancelled the rest of the taker */
    private boolean match(Order taker) {
        PriceLadder book = taker.side == Side.BUY ? asks : bids;
        boolean limited = taker.type == OrderType.LIMIT;
        SelfTradePrevention stp = taker.selfTradePrevention;
        while (taker.remaining > 0) {
            PriceLevel level = book.best();
            if (level == null || limited && !crosses(taker.side, taker.price, level.price)) {
                return false;
            }
            Order maker = level.head;
            while (maker != null && taker.remaining > 0) {
                Order next = maker.next;
                if (stp != SelfTradePrevention.NONE && maker.ownerId == taker.ownerId) {
                    if (stp != SelfTradePrevention.CANCEL_INCOMING) {
                        detach(maker);
                        listener.onCancelled(++sequence, maker.id, maker.remaining,
                                CancelReason.SELF_TRADE_PREVENTION);
                        release(maker);
                    }
                    if (stp != SelfTradePrevention.CANCEL_RESTING) {
                        return true;
                    }
                } else {
                    trade(maker, taker, level);
                }
                maker = next;
            }
        }
        return false;
    }

    private void trade(Order maker, Order taker, PriceLevel level) {
        long quantity = Math.min(maker.remaining, taker.remaining);
        long price = level.price;
        // Cannot overflow: BookConfig bounds price × quantity, and both were validated against those bounds.
        long notional = price * quantity;
        long makerFee = Fees.fee(notional, config.makerFeeRate(), config.feeUnit());
        long takerFee = Fees.fee(notional, config.takerFeeRate(), config.feeUnit());
        maker.remaining -= quantity;
        level.quantity -= quantity;
        taker.remaining -= quantity;
        lastTradePrice = price;
        markDirty(level);
        listener.onTrade(++sequence, maker.id, taker.id, maker.ownerId, taker.ownerId, taker.side, price, quantity,
                maker.remaining, taker.remaining, makerFee, takerFee);
        if (maker.remaining == 0) {
            detach(maker);
            release(maker);
        }
    }

    private void rest(Order order) {
        PriceLadder ladder = order.side == Side.BUY ? bids : asks;
        PriceLevel level = ladder.find(order.price);
        if (level == null) {
            level = acquireLevel(order.price, order.side, ladder);
            ladder.insert(level);
        }
        level.append(order);
        markDirty(level);
    }

    private void cancelUnfilled(Order order, CancelReason reason) {
        listener.onCancelled(++sequence, order.id, order.remaining, reason);
        release(order);
    }

    /**
     * Runs triggered stops until none is left; each may trade and so move the last price and trigger more. Buy stops
     * are checked before sell stops, which only matters for determinism: one last price cannot trigger both a buy
     * stop at or below it and a sell stop at or above it unless they sit at exactly that price.
     */
    private void triggerStops() {
        while (lastTradePrice != 0) {
            PriceLevel level = buyStops.best();
            if (level == null || level.price > lastTradePrice) {
                level = sellStops.best();
                if (level == null || level.price < lastTradePrice) {
                    return;
                }
            }
            Order stop = level.head;
            detach(stop);
            listener.onStopTriggered(++sequence, stop.id, lastTradePrice);
            boolean limited = stop.type == OrderType.STOP_LIMIT;
            stop.type = limited ? OrderType.LIMIT : OrderType.MARKET;
            if (stop.timeInForce == TimeInForce.FOK && !fillable(stop.side, limited, stop.price, stop.remaining,
                    stop.ownerId, stop.selfTradePrevention)) {
                cancelUnfilled(stop, CancelReason.FOK_NOT_FILLABLE);
            } else {
                execute(stop);
            }
        }
    }

    private void expire(PriceLadder ladder) {
        // Best is the last index; detaching may drop the level at i, which shifts only the levels already visited.
        for (int i = ladder.size() - 1; i >= 0; i--) {
            Order order = ladder.at(i).head;
            while (order != null) {
                Order next = order.next;
                boolean expires = ladder.publishesDepth
                        ? order.timeInForce == TimeInForce.DAY
                        : order.timeInForce != TimeInForce.GTC;
                if (expires) {
                    detach(order);
                    listener.onExpired(++sequence, order.id, order.remaining);
                    release(order);
                }
                order = next;
            }
        }
    }

    /** Takes an order out of its level, and the level out of its ladder once empty. */
    private void detach(Order order) {
        PriceLevel level = order.level;
        level.unlink(order);
        PriceLadder ladder = level.ladder;
        if (ladder.publishesDepth) {
            markDirty(level);
        }
        if (level.orderCount == 0) {
            ladder.remove(level);
            if (ladder.publishesDepth) {
                level.removed = true;
            } else {
                releaseLevel(level);
            }
        }
    }

    private void markDirty(PriceLevel level) {
        if (!level.dirty) {
            level.dirty = true;
            if (dirtyCount == dirtyLevels.length) {
                dirtyLevels = java.util.Arrays.copyOf(dirtyLevels, dirtyCount * 2);
            }
            dirtyLevels[dirtyCount++] = level;
        }
    }

    /** Ends a command: one depth event per touched level, then top of book if it moved. */
    private void publish() {
        for (int i = 0; i < dirtyCount; i++) {
            PriceLevel level = dirtyLevels[i];
            dirtyLevels[i] = null;
            level.dirty = false;
            listener.onLevelChanged(++sequence, level.side, level.price, level.quantity, level.orderCount);
            if (level.removed) {
                releaseLevel(level);
            }
        }
        dirtyCount = 0;
        long bidPrice = bestBidPrice();
        long bidQuantity = bestBidQuantity();
        long askPrice = bestAskPrice();
        long askQuantity = bestAskQuantity();
        if (bidPrice != publishedBidPrice || bidQuantity != publishedBidQuantity
                || askPrice != publishedAskPrice || askQuantity != publishedAskQuantity) {
            publishedBidPrice = bidPrice;
            publishedBidQuantity = bidQuantity;
            publishedAskPrice = askPrice;
            publishedAskQuantity = askQuantity;
            listener.onTopOfBook(++sequence, bidPrice, bidQuantity, askPrice, askQuantity);
        }
    }

    private Order acquireOrder() {
        return freeOrderCount == 0 ? new Order() : freeOrders[--freeOrderCount];
    }

    /** Forgets a finished order and returns it to the pool. */
    private void release(Order order) {
        orders.remove(order.id);
        if (freeOrderCount == freeOrders.length) {
            freeOrders = java.util.Arrays.copyOf(freeOrders, freeOrderCount * 2);
        }
        freeOrders[freeOrderCount++] = order;
    }

    private PriceLevel acquireLevel(long price, Side side, PriceLadder ladder) {
        PriceLevel level = freeLevelCount == 0 ? new PriceLevel() : freeLevels[--freeLevelCount];
        level.price = price;
        level.side = side;
        level.ladder = ladder;
        return level;
    }

    private void releaseLevel(PriceLevel level) {
        level.removed = false;
        level.quantity = 0;
        level.orderCount = 0;
        level.head = null;
        level.tail = null;
        level.ladder = null;
        if (freeLevelCount == freeLevels.length) {
            freeLevels = java.util.Arrays.copyOf(freeLevels, freeLevelCount * 2);
        }
        freeLevels[freeLevelCount++] = level;
    }
}
