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

    /**
     * {@code price × quantity × multiplier} (magnitudes) at a value scale of {@code valueScale}, brought to
     * {@code creditScale} and rounded up, saturated at {@link Long#MAX_VALUE}: an order's value as the engine counts
     * credit. Allocates nothing unless the product is beyond a {@code long} at the instrument's own scale.
     */
    static long creditValue(long price, long quantity, long multiplier, int valueScale, int creditScale) {
        if (quantity <= 0) {
            return 0;
        }
        long magnitude = price == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(price);
        int shift = valueScale - creditScale;
        try {
            long product = Math.multiplyExact(Math.multiplyExact(magnitude, quantity), multiplier);
            if (shift <= 0) {
                return Math.multiplyExact(product, Decimals.pow10(-shift));
            }
            if (shift > Decimals.MAX_SCALE) {
                return product == 0 ? 0 : 1;
            }
            long divisor = Decimals.pow10(shift);
            return product / divisor + (product % divisor == 0 ? 0 : 1);
        } catch (ArithmeticException beyondLong) {
            java.math.BigInteger product = java.math.BigInteger.valueOf(magnitude)
                    .multiply(java.math.BigInteger.valueOf(quantity)).multiply(java.math.BigInteger.valueOf(multiplier));
            java.math.BigInteger scaled = shift <= 0 ? product.multiply(java.math.BigInteger.TEN.pow(-shift))
                    : product.add(java.math.BigInteger.TEN.pow(shift).subtract(java.math.BigInteger.ONE))
                            .divide(java.math.BigInteger.TEN.pow(shift));
            return scaled.bitLength() < 64 ? scaled.longValue() : Long.MAX_VALUE;
        }
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
