package io.alphintra.sdk.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {

    @ParameterizedTest
    @CsvSource({
        "101.25, 4, 1012500",
        "101.25, 2, 10125",
        "0, 0, 0",
        "-0.0001, 4, -1",
        "+7, 3, 7000",
        "007.50, 1, 75",
        "1.500000, 2, 150",
        "922337203685477.5807, 4, 9223372036854775807",
        "-922337203685477.5807, 4, -9223372036854775807",
        "0.000000000000000001, 18, 1"
    })
    void parsesExactly(String text, int scale, long expected) {
        assertThat(Decimals.parse("price", text, scale)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "1012500, 4, 101.2500, 101.25",
        "-1, 4, -0.0001, -0.0001",
        "0, 2, 0.00, 0",
        "1000, 2, 10.00, 10",
        "5, 0, 5, 5",
        "-9223372036854775808, 4, -922337203685477.5808, -922337203685477.5808"
    })
    void formatsExactly(long mantissa, int scale, String full, String compact) {
        assertThat(Decimals.format(mantissa, scale)).isEqualTo(full);
        assertThat(Decimals.formatCompact(mantissa, scale)).isEqualTo(compact);
    }

    @Test
    void formatThenParseRoundTripsRandomValues() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            long mantissa = random.nextLong();
            if (mantissa == Long.MIN_VALUE) {
                continue;
            }
            int scale = random.nextInt(Decimals.MAX_SCALE + 1);
            String text = Decimals.format(mantissa, scale);
            assertThat(Decimals.parse(text, scale)).as(text).isEqualTo(mantissa);
            assertThat(new BigDecimal(text)).isEqualTo(BigDecimal.valueOf(mantissa, scale));
            assertThat(Decimals.parse(Decimals.formatCompact(mantissa, scale), scale)).isEqualTo(mantissa);
        }
    }

    @Test
    void rejectsMoreDecimalsThanTheScaleNamingFieldAndValue() {
        assertThatThrownBy(() -> Decimals.parse("limitPrice", "101.255", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limitPrice = '101.255': more than 2 decimal places");
        assertThatThrownBy(() -> Decimals.parse("qty", "1.5", 0))
                .hasMessage("qty = '1.5': more than 0 decimal places");
        assertThatThrownBy(() -> Decimals.parse("qty", "1.0001", 1))
                .hasMessage("qty = '1.0001': more than 1 decimal place");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "1.", ".5", "1e5", " 1", "1 ", "1,000", "--1", "1.2.3", "0x10",
        "１", "NaN", "abc"})
    void rejectsGarbage(String text) {
        assertThatThrownBy(() -> Decimals.parse("price", text, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("price = '")
                .hasMessageContaining("not a plain decimal number");
    }

    @Test
    void rejectsNullAndBadScale() {
        assertThatThrownBy(() -> Decimals.parse("price", null, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("price: required (was null)");
        assertThatThrownBy(() -> Decimals.parse("price", "1", 19))
                .hasMessage("price scale = 19: must be between 0 and 18");
        assertThatThrownBy(() -> Decimals.parse("price", "1", -1))
                .hasMessage("price scale = -1: must be between 0 and 18");
    }

    @Test
    void rejectsOverflowNamingTheValue() {
        assertThatThrownBy(() -> Decimals.parse("notional", "922337203685477.5808", 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("notional = '922337203685477.5808': out of range at scale 4 (largest magnitude is"
                        + " 922337203685477.5807)");
        assertThatThrownBy(() -> Decimals.parse("q", "99999999999999999999", 0))
                .hasMessageContaining("out of range at scale 0");
        assertThatThrownBy(() -> Decimals.parse("q", "10", 18))
                .hasMessageContaining("out of range at scale 18");
    }

    @Test
    void escapesControlCharactersInMessages() {
        assertThatThrownBy(() -> Decimals.parse("price", "1\n2", 2))
                .hasMessage("price = '1\\u000a2': not a plain decimal number (expected e.g. -101.25)");
    }

    @Test
    void rescalesExactlyOrThrows() {
        assertThat(Decimals.rescale(10125, 2, 4)).isEqualTo(1012500);
        assertThat(Decimals.rescale(1012500, 4, 2)).isEqualTo(10125);
        assertThatThrownBy(() -> Decimals.rescale(1012550, 4, 2))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("inexact");
        assertThatThrownBy(() -> Decimals.rescale(Long.MAX_VALUE / 10 + 1, 0, 1))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("overflow");
        assertThat(Decimals.rescale(1012550, 4, 2, RoundingMode.HALF_EVEN)).isEqualTo(10126);
        assertThat(Decimals.rescale(1012650, 4, 2, RoundingMode.HALF_EVEN)).isEqualTo(10126);
        assertThat(Decimals.rescale(-1012550, 4, 2, RoundingMode.HALF_UP)).isEqualTo(-10126);
    }

    @ParameterizedTest
    @EnumSource(value = RoundingMode.class, names = "UNNECESSARY", mode = EnumSource.Mode.EXCLUDE)
    void divideRoundsLikeBigDecimal(RoundingMode mode) {
        SplittableRandom random = new SplittableRandom(7);
        long[] edgeDivisors = {1, -1, 2, -2, 3, 10, Long.MAX_VALUE, Long.MIN_VALUE};
        for (int i = 0; i < 20_000; i++) {
            long dividend = i % 3 == 0 ? random.nextLong() : random.nextLong(-1_000_000, 1_000_000);
            long divisor = i % 5 == 0 ? edgeDivisors[random.nextInt(edgeDivisors.length)]
                    : random.nextLong(-1_000, 1_000);
            if (divisor == 0 || (dividend == Long.MIN_VALUE && divisor == -1)) {
                continue;
            }
            BigDecimal expected = new BigDecimal(dividend).divide(new BigDecimal(divisor), 0, mode);
            assertThat(Decimals.divide(dividend, divisor, mode)).as("%d / %d %s", dividend, divisor, mode)
                    .isEqualTo(expected.longValueExact());
        }
    }

    @Test
    void divideRefusesWhatItCannotDo() {
        assertThatThrownBy(() -> Decimals.divide(1, 0, RoundingMode.DOWN))
                .isInstanceOf(ArithmeticException.class).hasMessage("division by zero: 1 / 0");
        assertThatThrownBy(() -> Decimals.divide(Long.MIN_VALUE, -1, RoundingMode.DOWN))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Decimals.divide(10, 3, RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class).hasMessage("rounding necessary: 10 / 3 is inexact");
        assertThat(Decimals.divide(9, 3, RoundingMode.UNNECESSARY)).isEqualTo(3);
    }

    @Test
    void compareIsExactAcrossScalesWithoutOverflow() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            long a = random.nextLong();
            long b = i % 2 == 0 ? random.nextLong() : a / 10;
            int scaleA = random.nextInt(19);
            int scaleB = random.nextInt(19);
            int expected = BigDecimal.valueOf(a, scaleA).compareTo(BigDecimal.valueOf(b, scaleB));
            assertThat(Integer.signum(Decimals.compare(a, scaleA, b, scaleB)))
                    .as("%d@%d vs %d@%d", a, scaleA, b, scaleB).isEqualTo(expected);
        }
        assertThat(Decimals.compare(-5, 1, 3, 1)).isNegative();
        assertThat(Decimals.compare(10, 1, 100, 2)).isZero();
        assertThat(Decimals.compare(-15, 1, -7, 1)).isNegative();
    }

    @Test
    void notionalUsesTheCombinedScaleAndDetectsOverflow() {
        assertThat(Decimals.notional(1012500, 4, 300, 0)).isEqualTo(303750000L);
        assertThat(Decimals.notional(6_500_000L, 2, 12_345_678L, 8))
                .isEqualTo(BigInteger.valueOf(6_500_000L).multiply(BigInteger.valueOf(12_345_678L)).longValueExact());
        assertThatThrownBy(() -> Decimals.notional(Long.MAX_VALUE / 2, 4, 3, 0))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("overflow: 4611686018427387903 x 3 does not fit a long");
        assertThatThrownBy(() -> Decimals.notional(1, 10, 1, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("priceScale + quantityScale = 19: must be between 0 and 18");
    }

    @Test
    void checkedAddAndSubtractNameTheOperands() {
        assertThat(Decimals.multiply(-3, Long.MAX_VALUE / 3)).isEqualTo(-(Long.MAX_VALUE / 3) * 3);
        assertThat(Decimals.multiply(Long.MIN_VALUE, 1)).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> Decimals.multiply(Long.MIN_VALUE, -1)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Decimals.add(Long.MAX_VALUE, 1))
                .hasMessage("overflow: 9223372036854775807 + 1 does not fit a long");
        assertThatThrownBy(() -> Decimals.subtract(Long.MIN_VALUE, 1))
                .hasMessage("overflow: -9223372036854775808 - 1 does not fit a long");
        assertThat(Decimals.subtract(-1, Long.MAX_VALUE)).isEqualTo(Long.MIN_VALUE);
    }
}
