package io.alphintra.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.sdk.order.ClientOrderId;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    void randomPutsRemovalsAndLookupsAgreeWithAHashMapWithCollidingAndZeroHashKeys() {
        SplittableRandom random = new SplittableRandom(20_260_312L);
        // Few keys for the table, many of them in one probe run (hash 42) or at the hash that is the free mark's
        // (0), so that removals keep shifting runs that wrap around the end of the table.
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add(ClientOrderId.of("o" + i));
            keys.add(new Colliding(i));
            keys.add(new ZeroHash(i));
            keys.add(i * 16);
        }
        OpenAddressingMap<Object, Integer> map = new OpenAddressingMap<>(4);
        Map<Object, Integer> expected = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            Object key = keys.get(random.nextInt(keys.size()));
            Object equalKey = key instanceof ClientOrderId id ? ClientOrderId.of(id.value()) : key;
            int operation = random.nextInt(10);
            if (operation < 4) {
                int value = random.nextInt(1_000);
                map.put(key, value);
                expected.put(key, value);
            } else if (operation < 8) {
                // Mostly by the value it holds; now and then by another one, which must leave it.
                Integer value = expected.get(key);
                Integer asked = value == null || random.nextInt(4) == 0 ? Integer.valueOf(1_000 + step % 7) : value;
                assertThat(map.remove(equalKey, asked)).as("step %d: remove %s=%s", step, key, asked)
                        .isEqualTo(expected.remove(key, asked));
            }
            assertThat(map.get(equalKey)).as("step %d: %s", step, key).isEqualTo(expected.get(key));
            assertThat(map.size()).isEqualTo(expected.size());
            if (step % 997 == 0) {
                for (Object each : keys) {
                    assertThat(map.get(each)).as("step %d: %s", step, each).isEqualTo(expected.get(each));
                }
                Map<Object, Integer> seen = new HashMap<>();
                map.forEach(seen::put);
                assertThat(seen).isEqualTo(expected);
            }
        }
    }

    @Test
    void idsPassingThroughKeepTheTableAtItsSizeAndItsProbesShort() throws ReflectiveOperationException {
        OpenAddressingMap<ClientOrderId, Integer> map = new OpenAddressingMap<>(1_024);
        int capacity = table(map).length;
        // A window of 1,000 ids sliding over a million: what the engine's index sees as orders are forgotten.
        for (int i = 0; i < 1_000_000; i++) {
            map.put(ClientOrderId.of("o" + i), i);
            if (i >= 1_000) {
                assertThat(map.remove(ClientOrderId.of("o" + (i - 1_000)), i - 1_000)).isTrue();
            }
        }
        assertThat(map.size()).isEqualTo(1_000);
        int[] hashes = table(map);
        assertThat(hashes).as("no growth: removal leaves no tombstones that count as used").hasSize(capacity);
        int longestRun = 0;
        int run = 0;
        for (int i = 0; i < 2 * hashes.length; i++) {
            run = hashes[i % hashes.length] == 0 ? 0 : run + 1;
            longestRun = Math.max(longestRun, run);
        }
        assertThat(longestRun).as("occupied slots in a row, of %d held in %d", map.size(), hashes.length)
                .isLessThan(40);
    }

    private static int[] table(OpenAddressingMap<?, ?> map) throws ReflectiveOperationException {
        Field field = OpenAddressingMap.class.getDeclaredField("hashes");
        field.setAccessible(true);
        return (int[]) field.get(map);
    }

    @Test
    void refusesNullKeysAndValues() {
        OpenAddressingMap<ClientOrderId, String> map = new OpenAddressingMap<>(4);
        assertThatThrownBy(() -> map.put(null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map.put(ClientOrderId.of("c1"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(map.size()).isZero();
    }
}
