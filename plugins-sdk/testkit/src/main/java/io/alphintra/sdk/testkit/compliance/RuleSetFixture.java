package io.alphintra.sdk.testkit.compliance;

import java.nio.file.Path;

import io.alphintra.sdk.compliance.Verdict;
import io.alphintra.sdk.order.OrderRequest;

/**
 * One fixture file, read: an order, the context a rule set sees for it, and the decision expected.
 *
 * @param file where it was read from
 * @param description what the case is about, from the file
 * @param order the order to decide on
 * @param context account, positions, reference and market data
 * @param expectedVerdict ACCEPT, ALERT or REJECT
 * @param expectedRuleId the rule expected to decide; null for ACCEPT
 * @param expectedReasonContains text the decision's reason must contain, or null
 */
public record RuleSetFixture(Path file, String description, OrderRequest order, FixtureComplianceContext context,
        Verdict expectedVerdict, String expectedRuleId, String expectedReasonContains) {

    /** The file name, e.g. {@code restricted-buy.json}. */
    public String name() {
        return file.getFileName().toString();
    }
}
