package io.alphintra.simexchange.internal.matching;

/** Exact integer fee arithmetic. */
public final class Fees {

    private Fees() {
    }

    /**
     * The fee on a notional: {@code ceil(notional × rate / FEE_RATE_SCALE)}, then rounded up to a multiple of
     * {@code unit}. Rounding up means the venue never undercharges by a fraction.
     *
     * <p>The notional is split into whole multiples of the scale and a remainder so that no intermediate product
     * exceeds the notional itself; with {@link BookConfig}'s bounds the result always fits in a {@code long}.
     *
     * @param notional price × quantity, not negative
     * @param rate     in tenths of a basis point, 0 to {@link BookConfig#FEE_RATE_SCALE}
     * @param unit     positive rounding unit
     */
    public static long fee(long notional, int rate, long unit) {
        long whole = notional / BookConfig.FEE_RATE_SCALE;
        long rest = notional % BookConfig.FEE_RATE_SCALE;
        long fee = whole * rate + (rest * rate + BookConfig.FEE_RATE_SCALE - 1) / BookConfig.FEE_RATE_SCALE;
        long partial = fee % unit;
        return partial == 0 ? fee : fee + unit - partial;
    }
}
