package io.alphintra.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class OpenAddressingMapGrowthTest {

    /** A key whose hash the test chooses, so that keys share probe chains and wrap around the table's end. */
    private record Key(int id, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.id == id;
        }
    }

    @Test
    void agreesWithAHashMapUnderInsertsAndRemovalsOnCollidingKeys() {
        OpenAddressingMap<Key, Integer> map = new OpenAddressingMap<>(64);
        Map<Key, Integer> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int step = 0; step < 200_000; step++) {
            Key key = new Key(random.nextInt(96), random.nextInt(8));
            switch (random.nextInt(3)) {
                case 0 -> {
                    map.put(key, step);
                    reference.put(key, step);
                }
                case 1 -> assertThat(map.remove(key)).isEqualTo(reference.remove(key));
                default -> assertThat(map.get(key)).isEqualTo(reference.get(key));
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
        for (int id = 0; id < 96; id++) {
            for (int hash = 0; hash < 8; hash++) {
                Key key = new Key(id, hash);
                assertThat(map.containsKey(key)).as(key.toString()).isEqualTo(reference.containsKey(key));
            }
        }
        List<Integer> values = new ArrayList<>();
        map.copyValuesTo(values);
        assertThat(values).containsExactlyInAnyOrderElementsOf(reference.values());
    }

    @Test
    void holdsItsExpectedSizeWithoutGrowingAndDoublesBeyondIt() {
        OpenAddressingMap<Integer, Integer> map = new OpenAddressingMap<>(1000);
        int capacity = map.capacity();
        assertThat(capacity).isEqualTo(2048);
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 1000; i++) {
                map.put(round * 1000 + i, i);
            }
            for (int i = 0; i < 1000; i++) {
                assertThat(map.remove(round * 1000 + i)).isEqualTo(i);
            }
        }
        assertThat(map.capacity()).as("endless turnover below the expected size").isEqualTo(capacity);

        for (int i = 0; i < 1025; i++) {
            map.put(i, i);
        }
        assertThat(map.capacity()).isEqualTo(4096);
        assertThat(map.get(1024)).isEqualTo(1024);
        map.clear();
        assertThat(map.size()).isZero();
        assertThat(map.get(1024)).isNull();
    }
}
