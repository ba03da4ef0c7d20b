package io.alphintra.engine.internal.portfolio;

/**
 * The one division the booking needs: the share of an open cost that a partial close removes,
 * {@code cost × closed / open}, rounded half-even. The product can exceed a {@code long} (an open cost near
 * 10^15 times a crypto quantity of 10^11 units) even though the quotient always fits, so it is formed in 128 bits
 * instead of failing or passing through {@code BigDecimal} on the fill path.
 */
final class ExactArithmetic {

    private ExactArithmetic() {
    }

    /**
     * {@code round(a × b / divisor)}, half-even, for {@code a >= 0}, {@code 0 <= b <= divisor} and
     * {@code divisor > 0}; then the result is at most {@code a} and always fits.
     */
    static long multiplyDivideHalfEven(long a, long b, long divisor) {
        if (a < 0 || b < 0 || divisor <= 0 || b > divisor) {
            throw new IllegalArgumentException("multiplyDivideHalfEven(" + a + ", " + b + ", " + divisor
                    + "): needs a >= 0 and 0 <= b <= divisor");
        }
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        long quotient;
        long remainder;
        if (high == 0 && low >= 0) {
            quotient = low / divisor;
            remainder = low % divisor;
        } else {
            // Schoolbook binary division of the 128-bit product. high < divisor because the quotient fits in
            // 63 bits; the running remainder is below divisor < 2^63 before each shift and below 2^64 after it,
            // so an unsigned comparison is exact.
            remainder = high;
            quotient = 0;
            for (int bit = 63; bit >= 0; bit--) {
                remainder = (remainder << 1) | ((low >>> bit) & 1);
                quotient <<= 1;
                if (Long.compareUnsigned(remainder, divisor) >= 0) {
                    remainder -= divisor;
                    quotient |= 1;
                }
            }
        }
        // remainder < divisor <= Long.MAX_VALUE, so divisor - remainder cannot overflow.
        int versusHalf = Long.compare(remainder, divisor - remainder);
        if (versusHalf > 0 || (versusHalf == 0 && (quotient & 1) != 0)) {
            quotient++;
        }
        return quotient;
    }
}
