package io.alphintra.simexchange.internal.venue;

import java.util.Arrays;
import java.util.Collection;

/**
 * A hash map with open addressing for the venue thread's indexes by client order id. A lookup, an insert below the
 * expected size and a removal allocate nothing and never rehash, so an order costs no entry object and the venue
 * thread never stops to copy a table it was sized for. Beyond the expected size the table still doubles, once per
 * doubling of its contents.
 *
 * <p>Linear probing over a power-of-two table kept at most half full, laid out for tables larger than a cache: each
 * slot's key hash (never 0, which marks a free slot) sits in an {@code int[]}, so a probe compares ints and reads a
 * key only when the hashes match, and key and value sit side by side in one array. Removal shifts the rest of the
 * probe chain back instead of leaving tombstones, so a table that sees endless inserts and removals never degrades.
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

    /** A map that holds {@code expectedSize} entries without growing. */
    OpenAddressingMap(int expectedSize) {
        allocate(Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, expectedSize) * 2 - 1) << 1));
    }

    int size() {
        return size;
    }

    /** Slots in the table: what the map occupies, whatever its size. */
    int capacity() {
        return hashes.length;
    }

    /** The value for {@code key}, or {@code null}. */
    @SuppressWarnings("unchecked")
    V get(Object key) {
        int slot = find(key, hash(key));
        return slot < 0 ? null : (V) entries[2 * slot + 1];
    }

    boolean containsKey(Object key) {
        return find(key, hash(key)) >= 0;
    }

    /** Maps {@code key} to {@code value}, replacing the value of a key already there. */
    void put(K key, V value) {
        if (key == null || value == null) {
            throw new IllegalArgumentException("key and value: required (key " + key + ", value " + value + ")");
        }
        int hash = hash(key);
        int slot = find(key, hash);
        if (slot >= 0) {
            entries[2 * slot + 1] = value;
            return;
        }
        slot = hash & mask;
        while (hashes[slot] != FREE) {
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        entries[2 * slot] = key;
        entries[2 * slot + 1] = value;
        if (++size * 2 > hashes.length) {
            grow();
        }
    }

    /** Removes {@code key}; returns its value, or {@code null}. */
    @SuppressWarnings("unchecked")
    V remove(Object key) {
        int slot = find(key, hash(key));
        if (slot < 0) {
            return null;
        }
        V removed = (V) entries[2 * slot + 1];
        size--;
        // Backward-shift deletion: move each later entry of the chain into the hole unless that would put it
        // before its home slot, so that every remaining key is still reachable from its home.
        int hole = slot;
        for (int next = (hole + 1) & mask; hashes[next] != FREE; next = (next + 1) & mask) {
            int home = hashes[next] & mask;
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                hashes[hole] = hashes[next];
                entries[2 * hole] = entries[2 * next];
                entries[2 * hole + 1] = entries[2 * next + 1];
                hole = next;
            }
        }
        hashes[hole] = FREE;
        entries[2 * hole] = null;
        entries[2 * hole + 1] = null;
        return removed;
    }

    /** Removes every entry and keeps the table. */
    void clear() {
        if (size > 0) {
            Arrays.fill(hashes, FREE);
            Arrays.fill(entries, null);
            size = 0;
        }
    }

    /** Adds every value to {@code out}, in no particular order. */
    @SuppressWarnings("unchecked")
    void copyValuesTo(Collection<? super V> out) {
        for (int slot = 0; slot < hashes.length; slot++) {
            if (hashes[slot] != FREE) {
                out.add((V) entries[2 * slot + 1]);
            }
        }
    }

    private int find(Object key, int hash) {
        int slot = hash & mask;
        int slotHash;
        while ((slotHash = hashes[slot]) != FREE) {
            if (slotHash == hash) {
                Object candidate = entries[2 * slot];
                if (candidate == key || candidate.equals(key)) {
                    return slot;
                }
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private void grow() {
        int[] oldHashes = hashes;
        Object[] oldEntries = entries;
        allocate(oldHashes.length * 2);
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != FREE) {
                int slot = oldHashes[i] & mask;
                while (hashes[slot] != FREE) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                entries[2 * slot] = oldEntries[2 * i];
                entries[2 * slot + 1] = oldEntries[2 * i + 1];
            }
        }
    }

    private void allocate(int capacity) {
        hashes = new int[capacity];
        entries = new Object[2 * capacity];
        mask = capacity - 1;
    }

    /**
     * Spreads the key's hash, as ids like {@code o1, o2, ...} differ only in their low-order characters, and keeps
     * it off {@link #FREE}.
     */
    private static int hash(Object key) {
        int h = key.hashCode() * 0x9E3779B9;
        h ^= h >>> 16;
        return h == FREE ? 1 : h;
    }
}
