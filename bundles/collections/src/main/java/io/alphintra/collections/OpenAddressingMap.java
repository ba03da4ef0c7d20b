package io.alphintra.collections;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.BiConsumer;

/**
 * A hash map with open addressing for a single writer's indexes by id (the engine's client order ids, the simulated
 * venue's orders): a lookup, an update, an insert below the expected size and a removal allocate nothing and never
 * rehash, so an entry costs no object and the owning thread never stops to copy a table it was sized for. Beyond the
 * expected size the table still doubles, once per doubling of its contents.
 *
 * <p>Linear probing over a power-of-two table kept at most half full, laid out for tables of millions that do not
 * fit a cache: each slot keeps its key's hash (never 0, which marks a free slot) in an {@code int[]}, so a probe
 * compares ints and touches a key only when the hashes match — a new id's lookup costs one cache miss — and key and
 * value sit side by side in one array, so storing them costs one more. Removal shifts the entries after the freed
 * slot back where their probe allows (no tombstones), so a table through which millions of ids pass keeps the probe
 * lengths of one that only ever held the ids it holds now.
 *
 * <p>Keys are compared with {@code equals}; null keys and values are refused. Not thread-safe.
 */
public final class OpenAddressingMap<K, V> {
    private static final int MIN_CAPACITY = 16;
    private static final int FREE = 0;

    private int[] hashes;
    /** Key of slot {@code i} at {@code 2i}, its value at {@code 2i + 1}. */
    private Object[] entries;
    private int size;
    private int mask;

    /** A map that holds {@code expectedSize} entries without growing. */
    public OpenAddressingMap(int expectedSize) {
        allocate(Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, expectedSize) * 2 - 1) << 1));
    }

    public int size() {
        return size;
    }

    /** Slots in the table: what the map occupies, whatever its size. */
    public int capacity() {
        return hashes.length;
    }

    /** The value for {@code key}, or {@code null}. */
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int slot = find(key, hash(key));
        return slot < 0 ? null : (V) entries[2 * slot + 1];
    }

    public boolean containsKey(Object key) {
        return find(key, hash(key)) >= 0;
    }

    /** Maps {@code key} to {@code value}, replacing the value of a key already there. */
    public void put(K key, V value) {
        if (key == null || value == null) {
            throw new IllegalArgumentException("key and value: required (key " + key + ", value " + value + ")");
        }
        int hash = hash(key);
        int slot = find(key, hash);
        if (slot >= 0) {
            entries[2 * slot + 1] = value;
            return;
        }
        slot = -slot - 1;
        hashes[slot] = hash;
        entries[2 * slot] = key;
        entries[2 * slot + 1] = value;
        if (++size * 2 > hashes.length) {
            grow();
        }
    }

    /** Removes {@code key}; returns its value, or {@code null}. */
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        int slot = find(key, hash(key));
        if (slot < 0) {
            return null;
        }
        V removed = (V) entries[2 * slot + 1];
        free(slot);
        return removed;
    }

    /**
     * Removes {@code key} only if it maps to {@code value} (compared with {@code equals}), as
     * {@link java.util.Map#remove(Object, Object)}.
     *
     * @return whether it was removed
     */
    public boolean remove(Object key, Object value) {
        int slot = find(key, hash(key));
        if (slot < 0) {
            return false;
        }
        Object mapped = entries[2 * slot + 1];
        if (mapped != value && !mapped.equals(value)) {
            return false;
        }
        free(slot);
        return true;
    }

    /** Removes every entry and keeps the table: refilling it as far as before costs no growth. */
    public void clear() {
        if (size > 0) {
            Arrays.fill(hashes, FREE);
            Arrays.fill(entries, null);
            size = 0;
        }
    }

    /** Every mapping, in no particular order. */
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        for (int slot = 0; slot < hashes.length; slot++) {
            if (hashes[slot] != FREE) {
                action.accept((K) entries[2 * slot], (V) entries[2 * slot + 1]);
            }
        }
    }

    /** Adds every value to {@code out}, in no particular order. */
    @SuppressWarnings("unchecked")
    public void copyValuesTo(Collection<? super V> out) {
        for (int slot = 0; slot < hashes.length; slot++) {
            if (hashes[slot] != FREE) {
                out.add((V) entries[2 * slot + 1]);
            }
        }
    }

    /** The slot holding {@code key}, or {@code -(the free slot where it would go) - 1}: one probe serves both. */
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
        return -slot - 1;
    }

    /**
     * Empties {@code slot}, then moves back every later entry of its run that may live there: one whose home slot
     * is not cyclically between the hole and itself would otherwise be cut off from its home by the free slot.
     */
    private void free(int slot) {
        size--;
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

    private void allocate(int capacity) {
        hashes = new int[capacity];
        entries = new Object[2 * capacity];
        mask = capacity - 1;
    }

    /** Spreads the key's hash (ids like {@code o1, o2, ...} differ only in their low-order characters); never 0. */
    private static int hash(Object key) {
        int h = key.hashCode() * 0x9E3779B9;
        h ^= h >>> 16;
        return h == FREE ? 1 : h;
    }
}
