package io.alphintra.engine.internal.command;

import io.alphintra.engine.KillSwitchState;
import io.alphintra.engine.TradingEngine;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code alphintra:kills}: the kill switches engaged. */
@Service
@Command(scope = "alphintra", name = "kills", description = "Lists the kill switches engaged: scope, mode (halt or"
        + " reduce-only), who, when, why")
public class KillsCommand implements Action {

    @Reference
    TradingEngine engine;

    @Override
    public Object execute() throws Exception {
        List<KillSwitchState> engaged = engine.killSwitches().toCompletableFuture().get(10, TimeUnit.SECONDS);
        if (engaged.isEmpty()) {
            System.out.println("No kill switch is engaged");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Scope");
        table.column("Mode");
        table.column("Engaged by");
        table.column("At");
        table.column("Reason");
        for (KillSwitchState state : engaged) {
            table.addRow().addContent(state.scope().toString(),
                    state.mode() == KillSwitchState.Mode.HALT ? "halt" : "reduce-only", state.engagedBy(),
                    Instant.ofEpochSecond(0, state.engagedAtNanos()).toString(), state.reason());
        }
        table.print(System.out);
        return null;
    }
}
