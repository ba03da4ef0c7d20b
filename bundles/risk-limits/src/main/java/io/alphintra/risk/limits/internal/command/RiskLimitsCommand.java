package io.alphintra.risk.limits.internal.command;

import io.alphintra.risk.limits.LimitSet;
import io.alphintra.risk.limits.RiskLimits;
import io.alphintra.shell.support.Inputs;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code alphintra:risk-limits}: the limits in force per scope, or the journal of their changes. */
@Service
@Command(scope = "alphintra", name = "risk-limits", description = "Lists the pre-trade risk limits in force per"
        + " scope, most specific first (--history: who changed what, when)",
        detailedDescription = "Change them with alphintra:risk-limits-set, remove a scope's with"
                + " alphintra:risk-limits-delete. Examples:\n"
                + "risk-limits\n"
                + "risk-limits --history --limit 20")
public class RiskLimitsCommand implements Action {
    @Reference
    RiskLimits limits;

    @Option(name = "--history", description = "The change journal instead: time, event, who, configuration,"
            + " scope, what")
    boolean history;

    @Option(name = "--limit", description = "With --history: the newest n changes (default 50)")
    String limit = "50";

    @Override
    public Object execute() throws Exception {
        if (history) {
            ShellTable table = new ShellTable();
            table.column("time (UTC)");
            table.column("event");
            table.column("who");
            table.column("configuration");
            table.column("scope");
            table.column("what").maxSize(100).wrap();
            for (String line : limits.history(Inputs.count("--limit", limit, 1, 100_000))) {
                String[] fields = line.split("\t", -1);
                if (fields.length == 7) {
                    table.addRow().addContent(fields[0], fields[1], fields[2], fields[3], fields[5], fields[6]);
                }
            }
            table.print(System.out);
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("scope");
        table.column("configuration");
        table.column("limits").maxSize(110).wrap();
        for (LimitSet scope : limits.inForce()) {
            table.addRow().addContent(scope.scope(), scope.source(), scope.description());
        }
        table.print(System.out);
        return null;
    }
}
