package io.alphintra.engine.internal.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ExactArithmeticTest {

    @Test
    void roundsHalfEvenIncludingTies() {
        assertThat(ExactArithmetic.multiplyDivideHalfEven(32, 1, 3)).isEqualTo(11); // 10.67
        assertThat(ExactArithmetic.multiplyDivideHalfEven(5, 1, 2)).isEqualTo(2); // 2.5 -> even
        assertThat(ExactArithmetic.multiplyDivideHalfEven(7, 1, 2)).isEqualTo(4); // 3.5 -> even
        assertThat(ExactArithmetic.multiplyDivideHalfEven(Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE))
                .isEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    void agreesWithBigDecimalWhenTheProductNeeds128Bits() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long divisor = 1 + (i % 2 == 0 ? random.nextLong(Long.MAX_VALUE) : random.nextLong(1_000_000));
            long b = random.nextLong(divisor + (divisor == Long.MAX_VALUE ? 0 : 1));
            long a = random.nextLong(Long.MAX_VALUE);
            long expected = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
                    .divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_EVEN).longValueExact();
            assertThat(ExactArithmetic.multiplyDivideHalfEven(a, b, divisor)).as("%d x %d / %d", a, b, divisor)
                    .isEqualTo(expected);
        }
    }

    @Test
    void refusesArgumentsWhoseQuotientMightNotFit() {
        assertThatThrownBy(() -> ExactArithmetic.multiplyDivideHalfEven(10, 4, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(10, 4, 3)");
        assertThatThrownBy(() -> ExactArithmetic.multiplyDivideHalfEven(-1, 1, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
