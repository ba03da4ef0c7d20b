/**
 * Risk plugin contracts: {@link io.alphintra.sdk.risk.PreTradeCheck}s form the host's pre-trade gate (run in
 * order on the engine thread for every order, first rejection wins, fail closed), and
 * {@link io.alphintra.sdk.risk.RiskModel}s compute portfolio measures off the hot path.
 *
 * <p>Every check and model has an id and a version that the host records with each decision, so that the audit
 * trail says which logic accepted or refused an order.
 */
@Export
@Version("1.2.0")
package io.alphintra.sdk.risk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
