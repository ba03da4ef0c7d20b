package io.alphintra.engine.internal.core;

/**
 * A hash map with open addressing, for the engine thread's indexes (client order id to order): a lookup or an
 * update of a known key allocates nothing, and a new key costs no entry object, only the table's amortised growth.
 * Linear probing over power-of-two tables kept at most half full. Each slot keeps its key's hash, so a probe
 * compares ints and touches a key object only when the hashes match: a new order's id is looked up among millions
 * without a cache miss per key it passes. No removal: the engine never forgets a client order id, since a reused
 * one must be rejected.
 *
 * <p>Keys are compared with {@code equals}; null keys and values are refused. Not thread-safe.
 */
final class OpenAddressingMap<K, V> {
    private static final int MIN_CAPACITY = 16;

    private int[] hashes;
    private Object[] keys;
    private Object[] values;
    private int size;
    private int mask;

    OpenAddressingMap(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(MIN_CAPACITY, expectedSize * 2 - 1)) << 1;
        hashes = new int[capacity];
        keys = new Object[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The value for {@code key}, or {@code null}. */
    @SuppressWarnings("unchecked")
    V get(Object key) {
        int hash = hash(key);
        int slot = hash & mask;
        Object candidate;
        while ((candidate = keys[slot]) != null) {
            if (hashes[slot] == hash && (candidate == key || candidate.equals(key))) {
                return (V) values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    boolean containsKey(Object key) {
        return get(key) != null;
    }

    /** Maps {@code key} to {@code value}, replacing the value of a key already there. */
    void put(K key, V value) {
        if (key == null || value == null) {
            throw new IllegalArgumentException("key and value: required (key " + key + ", value " + value + ")");
        }
        int hash = hash(key);
        int slot = hash & mask;
        Object candidate;
        while ((candidate = keys[slot]) != null) {
            if (hashes[slot] == hash && (candidate == key || candidate.equals(key))) {
                values[slot] = value;
                return;
            }
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        keys[slot] = key;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    private void grow() {
        int[] oldHashes = hashes;
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        hashes = new int[oldKeys.length * 2];
        keys = new Object[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = oldHashes[i] & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /** Spreads the key's hash: ids like {@code o1, o2, ...} differ only in their low-order characters. */
    private static int hash(Object key) {
        int h = key.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
