package io.alphintra.benchmarks.matching;

import io.alphintra.simexchange.internal.matching.BookConfig;
import io.alphintra.simexchange.internal.matching.CancelReason;
import io.alphintra.simexchange.internal.matching.MatchingListener;
import io.alphintra.simexchange.internal.matching.OrderBook;
import io.alphintra.simexchange.internal.matching.OrderType;
import io.alphintra.simexchange.internal.matching.SelfTradePrevention;
import io.alphintra.simexchange.internal.matching.Side;
import io.alphintra.simexchange.internal.matching.TimeInForce;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded, replayable mixed order flow for one instrument, stored as parallel primitive arrays so that replaying it
 * costs nothing but the engine's work: about 50 % GTC limit orders, 25 % cancels, 15 % moves (cancel/replace to a new
 * price, same open quantity) and 10 % aggressive IOC limit orders, around a few thousand resting orders.
 *
 * <p>Cancels and moves must name live orders, so the generator runs the commands through a reference
 * {@link OrderBook} as it creates them and draws targets from the orders still resting; the same seed always gives
 * the same flow. IOC sizes grow with the book so that the number of resting orders hovers around the target.
 */
public final class OrderFlow {

    public static final byte LIMIT_GTC = 0;
    public static final byte LIMIT_IOC = 1;
    public static final byte CANCEL = 2;
    public static final byte MOVE = 3;

    /** Tick 1, lot 1, no fees: the settings exchange-core can express too. */
    public static final BookConfig BOOK_CONFIG = new BookConfig(1, 1, 1, 1_000_000_000L, 1_000_000_000L, 0, 0, 1);

    private static final long START_PRICE = 100_000;

    public final int size;
    public final byte[] kind;
    public final long[] orderId;
    public final long[] ownerId;
    /** Side of new orders; for cancels and moves, the side of the target (exchange-core wants it for nothing). */
    public final boolean[] buy;
    public final long[] price;
    /** Quantity of new orders; for moves, the open quantity the order keeps. */
    public final long[] quantity;
    public final int users;

    private OrderFlow(int size, int users) {
        this.size = size;
        this.users = users;
        kind = new byte[size];
        orderId = new long[size];
        ownerId = new long[size];
        buy = new boolean[size];
        price = new long[size];
        quantity = new long[size];
    }

    /**
     * @param commands     how many commands
     * @param targetOrders about how many orders should rest on the book
     * @param users        owners are 1..users
     */
    public static OrderFlow generate(long seed, int commands, int targetOrders, int users) {
        OrderFlow flow = new OrderFlow(commands, users);
        LiveOrders live = new LiveOrders();
        OrderBook oracle = new OrderBook(BOOK_CONFIG, live, targetOrders * 2);
        SplittableRandom random = new SplittableRandom(seed);
        long nextId = 1;
        long lastMid = START_PRICE;
        for (int i = 0; i < commands; i++) {
            long bid = oracle.bestBidPrice();
            long ask = oracle.bestAskPrice();
            long mid = bid != 0 && ask != 0 ? (bid + ask) / 2 : bid != 0 ? bid + 1 : ask != 0 ? ask - 1 : lastMid;
            lastMid = mid;
            int roll = random.nextInt(100);
            boolean prefill = live.count < targetOrders / 2 && i < targetOrders;
            if (prefill || roll < 50 || live.count == 0) {
                boolean isBuy = random.nextBoolean();
                // Mostly passive and near the touch; one in twenty is marketable.
                long distance = Math.min(random.nextInt(60), random.nextInt(60));
                long offset = random.nextInt(20) == 0 ? -1 - random.nextInt(3) : 1 + distance;
                long orderPrice = isBuy ? mid - offset : mid + offset;
                flow.set(i, LIMIT_GTC, nextId++, 1 + random.nextInt(users), isBuy, orderPrice,
                        1 + random.nextInt(10));
            } else if (roll < 75) {
                long target = live.pick(random);
                flow.set(i, CANCEL, target, live.owner(target), live.buy(target), 0, 0);
            } else if (roll < 90) {
                long target = live.pick(random);
                long oldPrice = live.price(target);
                long step = 1 + random.nextInt(10);
                long newPrice = random.nextBoolean() ? oldPrice + step : Math.max(1, oldPrice - step);
                if (newPrice == oldPrice) {
                    newPrice = oldPrice + 1;
                }
                flow.set(i, MOVE, target, live.owner(target), live.buy(target), newPrice,
                        oracle.openQuantity(target));
            } else {
                boolean isBuy = random.nextBoolean();
                long reach = 1 + random.nextInt(10);
                long size = Math.max(1, (1L + random.nextInt(24)) * Math.max(live.count, targetOrders / 5)
                        / targetOrders);
                flow.set(i, LIMIT_IOC, nextId++, 1 + random.nextInt(users), isBuy,
                        isBuy ? mid + reach : mid - reach, size);
            }
            replay(flow, i, oracle);
        }
        return flow;
    }

