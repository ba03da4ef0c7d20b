package io.alphintra.simexchange.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderIndexTest {

    @Test
    void behavesLikeAHashMapThroughGrowthAndClusteredRemovals() {
        OrderIndex index = new OrderIndex(16);
        Map<Long, Order> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            // A narrow key range forces collisions, clusters and removals from the middle of clusters.
            long id = random.nextInt(3_000) - 1_500;
            if (reference.containsKey(id)) {
                assertThat(index.get(id)).isSameAs(reference.get(id));
                index.remove(id);
                reference.remove(id);
            } else {
                Order order = new Order();
                index.put(id, order);
                reference.put(id, order);
            }
            assertThat(index.size()).isEqualTo(reference.size());
        }
        for (long id = -1_500; id < 1_500; id++) {
            assertThat(index.get(id)).isSameAs(reference.get(id));
        }
    }

    @Test
    void removingAnAbsentIdChangesNothing() {
        OrderIndex index = new OrderIndex(16);
        Order order = new Order();
        index.put(7, order);

        index.remove(8);

        assertThat(index.get(7)).isSameAs(order);
        assertThat(index.size()).isEqualTo(1);
    }
}
