package io.alphintra.simexchange.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeesTest {

    @Test
    void exactFractionsAreNotRoundedAndAnyRemainderRoundsUp() {
        assertThat(Fees.fee(100_000, 10, 1)).isEqualTo(10);
        assertThat(Fees.fee(100_001, 10, 1)).isEqualTo(11);
        assertThat(Fees.fee(1, 1, 1)).isEqualTo(1);
        assertThat(Fees.fee(0, 25, 1)).isZero();
        assertThat(Fees.fee(123_456, 0, 1)).isZero();
    }

    @Test
    void roundsUpToTheFeeUnit() {
        assertThat(Fees.fee(100_000, 10, 100)).isEqualTo(100);
        assertThat(Fees.fee(10_000_000, 10, 100)).isEqualTo(1_000);
        assertThat(Fees.fee(10_000_001, 10, 100)).isEqualTo(1_100);
    }

    @Test
    void matchesBigIntegerArithmeticUpToTheLargestNotional() {
        SplittableRandom random = new SplittableRandom(42);
        BigInteger scale = BigInteger.valueOf(BookConfig.FEE_RATE_SCALE);
        for (int i = 0; i < 100_000; i++) {
            long notional = i == 0 ? Long.MAX_VALUE - 1_000 : random.nextLong(Long.MAX_VALUE - 1_000);
            int rate = random.nextInt(BookConfig.FEE_RATE_SCALE + 1);
            long unit = 1 + random.nextInt(1_000);
            BigInteger[] fee = BigInteger.valueOf(notional).multiply(BigInteger.valueOf(rate)).divideAndRemainder(scale);
            BigInteger exact = fee[1].signum() == 0 ? fee[0] : fee[0].add(BigInteger.ONE);
            BigInteger[] units = exact.divideAndRemainder(BigInteger.valueOf(unit));
            BigInteger expected = (units[1].signum() == 0 ? units[0] : units[0].add(BigInteger.ONE))
                    .multiply(BigInteger.valueOf(unit));

            assertThat(Fees.fee(notional, rate, unit)).as("fee(%d, %d, %d)", notional, rate, unit)
                    .isEqualTo(expected.longValueExact());
        }
    }
}
