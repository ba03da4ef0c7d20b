package io.alphintra.engine.internal.command;

import io.alphintra.shell.support.Inputs;
import io.alphintra.engine.internal.strategy.StrategyHost;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code alphintra:strategies [list|start|stop] [instance]}: the configured strategy instances — state, since when
 * (UTC) and why a stopped or quarantined one stopped — and starting or stopping one. Instances are configured with {@code config:edit --factory io.alphintra.strategy} or a
 * {@code etc/io.alphintra.strategy-<name>.cfg} file.
 */
@Service
@Command(scope = "alphintra", name = "strategies", description = "Lists strategy instances, or starts or stops one",
        detailedDescription = "Examples:\n"
                + "strategies\n"
                + "strategies stop momentum-1\n"
                + "strategies start momentum-1")
public class StrategiesCommand implements Action {

    @Reference
    StrategyHost host;

    @Argument(index = 0, name = "action", description = "list (the default), start or stop")
    String action = "list";

    @Argument(index = 1, name = "instance", description = "The instance id, for start and stop (the list shows them)")
    String instance;

    @Override
    public Object execute() throws Exception {
        switch (Inputs.word("action", action, List.of("list", "start", "stop"))) {
            case "list" -> {
                ShellTable table = new ShellTable();
                for (String column : List.of("Instance", "Type", "State", "Since", "Instruments", "Account",
                        "Trader", "Orders", "Reason")) {
                    table.column(column);
                }
                host.instances().forEach(view -> table.addRow().addContent(view.id(), view.type(), view.state(),
                        view.since() == null ? "" : view.since().truncatedTo(ChronoUnit.SECONDS).toString(),
                        String.join(",", view.instruments()), view.accountId(), view.traderId(), view.ordersSent(),
                        view.reason() == null ? "" : view.reason()));
                table.print(System.out);
            }
            case "start" -> System.out.println(startOrStop(true));
            default -> System.out.println(startOrStop(false));
        }
        return null;
    }

    private String startOrStop(boolean start) throws CommandException {
        if (instance == null) {
            throw Inputs.invalid("instance: required for " + (start ? "start" : "stop") + " (alphintra:strategies lists"
                    + " the instances)");
        }
        try {
            return start ? host.start(instance) : host.stop(instance);
        } catch (IllegalArgumentException e) {
            // The host's answer to an instance it does not have: "no strategy instance 'x' is configured".
            throw Inputs.invalid("instance = " + Inputs.quote(instance) + ": " + e.getMessage());
        }
    }
}
