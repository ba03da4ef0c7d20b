package io.alphintra.simexchange.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Long random flows of every command type: replays must be identical and the book must agree with its events. */
class RandomFlowTest {

    private static final BookConfig CONFIG = new BookConfig(5, 10, 10, 1_000_000, 1_000_000, 7, 23, 3);
    private static final Side[] SIDES = Side.values();
    private static final OrderType[] TYPES = OrderType.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();
    private static final SelfTradePrevention[] STPS = SelfTradePrevention.values();

    @Test
    void twoRunsOfTheSameCommandsProduceIdenticalEvents() {
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();

        run(new OrderBook(CONFIG, first, 16), 7, 20_000, null);
        run(new OrderBook(CONFIG, second, 1024), 7, 20_000, null);

        assertThat(first.events).hasSizeGreaterThan(20_000);
        assertThat(second.events).isEqualTo(first.events);
        assertThat(first.ofKind("TRADE")).hasSizeGreaterThan(1_000);
        assertThat(first.ofKind("TRIGGERED")).isNotEmpty();
    }

    @Test
    void bookStateAlwaysMatchesWhatItsEventsSaid() {
        ShadowBook shadow = new ShadowBook();
        OrderBook book = new OrderBook(CONFIG, shadow, 16);

        run(book, 11, 20_000, shadow);

        assertThat(shadow.trades).isGreaterThan(1_000);
    }

    private static void run(OrderBook book, long seed, int commands, ShadowBook shadow) {
        SplittableRandom random = new SplittableRandom(seed);
        DepthSnapshot depth = new DepthSnapshot(10_000);
        long nextId = 1;
        for (int i = 0; i < commands; i++) {
            int action = random.nextInt(100);
            long id = 1 + random.nextLong(nextId);
            long price = 5 * (180 + random.nextInt(40));
            long quantity = 10 * (1 + random.nextInt(8));
            if (action < 60) {
                OrderType type = TYPES[random.nextInt(100) < 75 ? 1 : random.nextInt(TYPES.length)];
                boolean limited = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT;
                boolean stop = type == OrderType.STOP || type == OrderType.STOP_LIMIT;
                TimeInForce tif = TIFS[random.nextInt(TIFS.length)];
                book.submit(nextId++, random.nextInt(5), SIDES[random.nextInt(2)], type, tif, limited ? price : 0,
                        stop ? 5 * (180 + random.nextInt(40)) : 0, quantity, STPS[random.nextInt(STPS.length)]);
            } else if (action < 80) {
                book.cancel(id);
            } else if (action < 99) {
                book.replace(id, random.nextBoolean() ? price : 5 * (180 + random.nextInt(40)), quantity);
            } else {
                book.endOfDay();
            }
            if (shadow != null) {
                shadow.check(book, depth);
            }
        }
    }

    /** Rebuilds live orders from events alone. */
    private static final class ShadowBook implements MatchingListener {
        final Map<Long, Long> open = new HashMap<>();
        final Set<Long> waitingStops = new HashSet<>();
        int trades;

        @Override
        public void onAccepted(long seq, long orderId, long ownerId, Side side, OrderType type, TimeInForce tif,
                               long price, long stopPrice, long quantity) {
            open.put(orderId, quantity);
            if (type == OrderType.STOP || type == OrderType.STOP_LIMIT) {
                waitingStops.add(orderId);
            }
        }

        @Override
        public void onTrade(long seq, long makerOrderId, long takerOrderId, long makerOwnerId, long takerOwnerId,
                            Side takerSide, long price, long quantity, long makerRemaining, long takerRemaining,
                            long makerFee, long takerFee) {
            trades++;
            assertThat(open.get(makerOrderId) - quantity).isEqualTo(makerRemaining);
            assertThat(open.get(takerOrderId) - quantity).isEqualTo(takerRemaining);
            assertThat(makerFee).isEqualTo(Fees.fee(price * quantity, 7, 3));
            assertThat(takerFee).isEqualTo(Fees.fee(price * quantity, 23, 3));
            update(makerOrderId, makerRemaining);
            update(takerOrderId, takerRemaining);
        }

        private void update(long id, long remaining) {
            if (remaining == 0) {
                open.remove(id);
            } else {
                open.put(id, remaining);
            }
        }

        @Override
        public void onCancelled(long seq, long orderId, long remainingQuantity, CancelReason reason) {
            assertThat(open.remove(orderId)).isEqualTo(remainingQuantity);
            waitingStops.remove(orderId);
        }

        @Override
        public void onExpired(long seq, long orderId, long remainingQuantity) {
            assertThat(open.remove(orderId)).isEqualTo(remainingQuantity);
            waitingStops.remove(orderId);
        }

        @Override
        public void onReplaced(long seq, long orderId, long price, long quantity, boolean priorityKept) {
            open.put(orderId, quantity);
        }

        @Override
        public void onStopTriggered(long seq, long orderId, long lastTradePrice) {
            assertThat(waitingStops.remove(orderId)).isTrue();
        }

        void check(OrderBook book, DepthSnapshot depth) {
            assertThat(book.liveOrders()).isEqualTo(open.size());
            long resting = 0;
            for (Map.Entry<Long, Long> order : open.entrySet()) {
                assertThat(book.openQuantity(order.getKey())).isEqualTo(order.getValue());
                if (!waitingStops.contains(order.getKey())) {
                    resting += order.getValue();
                }
            }
            book.depth(depth);
            long inDepth = 0;
            for (Side side : List.of(Side.BUY, Side.SELL)) {
                for (int level = 0; level < depth.levels(side); level++) {
                    inDepth += depth.quantity(side, level);
                }
            }
            assertThat(inDepth).isEqualTo(resting);
            if (book.bestBidPrice() != 0 && book.bestAskPrice() != 0) {
                assertThat(book.bestBidPrice()).isLessThan(book.bestAskPrice());
            }
        }
    }
}
