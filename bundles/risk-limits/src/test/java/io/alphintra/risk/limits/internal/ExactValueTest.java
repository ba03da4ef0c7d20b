package io.alphintra.risk.limits.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ExactValueTest {

    private static int expected(long a, long b, long c, long m, int k) {
        BigInteger left = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).multiply(BigInteger.valueOf(c));
        BigInteger right = BigInteger.valueOf(m).multiply(BigInteger.TEN.pow(k));
        return Integer.signum(left.compareTo(right));
    }

    @Test
    void agreesWithBigIntegerOnRandomOperandsOfEverySize() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            long a = random.nextLong(Long.MAX_VALUE) >>> random.nextInt(63);
            long b = random.nextLong(Long.MAX_VALUE) >>> random.nextInt(63);
            long c = random.nextInt(4) == 0 ? 1 : random.nextLong(Long.MAX_VALUE) >>> random.nextInt(63);
            long m = random.nextLong(Long.MAX_VALUE) >>> random.nextInt(63);
            int k = random.nextInt(19);
            assertThat(Integer.signum(ExactValue.compare(a, b, c, m, k))).as("%d x %d x %d vs %d x 10^%d", a, b, c,
                    m, k).isEqualTo(expected(a, b, c, m, k));
        }
    }

    @Test
    void isExactAtEquality() {
        assertThat(ExactValue.compare(6_500_000, 2_000_000_000_000L, 1, 130_000_000_000L, 8)).isZero();
        assertThat(ExactValue.compare(6_500_000, 2_000_000_000_001L, 1, 130_000_000_000L, 8)).isPositive();
        assertThat(ExactValue.compare(0, 5, 7, 0, 0)).isZero();
        assertThat(ExactValue.compare(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 18))
                .isPositive();
        assertThat(ExactValue.compare(1, 1, 1, Long.MAX_VALUE, 18)).isNegative();
    }
}
