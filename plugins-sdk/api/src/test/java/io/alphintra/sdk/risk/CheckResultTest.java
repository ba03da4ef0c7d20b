package io.alphintra.sdk.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.risk.CheckResult.Outcome;

class CheckResultTest {

    @Test
    void acceptIsSharedAndCarriesNothing() {
        assertThat(CheckResult.accept()).isSameAs(CheckResult.accept());
        assertThat(CheckResult.accept().isRejected()).isFalse();
        assertThatThrownBy(() -> new CheckResult(Outcome.ACCEPT, RejectReason.OTHER, null))
                .hasMessage("reason = OTHER: only a REJECT carries a reason");
    }

    @Test
    void rejectNeedsAReasonAndText() {
        CheckResult rejected = CheckResult.reject(RejectReason.RISK_LIMIT, "order value over USD 1,000,000.00");
        assertThat(rejected.isRejected()).isTrue();
        assertThatThrownBy(() -> CheckResult.reject(null, "x")).hasMessage("reason: required (was null)");
        assertThatThrownBy(() -> CheckResult.warn("")).hasMessage("text = '': must be non-blank and at most 1024"
                + " characters");
    }

    @Test
    void riskMeasureValidatesConfidence() {
        Money value = Money.parse(Currency.USD, "125000.00");
        RiskMeasure var = new RiskMeasure("VaR", value, 0.99, Duration.ofDays(1), "historical-var", "1.0.0", 0);
        assertThat(var.value()).isEqualTo(value);
        assertThatThrownBy(() -> new RiskMeasure("VaR", value, 1.0, Duration.ofDays(1), "m", "1", 0))
                .hasMessage("confidenceLevel = 1.0: must be 0 (none) or between 0 and 1 exclusive");
        assertThatThrownBy(() -> new RiskMeasure("VaR", value, Double.NaN, Duration.ofDays(1), "m", "1", 0))
                .hasMessageStartingWith("confidenceLevel = NaN");
    }
}
