package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.sdk.order.ClientOrderId;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OpenAddressingMapTest {

    /** A key whose hash says nothing, so every key lands in one probe chain. */
    private record Colliding(int id) {
        @Override
        public int hashCode() {
            return 42;
        }
    }

    @Test
    void behavesLikeAHashMapThroughGrowthWithSequentialAndRandomIds() {
        OpenAddressingMap<ClientOrderId, Integer> map = new OpenAddressingMap<>(2);
        Map<ClientOrderId, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 50_000; i++) {
            ClientOrderId id = ClientOrderId.of(i % 2 == 0 ? "o" + i : "r" + Long.toString(random.nextLong(), 36));
            map.put(id, i);
            expected.put(id, i);
        }
        assertThat(map.size()).isEqualTo(expected.size());
        expected.forEach((id, value) -> assertThat(map.get(ClientOrderId.of(id.value())))
                .as("looked up by an equal, not the same, key").isEqualTo(value));
        assertThat(map.get(ClientOrderId.of("o1"))).isNull();
        assertThat(map.containsKey(ClientOrderId.of("o2"))).isTrue();
    }

    @Test
    void keysThatCollideAreToldApartByEquals() {
        OpenAddressingMap<Colliding, String> map = new OpenAddressingMap<>(4);
        for (int i = 0; i < 100; i++) {
            map.put(new Colliding(i), "v" + i);
        }
        for (int i = 0; i < 100; i++) {
            assertThat(map.get(new Colliding(i))).isEqualTo("v" + i);
        }
        assertThat(map.get(new Colliding(100))).isNull();
    }

    /** A key whose hash the map would spread to 0, the mark of a free slot. */
    private record ZeroHash(int id) {
        @Override
        public int hashCode() {
            return 0;
        }
    }

    @Test
    void aKeyWhoseHashSpreadsToZeroIsStoredNotTakenForAFreeSlot() {
        OpenAddressingMap<Object, String> map = new OpenAddressingMap<>(4);
        map.put(new ZeroHash(1), "one");
        map.put(new ZeroHash(2), "two");
        assertThat(map.get(new ZeroHash(1))).isEqualTo("one");
        assertThat(map.get(new ZeroHash(2))).isEqualTo("two");
        assertThat(map.get(new ZeroHash(3))).isNull();
        assertThat(map.size()).isEqualTo(2);
    }

    @Test
    void forEachVisitsEveryMappingOnceAfterGrowth() {
        OpenAddressingMap<ClientOrderId, Integer> map = new OpenAddressingMap<>(2);
        Map<ClientOrderId, Integer> expected = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            map.put(ClientOrderId.of("k" + i), i);
            expected.put(ClientOrderId.of("k" + i), i);
        }
        Map<ClientOrderId, Integer> seen = new HashMap<>();
        map.forEach((key, value) -> assertThat(seen.put(key, value)).as("visited twice: " + key).isNull());
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void puttingAKnownKeyReplacesItsValue() {
        OpenAddressingMap<ClientOrderId, String> map = new OpenAddressingMap<>(4);
        map.put(ClientOrderId.of("c1"), "first");
        map.put(ClientOrderId.of("c1"), "second");
        assertThat(map.size()).isEqualTo(1);
        assertThat(map.get(ClientOrderId.of("c1"))).isEqualTo("second");
    }

    @Test
    void refusesNullKeysAndValues() {
        OpenAddressingMap<ClientOrderId, String> map = new OpenAddressingMap<>(4);
        assertThatThrownBy(() -> map.put(null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map.put(ClientOrderId.of("c1"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(map.size()).isZero();
    }
}
