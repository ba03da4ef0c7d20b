package io.alphintra.sdk.testkit.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import io.alphintra.sdk.compliance.ComplianceContext;
import io.alphintra.sdk.compliance.ComplianceDecision;
import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.compliance.Verdict;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.order.OrderRequest;

class RuleSetFixturesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/restricted");

    /** Restricted list rejects; notional over 100 000 alerts. */
    static final class SmallRuleSet implements RuleSet {
        private final boolean ignoreRestrictedList;

        SmallRuleSet(boolean ignoreRestrictedList) {
            this.ignoreRestrictedList = ignoreRestrictedList;
        }

        @Override
        public String id() {
            return "test-rules";
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
            if (context.isRestricted() && !ignoreRestrictedList) {
                return ComplianceDecision.reject(this, "RESTRICTED_LIST", order.instrument().id()
                        + " is on the restricted list");
            }
            long notional = order.instrument().notional(order.limitPrice(), order.quantity()).mantissa();
            if (notional > 100_000_00L) {
                return ComplianceDecision.alert(this, "LARGE_ORDER", "notional over 100000");
            }
            return ComplianceDecision.accept(this);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixturePasses() {
        return RuleSetFixtures.dynamicTests(new SmallRuleSet(false), FIXTURES);
    }

    @Test
    void readsEveryInputOfAFixture() {
        RuleSetFixture fixture = RuleSetFixtures.loadFile(FIXTURES.resolve("restricted-buy.json"));
        assertThat(fixture.order().limitPrice()).isEqualTo(18_950);
        assertThat(fixture.context().accountNetQuantity()).isEqualTo(-200);
        assertThat(fixture.context().account().positions().get(0).openPriceQuantity()).isEqualTo(19_000 * 200);
        assertThat(fixture.context().topOfBook().orElseThrow().askSize()).isEqualTo(200);
        assertThat(fixture.context().previousClose().getAsLong()).isEqualTo(18_700);
        assertThat(fixture.context().tradingDate()).hasToString("2025-03-03");
        assertThat(fixture.context().venue().timeZone().getId()).isEqualTo("America/New_York");
        assertThat(fixture.expectedVerdict()).isEqualTo(Verdict.REJECT);
    }

    @Test
    void reportsWhichFixtureAndFieldMismatched() {
        List<RuleSetFixtures.Result> results = RuleSetFixtures.run(new SmallRuleSet(true), FIXTURES);
        assertThat(results).hasSize(3);
        assertThat(results.stream().filter(r -> !r.passed()).map(RuleSetFixtures.Result::describe))
                .containsExactly("restricted-buy.json (A buy in a restricted instrument is rejected): verdict expected"
                        + " REJECT, was ACCEPT; ruleId expected RESTRICTED_LIST, was null; reason expected to contain"
                        + " \"restricted\", was null");
        assertThatThrownBy(() -> RuleSetFixtures.assertAll(new SmallRuleSet(true), FIXTURES))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("1 of 3 fixtures");
    }

    @Test
    void badFilesNameFileLineFieldAndValue(@TempDir Path dir) throws Exception {
        assertBad(dir, "price.json", valid().replace("\"189.50\"", "\"189.505\""),
                "price.json:4:61: order.limitPrice = \"189.505\": more than 2 decimal places");
        assertBad(dir, "typo.json", valid().replace("\"limitPrice\"", "\"limitPrise\""),
                "typo.json:4:61: order.limitPrise is not a known member of order");
        assertBad(dir, "syntax.json", valid().replace("\"BUY\",", "\"BUY\""),
                "syntax.json:4:28: invalid JSON: unexpected '\"'; expected ',' or '}'");
        assertBad(dir, "missing.json", valid().replace("\"expect\": { \"verdict\": \"ACCEPT\" }",
                "\"expect\": { }"), "missing.json:5:13: expect.verdict is required but missing");
        assertBad(dir, "enum.json", valid().replace("\"BUY\"", "\"BYU\""),
                "enum.json:4:22: order.side = \"BYU\": expected one of [BUY, SELL, SELL_SHORT, SELL_SHORT_EXEMPT]");
        assertBad(dir, "grid.json", valid().replace("\"quantity\": \"10\"", "\"quantity\": \"0\""),
                "grid.json:4:41: order.quantity = \"0\": must be positive");
    }

    @Test
    void readsTheAccountsWorkingSellsDefaultingToNone(@TempDir Path dir) throws Exception {
        Path none = dir.resolve("none.json");
        Files.writeString(none, valid());
        assertThat(RuleSetFixtures.loadFile(none).context().accountWorkingSellQuantity()).isZero();

        Path some = dir.resolve("some.json");
        Files.writeString(some, valid().replace("\"expect\"", "\"market\": { \"workingSellQuantity\": \"60\" },\n"
                + "  \"expect\""));
        assertThat(RuleSetFixtures.loadFile(some).context().accountWorkingSellQuantity()).isEqualTo(60);

        assertBad(dir, "negative.json", valid().replace("\"expect\"", "\"market\": { \"workingSellQuantity\":"
                + " \"-1\" },\n  \"expect\""), "negative.json:5:38: market.workingSellQuantity = \"-1\": must not be"
                        + " negative");
    }

    @Test
    void anEmptyDirectoryIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> RuleSetFixtures.load(dir)).hasMessageContaining("has no *.json files");
    }

    private static String valid() {
        return "{\n"
                + "  \"instrument\": { \"id\": \"AAPL@XNAS\", \"kind\": \"EQUITY\", \"currency\": \"USD\",\n"
                + "                  \"jurisdiction\": \"US\", \"priceScale\": 2, \"tick\": \"0.01\" },\n"
                + "  \"order\": { \"side\": \"BUY\", \"quantity\": \"10\", \"limitPrice\": \"189.50\" },\n"
                + "  \"expect\": { \"verdict\": \"ACCEPT\" }\n"
                + "}\n";
    }

    private static void assertBad(Path dir, String name, String content, String message) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        assertThatThrownBy(() -> RuleSetFixtures.loadFile(file)).isInstanceOf(FixtureFormatException.class)
                .hasMessageStartingWith(message);
    }
}
