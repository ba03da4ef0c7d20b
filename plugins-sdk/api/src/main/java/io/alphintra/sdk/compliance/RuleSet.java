package io.alphintra.sdk.compliance;

import org.osgi.annotation.versioning.ConsumerType;

import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.order.OrderRequest;

/**
 * The compliance rules of one jurisdiction (short-sale rules, restricted lists, position limits, ...). Register
 * it as an OSGi service; the host's gate evaluates the rule set whose {@link #jurisdiction()} matches the order's
 * instrument, after the risk checks. With no rule set for a jurisdiction, orders there are rejected with
 * {@code NO_RULE_SET}: the gate fails closed.
 *
 * <p>{@link #evaluate} runs on the engine thread: it must not block, must be deterministic given the order and
 * the context (the audit trail replays decisions), and an exception counts as a rejection. Thresholds that come
 * from regulators' publications belong in configuration, with the rule's description citing its source.
 */
@ConsumerType
public interface RuleSet {

    /** Stable id, e.g. {@code us-equities}. */
    String id();

    Jurisdiction jurisdiction();

    /**
     * Semantic version of the rules ({@code MAJOR.MINOR.PATCH}); change it with every rule change, since every
     * decision records it.
     */
    String version();

    /** Decides on one order; build the result with {@link ComplianceDecision#accept(RuleSet)} and friends. */
    ComplianceDecision evaluate(OrderRequest order, ComplianceContext context);
}
