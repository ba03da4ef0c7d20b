package io.alphintra.alerts.internal.command;

import io.alphintra.alerts.Acknowledgement;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertService;
import io.alphintra.shell.support.Inputs;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code alphintra:alerts}: the alerts held, newest first; open ones unless {@code --all}. */
@Service
@Command(scope = "alphintra", name = "alerts", description = "Lists alerts, newest first: the open ones, or all with"
        + " --all",
        detailedDescription = "Times are UTC; Count is how often the alert was raised while open. Examples:\n"
                + "alerts\n"
                + "alerts --all --limit 20")
public class AlertsCommand implements Action {

    @Reference
    AlertService alerts;

    @Option(name = "--all", description = "Acknowledged alerts too")
    boolean all;

    @Option(name = "--limit", description = "How many alerts to show, a whole number from 1 to 1000000")
    String limit = "50";

    @Override
    public Object execute() throws Exception {
        int shown = (int) Inputs.number("--limit", limit, 1, 1_000_000);
        List<AlertRecord> records = alerts.list(all, shown);
        if (records.isEmpty()) {
            System.out.println(all ? "No alerts held." : "No open alerts (alerts --all shows acknowledged ones).");
            return null;
        }
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "Severity", "Last raised", "Source", "Key", "Count")) {
            table.column(column);
        }
        table.column("Message").maxSize(80).wrap();
        table.column("Ack").maxSize(40).wrap();
        for (AlertRecord record : records) {
            table.addRow().addContent(record.id(), record.alert().severity(), time(record.lastRaisedAtNanos()),
                    record.alert().source(), record.alert().key(), record.count(), message(record), ack(record));
        }
        table.print(System.out);
        return null;
    }

    private static String message(AlertRecord record) {
        String scope = record.alert().scope().isEmpty() ? "" : " [" + record.alert().scope() + "]";
        return record.alert().message().replace('\n', ' ').replace('\r', ' ') + scope;
    }

    private static String ack(AlertRecord record) {
        Acknowledgement ack = record.acknowledgement();
        if (ack == null) {
            return "";
        }
        return ack.user() + " " + time(ack.atNanos()) + (ack.note().isEmpty() ? "" : ": " + ack.note());
    }

    static String time(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
