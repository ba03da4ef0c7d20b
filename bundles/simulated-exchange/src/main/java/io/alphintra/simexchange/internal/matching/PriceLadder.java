package io.alphintra.simexchange.internal.matching;

/**
 * The levels of one side, sorted so that the best level is the last element of the array. Matching and cancelling
 * mostly touch the best levels, so removals at the end cost nothing and insertions near the top shift few elements;
 * lookups by price are a binary search. A side rarely holds more than a few thousand levels, where this beats trees
 * and heaps and allocates nothing once the array has grown.
 */
final class PriceLadder {

    /** Bids and sell stops: the highest price is best (triggers first). Asks and buy stops: the lowest. */
    private final boolean highestFirst;
    /** Book ladders publish depth and keep removed levels until it is out; stop ladders do neither. */
    final boolean publishesDepth;
    private PriceLevel[] levels = new PriceLevel[64];
    private int size;

    PriceLadder(boolean highestFirst, boolean publishesDepth) {
        this.highestFirst = highestFirst;
        this.publishesDepth = publishesDepth;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    PriceLevel best() {
        return size == 0 ? null : levels[size - 1];
    }

    /** The level {@code rank} places behind the best one (0 = best). */
    PriceLevel fromBest(int rank) {
        return levels[size - 1 - rank];
    }

    /** The level at array position {@code index}; the best is at {@code size() - 1}. */
    PriceLevel at(int index) {
        return levels[index];
    }

    PriceLevel find(long price) {
        int index = search(key(price));
        return index >= 0 ? levels[index] : null;
    }

    /** Adds a level whose price is not in the ladder yet. */
    void insert(PriceLevel level) {
        int index = -search(key(level.price)) - 1;
        if (size == levels.length) {
            levels = java.util.Arrays.copyOf(levels, size * 2);
        }
        System.arraycopy(levels, index, levels, index + 1, size - index);
        levels[index] = level;
        size++;
    }

    void remove(PriceLevel level) {
        int index = size - 1;
        if (levels[index] != level) {
            index = search(key(level.price));
        }
        System.arraycopy(levels, index + 1, levels, index, size - index - 1);
        levels[--size] = null;
    }

    /** Keys ascend towards the best level; prices are positive, so negation cannot overflow. */
    private long key(long price) {
        return highestFirst ? price : -price;
    }

    private int search(long key) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long midKey = key(levels[mid].price);
            if (midKey < key) {
                low = mid + 1;
            } else if (midKey > key) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }
}
