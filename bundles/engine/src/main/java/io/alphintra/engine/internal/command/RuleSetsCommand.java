package io.alphintra.engine.internal.command;

import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.instrument.Jurisdiction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * {@code alphintra:rulesets}: the compliance rule sets the gate holds per jurisdiction, the bundle each comes from,
 * and which one decides. The list is the gate's own ({@link TradingEngine#ruleSets()}), not the service registry's:
 * which rule set decides follows from the order the gate got them in, which only the gate knows.
 */
@Service
@Command(scope = "alphintra", name = "rulesets", description = "Lists the compliance rule sets installed per"
        + " jurisdiction, the bundle providing each, and which one the gate uses",
        detailedDescription = "The rule set installed last for a jurisdiction decides; removing it hands the decision"
                + " back to the one before. Orders of a jurisdiction without a rule set are rejected (NO_RULE_SET)."
                + " Example:\n"
                + "rulesets")
public class RuleSetsCommand implements Action {

    @Reference
    TradingEngine engine;

    @Override
    public Object execute() {
        Map<Jurisdiction, List<RuleSet>> installed = engine.ruleSets();
        ShellTable table = new ShellTable();
        for (String column : List.of("Jurisdiction", "Rule set", "Version", "Bundle", "Bundle version", "Gate uses")) {
            table.column(column);
        }
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            List<RuleSet> ruleSets = installed.getOrDefault(jurisdiction, List.of());
            for (int i = 0; i < ruleSets.size(); i++) {
                RuleSet ruleSet = ruleSets.get(i);
                // The class's bundle is the one that provides the service: a rule set is its bundle's own class.
                Bundle bundle = FrameworkUtil.getBundle(ruleSet.getClass());
                table.addRow().addContent(jurisdiction, ruleSet.id(), ruleSet.version(),
                        bundle == null ? "-" : bundle.getSymbolicName(), bundle == null ? "-" : bundle.getVersion(),
                        i == ruleSets.size() - 1 ? "yes" : "no (a later one decides)");
            }
        }
        table.print(System.out);
        String without = Arrays.stream(Jurisdiction.values()).filter(j -> !installed.containsKey(j))
                .map(Jurisdiction::name).collect(Collectors.joining(", "));
        if (!without.isEmpty()) {
            System.out.println("No rule set for " + without + ": orders there are rejected (NO_RULE_SET)");
        }
        return null;
    }
}
