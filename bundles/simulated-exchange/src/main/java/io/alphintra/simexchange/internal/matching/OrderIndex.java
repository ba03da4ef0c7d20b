package io.alphintra.simexchange.internal.matching;

/**
 * Live orders by id: open addressing with linear probing and backward-shift deletion, so there are no tombstones to
 * degrade probing over a long session and no boxing of keys. Grows (and allocates) only when it passes half full.
 */
final class OrderIndex {

    private long[] keys;
    private Order[] values;
    private int mask;
    private int size;

    OrderIndex(int expectedOrders) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedOrders) * 2 - 1) << 1;
        keys = new long[capacity];
        values = new Order[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    Order get(long id) {
        for (int i = slot(id); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == id) {
                return values[i];
            }
        }
        return null;
    }

    /** Adds an id that is not present. */
    void put(long id, Order order) {
        if (size + 1 > (mask + 1) >>> 1) {
            grow();
        }
        int i = slot(id);
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = id;
        values[i] = order;
        size++;
    }

    void remove(long id) {
        int gap = slot(id);
        while (values[gap] == null || keys[gap] != id) {
            if (values[gap] == null) {
                return;
            }
            gap = (gap + 1) & mask;
        }
        // Pull back every later entry of the cluster that may legally sit in the gap, so lookups never stop early.
        for (int j = (gap + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j]);
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        values[gap] = null;
        size--;
    }

    private void grow() {
        long[] oldKeys = keys;
        Order[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Order[oldValues.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    /** Murmur3's finaliser: sequential ids would otherwise fill one contiguous run of slots. */
    private int slot(long id) {
        long h = id;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }
}
