package io.alphintra.sdk.indicator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Constructor arguments are checked, and the message names the parameter and the rejected value. */
class ValidationTest {

    @Test
    void periodsBelowTheMinimum() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Rsi(1)).withMessage("period = 1: must be >= 2");
        assertThatIllegalArgumentException().isThrownBy(() -> new Sma(0)).withMessage("period = 0: must be >= 1");
        assertThatIllegalArgumentException().isThrownBy(() -> new Stochastic(5, 0, 3))
                .withMessage("slowK = 0: must be >= 1");
        assertThatIllegalArgumentException().isThrownBy(() -> new UltimateOscillator(7, 5, 28))
                .withMessage("period2 = 5: must be >= 7");
        assertThatIllegalArgumentException().isThrownBy(() -> new Ichimoku(9, 26, 52, 0))
                .withMessage("displacement = 0: must be >= 1");
    }

    @Test
    void fastMustBeFasterThanSlow() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Macd(26, 12, 9))
                .withMessage("fastPeriod = 26, slowPeriod = 12: fastPeriod must be < slowPeriod");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChaikinOscillator(10, 10))
                .withMessage("fastPeriod = 10, slowPeriod = 10: fastPeriod must be < slowPeriod");
    }

    @Test
    void realParameters() {
        assertThatIllegalArgumentException().isThrownBy(() -> new T3(5, 1.5))
                .withMessage("volumeFactor = 1.5: must be in [0, 1]");
        assertThatIllegalArgumentException().isThrownBy(() -> new KeltnerChannel(20, 10, 0))
                .withMessage("multiplier = 0.0: must be finite and > 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new BollingerBands(20, Double.NaN, 2))
                .withMessage("upperDeviations = NaN: must be finite and >= 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new ParabolicSar(0.02, 0.01))
                .withMessage("maximum = 0.01: must be finite and >= acceleration (0.02)");
        assertThatThrownBy(() -> new Ppo(12, 26, null)).isInstanceOf(NullPointerException.class).hasMessage("type");
    }

    @Test
    void batchRejectsMismatchedArrays() {
        double[] five = new double[5];
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Batch.compute(new Atr(2), five, five, new double[4], five, five))
                .withMessage("low.length = 4: must be 5");
        assertThatIllegalArgumentException().isThrownBy(() -> Batch.compute(new Sma(2), five, new double[6]))
                .withMessage("out.length = 6: must be 5");
    }
}
