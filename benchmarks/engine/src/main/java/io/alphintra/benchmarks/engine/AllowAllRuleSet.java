package io.alphintra.benchmarks.engine;

import io.alphintra.sdk.compliance.ComplianceContext;
import io.alphintra.sdk.compliance.ComplianceDecision;
import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.order.OrderRequest;

/** A US rule set that accepts every order, so the gate's cost is the engine's, not a rule's. */
final class AllowAllRuleSet implements RuleSet {
    private final ComplianceDecision accept = ComplianceDecision.accept(this);

    @Override
    public String id() {
        return "benchmark-allow-all";
    }

    @Override
    public Jurisdiction jurisdiction() {
        return Jurisdiction.US;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public ComplianceDecision evaluate(OrderRequest order, ComplianceContext context) {
        return accept;
    }
}
