package io.alphintra.simexchange.internal.matching;

/**
 * The trading rules of one instrument's book. Prices are in price units (the instrument's smallest increment) and
 * quantities in quantity units; a notional is price × quantity in (price unit × quantity unit), and fees are paid in
 * notional units.
 *
 * <p>{@code maxPrice × maxQuantity} must fit in a {@code long} with room for one fee unit: checking that once here is
 * what lets the matching loop compute notionals and fees without overflow checks.
 *
 * @param tickSize     every limit and stop price must be a multiple of this
 * @param lotSize      every quantity must be a multiple of this
 * @param minQuantity  the smallest quantity an order may have
 * @param maxPrice     the largest accepted price
 * @param maxQuantity  the largest accepted quantity
 * @param makerFeeRate fee of the resting side, in tenths of a basis point (1 = 0.001 %), 0 to {@value #FEE_RATE_SCALE}
 * @param takerFeeRate fee of the incoming side, same unit
 * @param feeUnit      fees are rounded up to a multiple of this many notional units
 */
public record BookConfig(long tickSize, long lotSize, long minQuantity, long maxPrice, long maxQuantity,
                         int makerFeeRate, int takerFeeRate, long feeUnit) {

    /** Fee rates are fractions of this: a rate of {@code FEE_RATE_SCALE} is 100 %. */
    public static final int FEE_RATE_SCALE = 100_000;

    /** Checks that the rules are coherent and that the largest notional plus rounding fits in a {@code long}. */
    public BookConfig {
        requirePositive(tickSize, "tickSize");
        requirePositive(lotSize, "lotSize");
        requirePositive(minQuantity, "minQuantity");
        requirePositive(maxPrice, "maxPrice");
        requirePositive(maxQuantity, "maxQuantity");
        requirePositive(feeUnit, "feeUnit");
        if (maxQuantity < minQuantity) {
            throw new IllegalArgumentException("maxQuantity " + maxQuantity + " < minQuantity " + minQuantity);
        }
        requireRate(makerFeeRate, "makerFeeRate");
        requireRate(takerFeeRate, "takerFeeRate");
        if (Math.multiplyHigh(maxPrice, maxQuantity) != 0 || maxPrice * maxQuantity < 0
                || maxPrice * maxQuantity > Long.MAX_VALUE - feeUnit) {
            throw new IllegalArgumentException("maxPrice × maxQuantity (+ feeUnit) overflows a long");
        }
    }

    /** The largest notional a single trade can have. */
    public long maxNotional() {
        return maxPrice * maxQuantity;
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void requireRate(int rate, String name) {
        if (rate < 0 || rate > FEE_RATE_SCALE) {
            throw new IllegalArgumentException(name + " must be in [0, " + FEE_RATE_SCALE + "]: " + rate);
        }
    }
}
