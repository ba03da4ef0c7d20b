package io.alphintra.risk.limits.internal;

import io.alphintra.sdk.money.Decimals;

/**
 * Exact comparison of an order's value with a configured amount, in 128-bit integer arithmetic: price × quantity ×
 * multiplier of a large crypto or futures order does not fit a {@code long} at its scale (at scale 10, a {@code long}
 * ends at 922 million), and the comparison must neither overflow nor round; and the saturating sums the checks
 * compare with their limits. Allocates nothing.
 */
final class ExactValue {

    private ExactValue() {
    }

    /**
     * The sign of {@code a × b × c − m × 10^k}, exactly.
     *
     * @param a non-negative
     * @param b non-negative
     * @param c non-negative
     * @param m non-negative
     * @param k 0 to 18
     */
    static int compare(long a, long b, long c, long m, int k) {
        long power = Decimals.pow10(k);
        // m × 10^k < 2^63 × 2^60: at most 123 bits.
        long rightHigh = Math.multiplyHigh(m, power);
        long rightLow = m * power;
        // a × b < 2^126.
        long abHigh = Math.multiplyHigh(a, b);
        long abLow = a * b;
        // (abHigh·2^64 + abLow) × c. The high word of the unsigned product abLow × c is the signed multiplyHigh
        // corrected for abLow's sign bit (c is non-negative, so it needs no correction).
        long low = abLow * c;
        long carry = Math.multiplyHigh(abLow, c) + ((abLow >> 63) & c);
        long highPart = abHigh * c;
        if (Math.multiplyHigh(abHigh, c) != 0 || highPart < 0) {
            return 1; // at least 2^127, above any m × 10^k
        }
        long high = highPart + carry;
        if (high < 0) {
            return 1; // likewise
        }
        int byHigh = Long.compare(high, rightHigh);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(low, rightLow);
    }

    /** {@code a + b}, saturated at the ends of a {@code long}: a sum beyond a long is beyond any limit. */
    static long saturatingAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }
}
