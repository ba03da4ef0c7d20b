package io.alphintra.console.internal.command;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.Terminal;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.Col;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code alphintra:help}, which the shell's {@code help} runs (etc/scripts/alphintra.script): Karaf 4.4's own help
 * prints nothing in three cases an Alphintra operator meets at once.
 * <ul>
 * <li>Its {@code help} alias pipes into the pager {@code more}, which prints nothing without a terminal: through
 * {@code bin/client -b} or {@code ./alphintra client}, every {@code help} was empty.</li>
 * <li>{@code help <scope:command>} runs {@code <command> --help} in a child session, which a session without a
 * terminal cannot make (Karaf 4.4.10's {@code HeadlessSessionImpl} fails with a ClassCastException), so only a bare
 * "COMMANDS" heading came out.</li>
 * <li>{@code help <scope>} describes a scope only when one bundle provides all its commands; the alphintra scope
 * comes from two (console and engine), so Karaf ran the scope's sub-shell command instead, which printed nothing.</li>
 * </ul>
 * So this lists a scope's commands itself, runs {@code <command> --help} in the caller's own session, and pages only
 * where there is a terminal; everything else still goes to Karaf's help.
 */
@Service
@Command(scope = "alphintra", name = "help", description = "Lists the commands of a scope or shows a command's usage,"
        + " also without a terminal (the shell's help command runs it)",
        detailedDescription = "Examples:\n"
                + "help alphintra\n"
                + "help alphintra:order-submit\n"
                + "alphintra:order-submit --help\n"
                + "help")
public class HelpCommand implements Action {
    /** A scope, a command or scope:command; anything else would be read as shell syntax when run. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_.*-]+(:[A-Za-z0-9_.-]+)?");

    @Reference
    Session session;

    @Argument(index = 0, name = "topic", description = "A scope such as alphintra, or a command such as"
            + " alphintra:orders; without one, every command")
    String topic;

    @Override
    public Object execute() throws Exception {
        Terminal terminal = session.getTerminal();
        // Karaf's alias pages through "more"; without a terminal the pager prints nothing, so output goes straight.
        String pager = terminal != null ? " | more" : "";
        if (topic == null) {
            session.execute("*:help" + pager);
            return null;
        }
        if (!TOPIC.matcher(topic).matches()) {
            throw new CommandException("topic = '" + topic.replaceAll("\\p{Cntrl}", "?") + "': not a scope or"
                    + " command name, e.g. alphintra or alphintra:orders");
        }
        List<org.apache.karaf.shell.api.console.Command> commands = session.getRegistry().getCommands();
        if (topic.indexOf(':') > 0) {
            session.execute(topic + " --help" + pager);
            return null;
        }
        if (commands.stream().anyMatch(c -> topic.equals(c.getScope()))) {
            System.out.println("SUBSHELL");
            System.out.println("        " + topic);
            System.out.println();
            printCommands(commands, c -> topic.equals(c.getScope()), terminal, System.out);
            return null;
        }
        // A bare command name: its usage when one scope has it, the candidates when several do.
        Predicate<org.apache.karaf.shell.api.console.Command> named = c -> topic.equals(c.getName())
                && !"*".equals(c.getScope());
        List<String> scoped = commands.stream().filter(named).map(c -> c.getScope() + ":" + c.getName()).distinct()
                .toList();
        if (scoped.size() == 1) {
            session.execute(scoped.get(0) + " --help" + pager);
        } else if (scoped.size() > 1) {
            printCommands(commands, named, terminal, System.out);
        } else {
            session.execute("*:help " + topic + pager);
        }
        return null;
    }

    /** The commands {@code selected} picks, with their descriptions, as Karaf lists a scope's. */
    static void printCommands(List<org.apache.karaf.shell.api.console.Command> commands,
                              Predicate<org.apache.karaf.shell.api.console.Command> selected, Terminal terminal,
                              PrintStream out) {
        Map<String, String> descriptions = new TreeMap<>();
        for (org.apache.karaf.shell.api.console.Command command : commands) {
            if (selected.test(command)) {
                String description = command.getDescription();
                descriptions.put(command.getScope() + ":" + command.getName(), description == null ? "" : description);
            }
        }
        out.println("COMMANDS");
        ShellTable table = new ShellTable().noHeaders();
        if (terminal != null) {
            table.size(terminal.getWidth() - 1);
        }
        table.column(new Col("Command").bold());
        table.column(new Col("Description").wrap());
        descriptions.forEach((name, description) -> table.addRow().addContent(name, description));
        table.print(out, true);
    }
}
