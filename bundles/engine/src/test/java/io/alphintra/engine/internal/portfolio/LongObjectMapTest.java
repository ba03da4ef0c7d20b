package io.alphintra.engine.internal.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LongObjectMapTest {

    @Test
    void behavesLikeAHashMapThroughGrowthAndForClusteredKeys() {
        LongObjectMap<String> map = new LongObjectMap<>(2);
        Map<Long, String> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            // Half the keys differ only in high bits, as packed (account, strategy, instrument) keys do.
            long key = i % 2 == 0 ? (long) i << 44 : random.nextLong();
            if (!expected.containsKey(key)) {
                map.putNew(key, "v" + key);
                expected.put(key, "v" + key);
            }
        }
        assertThat(map.size()).isEqualTo(expected.size());
        expected.forEach((key, value) -> assertThat(map.get(key)).isEqualTo(value));
        assertThat(map.get(0x5555_5555_5555L)).isNull();
        List<String> visited = new ArrayList<>();
        map.forEachValue(visited::add);
        assertThat(visited).hasSize(expected.size());
        assertThat(new HashSet<>(visited)).isEqualTo(new HashSet<>(expected.values()));
    }

    @Test
    void refusesADuplicateKey() {
        LongObjectMap<String> map = new LongObjectMap<>(4);
        map.putNew(0L, "zero");
        assertThatThrownBy(() -> map.putNew(0L, "again")).isInstanceOf(IllegalStateException.class);
        assertThat(map.get(0L)).isEqualTo("zero");
    }
}
