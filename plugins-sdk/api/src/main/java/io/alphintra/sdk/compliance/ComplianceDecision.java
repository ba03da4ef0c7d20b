package io.alphintra.sdk.compliance;

import java.util.regex.Pattern;

import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.internal.Checks;

/**
 * A rule set's decision on one order, as recorded in the audit trail: which rule set, at which version, for which
 * jurisdiction, and, unless it accepted, which rule and why. Build it with the factories, which copy id, version
 * and jurisdiction from the {@link RuleSet} so that the record cannot name another version than the one that
 * decided.
 *
 * @param verdict accept, alert or reject
 * @param ruleSetId the {@link RuleSet#id()}
 * @param ruleSetVersion the rule set's semantic version
 * @param jurisdiction the rule set's jurisdiction
 * @param ruleId the rule that alerted or rejected, e.g. {@code REG_SHO_201}; null for {@link Verdict#ACCEPT}
 * @param reason for people, e.g. {@code short sale at or below the national best bid while Rule 201 is
 *     triggered}; null for {@link Verdict#ACCEPT}
 */
public record ComplianceDecision(Verdict verdict, String ruleSetId, String ruleSetVersion,
        Jurisdiction jurisdiction, String ruleId, String reason) {

    /** Semantic Versioning 2.0.0: {@code MAJOR.MINOR.PATCH} with optional pre-release and build parts. */
    public static final Pattern SEMANTIC_VERSION = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    /** Longest accepted reason. */
    public static final int MAX_REASON_LENGTH = 1024;

    public ComplianceDecision {
        Checks.required("verdict", verdict);
        Checks.id("ruleSetId", ruleSetId);
        requireSemanticVersion("ruleSetVersion", ruleSetVersion);
        Checks.required("jurisdiction", jurisdiction);
        if (verdict == Verdict.ACCEPT) {
            if (ruleId != null || reason != null) {
                throw new IllegalArgumentException("ruleId = " + Checks.quote(ruleId) + ", reason = "
                        + Checks.quote(reason) + ": an ACCEPT names no rule and no reason");
            }
        } else {
            Checks.id("ruleId", ruleId);
            Checks.text("reason", reason, MAX_REASON_LENGTH);
        }
    }

    public static ComplianceDecision accept(RuleSet ruleSet) {
        Checks.required("ruleSet", ruleSet);
        return new ComplianceDecision(Verdict.ACCEPT, ruleSet.id(), ruleSet.version(), ruleSet.jurisdiction(), null,
                null);
    }

    public static ComplianceDecision alert(RuleSet ruleSet, String ruleId, String reason) {
        Checks.required("ruleSet", ruleSet);
        return new ComplianceDecision(Verdict.ALERT, ruleSet.id(), ruleSet.version(), ruleSet.jurisdiction(), ruleId,
                reason);
    }

    public static ComplianceDecision reject(RuleSet ruleSet, String ruleId, String reason) {
        Checks.required("ruleSet", ruleSet);
        return new ComplianceDecision(Verdict.REJECT, ruleSet.id(), ruleSet.version(), ruleSet.jurisdiction(),
                ruleId, reason);
    }

    /** Whether the order may go ({@link Verdict#ACCEPT} or {@link Verdict#ALERT}). */
    public boolean accepted() {
        return verdict != Verdict.REJECT;
    }

    /**
     * Checks a semantic version string such as {@code 2.1.0}.
     *
     * @throws IllegalArgumentException {@code version = '2.1': not a semantic version (MAJOR.MINOR.PATCH)}
     */
    public static String requireSemanticVersion(String field, String version) {
        Checks.required(field, version);
        if (!SEMANTIC_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException(field + " = " + Checks.quote(version)
                    + ": not a semantic version (MAJOR.MINOR.PATCH)");
        }
        return version;
    }
}
