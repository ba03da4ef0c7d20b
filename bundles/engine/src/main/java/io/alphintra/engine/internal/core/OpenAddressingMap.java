package io.alphintra.engine.internal.core;

import java.util.function.BiConsumer;

/**
 * A hash map with open addressing, for the engine thread's indexes (client order id to order): a lookup or an
 * update of a known key allocates nothing, and a new key costs no entry object, only the table's amortised growth.
 * Linear probing over power-of-two tables kept at most half full. Removal shifts the entries after the freed slot
 * back into it where their probe allows (no tombstones), so a table through which millions of ids pass keeps the
 * probe lengths of one that only ever held the ids it holds now.
 *
 * <p>Laid out for a table of millions that does not fit a cache: each slot keeps its key's hash (never 0, which
 * marks a free slot) in an {@code int[]}, so a probe compares ints and touches a key only when the hashes match, and
 * a new id's lookup — every order's duplicate check — costs one cache miss; key and value sit side by side in one
 * array, so storing them costs one more.
 *
 * <p>Keys are compared with {@code equals}; null keys and values are refused. Not thread-safe.
 */
final class OpenAddressingMap<K, V> {
    private static final int MIN_CAPACITY = 16;
    private static final int FREE = 0;

    private int[] hashes;
    /** Key of slot {@code i} at {@code 2i}, its value at {@code 2i + 1}. */
    private Object[] entries;
    private int size;
    private int mask;

    OpenAddressingMap(int expectedSize) {
        allocate(Integer.highestOneBit(Math.max(MIN_CAPACITY, expectedSize * 2 - 1)) << 1);
    }

    private void allocate(int capacity) {
        hashes = new int[capacity];
        entries = new Object[2 * capacity];
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
        int slotHash;
        while ((slotHash = hashes[slot]) != FREE) {
            if (slotHash == hash) {
                Object candidate = entries[2 * slot];
                if (candidate == key || candidate.equals(key)) {
                    return (V) entries[2 * slot + 1];
                }
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
        int slotHash;
        while ((slotHash = hashes[slot]) != FREE) {
            if (slotHash == hash) {
                Object candidate = entries[2 * slot];
                if (candidate == key || candidate.equals(key)) {
                    entries[2 * slot + 1] = value;
                    return;
                }
            }
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        entries[2 * slot] = key;
        entries[2 * slot + 1] = value;
        if (++size * 2 > hashes.length) {
            grow();
        }
    }

    /**
     * Removes {@code key} if it maps to {@code value} (compared with {@code equals}), as
     * {@link java.util.Map#remove(Object, Object)}; allocates nothing.
     *
     * @return whether it was removed
     */
    boolean remove(Object key, Object value) {
        int hash = hash(key);
        int slot = hash & mask;
        int slotHash;
        while ((slotHash = hashes[slot]) != FREE) {
            if (slotHash == hash) {
                Object candidate = entries[2 * slot];
                if (candidate == key || candidate.equals(key)) {
                    Object mapped = entries[2 * slot + 1];
                    if (mapped != value && !mapped.equals(value)) {
                        return false;
                    }
                    free(slot);
                    size--;
                    return true;
                }
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    /**
     * Empties {@code slot}, then moves back every later entry of its run that may live there: one whose home slot
     * is not cyclically between the hole and itself would otherwise be cut off from its home by the free slot.
     */
    private void free(int slot) {
        int hole = slot;
        int next = hole;
        while (true) {
            next = (next + 1) & mask;
            int hash = hashes[next];
            if (hash == FREE) {
                break;
            }
            int home = hash & mask;
            // The entry stays when its home lies in (hole, next], cyclically.
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                hashes[hole] = hash;
                entries[2 * hole] = entries[2 * next];
                entries[2 * hole + 1] = entries[2 * next + 1];
                hole = next;
            }
        }
        hashes[hole] = FREE;
        entries[2 * hole] = null;
        entries[2 * hole + 1] = null;
    }

    /** Every mapping, in no particular order. */
    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<? super K, ? super V> action) {
        for (int slot = 0; slot < hashes.length; slot++) {
            if (hashes[slot] != FREE) {
                action.accept((K) entries[2 * slot], (V) entries[2 * slot + 1]);
            }
        }
    }

    /** Forgets every mapping and keeps the table's size: a restore refills it as far as before. */
    void clear() {
        java.util.Arrays.fill(hashes, FREE);
        java.util.Arrays.fill(entries, null);
        size = 0;
    }

    private void grow() {
        int[] oldHashes = hashes;
        Object[] oldEntries = entries;
        allocate(oldHashes.length * 2);
        for (int i = 0; i < oldHashes.length; i++) {
            int hash = oldHashes[i];
            if (hash != FREE) {
                int slot = hash & mask;
                while (hashes[slot] != FREE) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = hash;
                entries[2 * slot] = oldEntries[2 * i];
                entries[2 * slot + 1] = oldEntries[2 * i + 1];
            }
        }
    }

    /** Spreads the key's hash (ids like {@code o1, o2, ...} differ only in their low-order characters); never 0. */
    private static int hash(Object key) {
        int h = key.hashCode() * 0x9E3779B9;
        h ^= h >>> 16;
        return h == FREE ? 1 : h;
    }
}
