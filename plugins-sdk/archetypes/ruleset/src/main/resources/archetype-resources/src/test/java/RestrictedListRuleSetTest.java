package ${package};

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.testkit.compliance.RuleSetFixtures;

/** One test per fixture file in src/test/resources/fixtures: order, context and the expected decision. */
class RestrictedListRuleSetTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        RestrictedListRuleSet rules = new RestrictedListRuleSet("restricted-list", "1.0.0", Jurisdiction.US,
                Set.of(InstrumentId.parse("GME@XNYS")));
        return RuleSetFixtures.dynamicTests(rules, Path.of("src/test/resources/fixtures"));
    }
}
