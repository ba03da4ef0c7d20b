package io.alphintra.engine.internal.portfolio;

import java.util.function.Consumer;

/**
 * An open-addressing hash map from {@code long} keys to objects, so that looking up a position by its packed
 * (account, strategy, instrument) key neither boxes the key nor allocates an entry. Linear probing over
 * power-of-two tables kept at most half full; no removal, because the portfolio never forgets a key (a flat
 * position still carries its realised P&amp;L). Only inserting a new key can allocate, when the table doubles.
 *
 * <p>Not thread-safe: owned by the engine's single writer thread.
 */
final class LongObjectMap<V> {
    private static final int MIN_CAPACITY = 16;

    private long[] keys;
    private Object[] values;
    private int size;
    private int mask;

    LongObjectMap(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(MIN_CAPACITY, expectedSize * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The value for {@code key}, or {@code null}. */
    @SuppressWarnings("unchecked")
    V get(long key) {
        int slot = slot(key, mask);
        while (values[slot] != null) {
            if (keys[slot] == key) {
                return (V) values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    /** Adds a key that is not in the map yet. */
    void putNew(long key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("value: required (was null)");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int slot = slot(key, mask);
        while (values[slot] != null) {
            if (keys[slot] == key) {
                throw new IllegalStateException("key " + key + " is already mapped");
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
        size++;
    }

    /** Visits every value in table order, which is arbitrary: callers that need an order sort. */
    @SuppressWarnings("unchecked")
    void forEachValue(Consumer<? super V> action) {
        for (Object value : values) {
            if (value != null) {
                action.accept((V) value);
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                int slot = slot(oldKeys[i], mask);
                while (values[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /** Spreads packed keys, whose low bits alone (the instrument index) would cluster, with the murmur3 finaliser. */
    private static int slot(long key, int mask) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }
}
