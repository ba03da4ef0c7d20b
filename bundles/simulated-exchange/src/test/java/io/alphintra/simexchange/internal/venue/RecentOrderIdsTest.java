package io.alphintra.simexchange.internal.venue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;

class RecentOrderIdsTest {

    private static ClientOrderId id(int n) {
        return ClientOrderId.of("O" + n);
    }

    private static HostOrder finished(int n) {
        HostOrder order = new HostOrder(n, "V-" + n, null, 0, id(n), Side.BUY, OrderType.LIMIT, TimeInForce.DAY, 1,
                1, 0, "ACC");
        order.status = OrderStatus.FILLED;
        return order;
    }

    @Test
    void forgetsTheOldestFirstWhileItsRingGrowsAndWraps() {
        RecentOrderIds ids = new RecentOrderIds(5, 2);
        for (int n = 1; n <= 5; n++) {
            assertThat(ids.use(id(n))).isTrue();
        }
        assertThat(ids.use(id(3))).isFalse();
        assertThat(ids.size()).isEqualTo(5);

        for (int n = 6; n <= 13; n++) {
            assertThat(ids.use(id(n))).isTrue();
            assertThat(ids.use(id(n - 4))).as("O" + (n - 4) + " is the oldest remembered").isFalse();
        }
        assertThat(ids.size()).isEqualTo(5);
        assertThat(ids.use(id(8))).as("O8 has left").isTrue();
        assertThat(ids.use(id(10))).isFalse();
        assertThat(ids.use(id(9))).as("O8 pushed out O9, the oldest").isTrue();
        assertThat(ids.slots()).isEqualTo(16 + 5);
    }

    @Test
    void aFinishedOrderIsRememberedUntilItsIdLeavesOrFromItsFinishIfItLeftBefore() {
        RecentOrderIds ids = new RecentOrderIds(3, 3);
        ids.use(id(1));
        ids.finished(finished(1));
        assertThat(ids.finishedOrder(id(1))).isNotNull();
        assertThat(ids.finishedOrder(id(2))).isNull();

        ids.use(id(2));
        ids.use(id(3));
        ids.use(id(4));
        assertThat(ids.finishedOrder(id(1))).as("pushed out by O4").isNull();

        // O2 was used long ago and its order finishes only now.
        ids.use(id(5));
        ids.use(id(6));
        ids.finished(finished(2));
        assertThat(ids.finishedOrder(id(2)).status).isEqualTo(OrderStatus.FILLED);
        assertThat(ids.use(id(2))).isFalse();
        ids.use(id(7));
        ids.use(id(8));
        assertThat(ids.finishedOrder(id(2))).isNotNull();
        ids.use(id(9));
        assertThat(ids.finishedOrder(id(2))).isNull();

        ids.clear();
        assertThat(ids.size()).isZero();
        assertThat(ids.use(id(9))).isTrue();
    }
}
