package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OrderSlotsTest {

    @Test
    void agreesWithASortedMapWhileIdsAreIssuedWithGapsAndForgottenOutOfOrder() {
        SplittableRandom random = new SplittableRandom(7);
        OrderSlots slots = new OrderSlots(16);
        TreeMap<Long, OrderState> expected = new TreeMap<>();
        long next = 1;
        for (int step = 0; step < 100_000; step++) {
            if (expected.isEmpty() || random.nextInt(2) == 0) {
                next += random.nextInt(20) == 0 ? 2 : 1; // now and then an id whose journal append failed
                OrderState order = order(next);
                slots.put(order);
                expected.put(next, order);
            } else {
                // Mostly among the oldest, as finished orders are forgotten; a few long-lived ones linger.
                List<Long> held = new ArrayList<>(expected.keySet());
                long id = held.get(random.nextInt(Math.min(held.size(), random.nextInt(10) == 0 ? held.size() : 8)));
                slots.forget(id);
                expected.remove(id);
            }
            assertThat(slots.size()).isEqualTo(expected.size());
            assertThat(slots.first()).isEqualTo(expected.isEmpty() ? slots.end() : expected.firstKey());
            long probe = next - random.nextInt(40);
            assertThat(slots.get(probe)).as("id %d at step %d", probe, step).isSameAs(expected.get(probe));
            if (step % 1_000 == 0) {
                assertThat(slots.stream().toList()).containsExactlyElementsOf(expected.values());
            }
        }
    }

    @Test
    void theTableSpansTheIdsHeldNotEveryIdIssued() throws ReflectiveOperationException {
        OrderSlots slots = new OrderSlots(16);
        for (long id = 1; id <= 1_000_000; id++) {
            slots.put(order(id));
            if (id > 100) {
                slots.forget(id - 100);
            }
        }
        assertThat(slots.size()).isEqualTo(100);
        assertThat(slots.first()).isEqualTo(999_901);
        assertThat(table(slots)).hasSize(128);
        assertThat(slots.get(999_900)).isNull();
        assertThat(slots.get(1_000_000).orderId).isEqualTo(1_000_000);
    }

    @Test
    void whenEveryOrderIsForgottenTheNextIdStartsTheTableAfresh() {
        OrderSlots slots = new OrderSlots(16);
        slots.put(order(1));
        slots.forget(1);
        slots.put(order(5_000));
        assertThat(slots.first()).isEqualTo(5_000);
        assertThat(slots.stream().map(o -> o.orderId)).containsExactly(5_000L);
        assertThatThrownBy(() -> slots.put(order(4_999))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below the lowest id held, 5000");
    }

    private static OrderState order(long id) {
        return new OrderState(id, ClientOrderId.of("o" + id), CoreFixtures.AAPL.id(), "SIMX", Side.BUY,
                OrderType.LIMIT, TimeInForce.DAY, 1, 100, 0, CoreFixtures.WHO, "test", List.of(), 0);
    }

    private static Object[] table(OrderSlots slots) throws ReflectiveOperationException {
        Field field = OrderSlots.class.getDeclaredField("slots");
        field.setAccessible(true);
        return (Object[]) field.get(slots);
    }
}
