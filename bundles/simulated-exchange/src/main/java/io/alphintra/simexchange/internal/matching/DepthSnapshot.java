package io.alphintra.simexchange.internal.matching;

/** A caller-owned buffer for the best N levels of both sides, refilled by {@link OrderBook#depth(DepthSnapshot)}. */
public final class DepthSnapshot {

    private final long[][] prices = new long[2][];
    private final long[][] quantities = new long[2][];
    private final int[][] orderCounts = new int[2][];
    private final int[] levels = new int[2];

    /** @param maxLevels how many levels per side to keep */
    public DepthSnapshot(int maxLevels) {
        if (maxLevels <= 0) {
            throw new IllegalArgumentException("maxLevels must be positive: " + maxLevels);
        }
        for (int s = 0; s < 2; s++) {
            prices[s] = new long[maxLevels];
            quantities[s] = new long[maxLevels];
            orderCounts[s] = new int[maxLevels];
        }
    }

    public int maxLevels() {
        return prices[0].length;
    }

    /** How many levels of {@code side} the last snapshot holds, best first. */
    public int levels(Side side) {
        return levels[side.ordinal()];
    }

    public long price(Side side, int level) {
        return prices[side.ordinal()][check(side, level)];
    }

    public long quantity(Side side, int level) {
        return quantities[side.ordinal()][check(side, level)];
    }

    public int orderCount(Side side, int level) {
        return orderCounts[side.ordinal()][check(side, level)];
    }

    void fill(Side side, PriceLadder ladder) {
        int s = side.ordinal();
        int n = Math.min(ladder.size(), prices[s].length);
        for (int i = 0; i < n; i++) {
            PriceLevel level = ladder.fromBest(i);
            prices[s][i] = level.price;
            quantities[s][i] = level.quantity;
            orderCounts[s][i] = level.orderCount;
        }
        levels[s] = n;
    }

    private int check(Side side, int level) {
        if (level < 0 || level >= levels[side.ordinal()]) {
            throw new IndexOutOfBoundsException("level " + level + " of " + levels[side.ordinal()]);
        }
        return level;
    }
}
