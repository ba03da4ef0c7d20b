package io.alphintra.sdk.risk;

import org.osgi.annotation.versioning.ConsumerType;

import io.alphintra.sdk.order.OrderRequest;

/**
 * One control in the host's pre-trade gate (credit limit, price collar, maximum order value, ...). Register it
 * as an OSGi service; the gate runs all checks in ascending {@link #order()} for every new order and every
 * replace, and stops at the first rejection.
 *
 * <p>Runs on the engine thread for every order: must not block, should not allocate on the accept path
 * ({@link CheckResult#accept()} is shared), and must be deterministic given its inputs so that the audit trail
 * can replay the decision. An exception counts as a rejection with {@code RISK_LIMIT} (fail closed) and is
 * alerted. Limits belong in configuration, not in code.
 */
@ConsumerType
public interface PreTradeCheck {

    /** Stable id, e.g. {@code max-order-value}; recorded with every decision. */
    String id();

    /** Version of the check's logic, recorded with every decision. */
    String version();

    /** Position in the chain; lower runs first. Cheap, likely-to-reject checks should come first. */
    int order();

    /** Decides on one order; {@code context} describes the account and market as of the decision. */
    CheckResult check(OrderRequest order, PreTradeContext context);
}
