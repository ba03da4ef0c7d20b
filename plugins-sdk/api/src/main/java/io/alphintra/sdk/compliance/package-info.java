/**
 * The compliance plugin contract: a {@link io.alphintra.sdk.compliance.RuleSet} per
 * {@link io.alphintra.sdk.instrument.Jurisdiction} decides on each order given a
 * {@link io.alphintra.sdk.compliance.ComplianceContext}, and returns a
 * {@link io.alphintra.sdk.compliance.ComplianceDecision} that records the rule set's id, semantic version and
 * jurisdiction, and the deciding rule. Every decision is audited with that version, so that a compliance officer
 * can tell which rules were in force for any order.
 */
@Export
@Version("1.1.0")
package io.alphintra.sdk.compliance;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
