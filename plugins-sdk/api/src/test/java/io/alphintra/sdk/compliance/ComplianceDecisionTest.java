package io.alphintra.sdk.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.order.OrderRequest;

class ComplianceDecisionTest {

    private static final RuleSet US_EQUITIES = new RuleSet() {
        @Override
        public String id() {
            return "us-equities";
        }

        @Override
        public Jurisdiction jurisdiction() {
            return Jurisdiction.US;
        }

        @Override
        public String version() {
            return "2.1.0";
        }

        @Override
        public ComplianceDecision evaluate(OrderRequest order, ComplianceContext context) {
            return ComplianceDecision.accept(this);
        }
    };

    @Test
    void decisionsRecordTheRuleSetVersionThatMadeThem() {
        ComplianceDecision rejected = ComplianceDecision.reject(US_EQUITIES, "REG_SHO_201",
                "short sale at or below the national best bid while Rule 201 is triggered");
        assertThat(rejected.accepted()).isFalse();
        assertThat(rejected.ruleSetId()).isEqualTo("us-equities");
        assertThat(rejected.ruleSetVersion()).isEqualTo("2.1.0");
        assertThat(rejected.jurisdiction()).isEqualTo(Jurisdiction.US);
        assertThat(rejected.ruleId()).isEqualTo("REG_SHO_201");
        ComplianceDecision accepted = ComplianceDecision.accept(US_EQUITIES);
        assertThat(accepted.accepted()).isTrue();
        assertThat(accepted.ruleId()).isNull();
        assertThat(ComplianceDecision.alert(US_EQUITIES, "SSR_NOTIFY", "net short 0.09 %").accepted()).isTrue();
    }

    @Test
    void nonAcceptsNeedARuleAndAReason() {
        assertThatThrownBy(() -> ComplianceDecision.reject(US_EQUITIES, null, "x"))
                .hasMessage("ruleId: required (was null)");
        assertThatThrownBy(() -> ComplianceDecision.reject(US_EQUITIES, "R1", " "))
                .hasMessage("reason = ' ': must be non-blank and at most 1024 characters");
        assertThatThrownBy(() -> new ComplianceDecision(Verdict.ACCEPT, "us-equities", "2.1.0", Jurisdiction.US,
                "R1", null)).hasMessageContaining("an ACCEPT names no rule and no reason");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "v2.1.0", "02.1.0", "2.1.0.0", "", "2.1.x"})
    void versionsMustBeSemantic(String version) {
        assertThatThrownBy(() -> new ComplianceDecision(Verdict.ACCEPT, "us-equities", version, Jurisdiction.US,
                null, null)).hasMessage("ruleSetVersion = '" + version + "': not a semantic version"
                        + " (MAJOR.MINOR.PATCH)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.1", "2.10.0", "1.0.0-rc.1", "1.0.0+build.7"})
    void acceptsSemanticVersions(String version) {
        assertThat(ComplianceDecision.requireSemanticVersion("version", version)).isEqualTo(version);
    }
}