    private void set(int i, byte kind, long orderId, long ownerId, boolean buy, long price, long quantity) {
        this.kind[i] = kind;
        this.orderId[i] = orderId;
        this.ownerId[i] = ownerId;
        this.buy[i] = buy;
        this.price[i] = price;
        this.quantity[i] = quantity;
    }

    /** Sends command {@code i} to our book, with self-trade prevention off as exchange-core has none. */
    public static void replay(OrderFlow flow, int i, OrderBook book) {
        switch (flow.kind[i]) {
            case LIMIT_GTC:
            case LIMIT_IOC:
                book.submit(flow.orderId[i], flow.ownerId[i], flow.buy[i] ? Side.BUY : Side.SELL, OrderType.LIMIT,
                        flow.kind[i] == LIMIT_GTC ? TimeInForce.GTC : TimeInForce.IOC, flow.price[i], 0,
                        flow.quantity[i], SelfTradePrevention.NONE);
                break;
            case CANCEL:
                book.cancel(flow.orderId[i]);
                break;
            default:
                book.replace(flow.orderId[i], flow.price[i], flow.quantity[i]);
        }
    }

    /** Orders resting in the reference book, with O(1) random pick and removal. */
    private static final class LiveOrders implements MatchingListener {
        private long[] ids = new long[1024];
        private int count;
        private final Map<Long, long[]> byId = new HashMap<>();
        private final Map<Long, Integer> slot = new HashMap<>();
        private long acceptedOwner;
        private boolean acceptedBuy;

        long pick(SplittableRandom random) {
            return ids[random.nextInt(count)];
        }

        long owner(long id) {
            return byId.get(id)[0];
        }

        boolean buy(long id) {
            return byId.get(id)[1] == 1;
        }

        long price(long id) {
            return byId.get(id)[2];
        }

        @Override
        public void onAccepted(long seq, long orderId, long ownerId, Side side, OrderType type, TimeInForce tif,
                               long price, long stopPrice, long quantity) {
            acceptedOwner = ownerId;
            acceptedBuy = side == Side.BUY;
            if (tif == TimeInForce.GTC) {
                add(orderId, price);
            }
        }

        @Override
        public void onTrade(long seq, long makerOrderId, long takerOrderId, long makerOwnerId, long takerOwnerId,
                            Side takerSide, long price, long quantity, long makerRemaining, long takerRemaining,
                            long makerFee, long takerFee) {
            if (makerRemaining == 0) {
                remove(makerOrderId);
            }
            if (takerRemaining == 0) {
                remove(takerOrderId);
            }
        }

        @Override
        public void onCancelled(long seq, long orderId, long remainingQuantity,
                                CancelReason reason) {
            remove(orderId);
        }

        @Override
        public void onReplaced(long seq, long orderId, long price, long quantity, boolean priorityKept) {
            byId.get(orderId)[2] = price;
        }

        private void add(long id, long price) {
            if (count == ids.length) {
                ids = java.util.Arrays.copyOf(ids, count * 2);
            }
            slot.put(id, count);
            ids[count++] = id;
            byId.put(id, new long[] {acceptedOwner, acceptedBuy ? 1 : 0, price});
        }

        private void remove(long id) {
            Integer index = slot.remove(id);
            if (index == null) {
                return;
            }
            long last = ids[--count];
            ids[index] = last;
            if (last != id) {
                slot.put(last, index);
            }
            byId.remove(id);
        }
    }
}
