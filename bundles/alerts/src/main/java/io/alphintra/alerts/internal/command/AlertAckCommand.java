package io.alphintra.alerts.internal.command;

import io.alphintra.alerts.Acknowledgement;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertService;
import io.alphintra.shell.support.Inputs;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code alphintra:alert-ack}: the logged-in user takes an alert on. */
@Service
@Command(scope = "alphintra", name = "alert-ack", description = "Acknowledges an alert as the logged-in user: it"
        + " leaves the open alerts, and the next raise of its key is a new alert",
        detailedDescription = "Options go before the id. Examples:\n"
                + "alert-ack 12\n"
                + "alert-ack --note \"venue confirmed, positions reconciled\" 12")
public class AlertAckCommand implements Action {
    private static final int MAX_NOTE = 1000;

    @Reference
    AlertService alerts;

    @Reference
    Session session;

    @Argument(index = 0, name = "id", required = true, description = "The alert's id (alphintra:alerts shows it)")
    String id;

    @Option(name = "--note", description = "What you did or found, up to 1000 characters")
    String note = "";

    @Override
    public Object execute() throws Exception {
        long alertId = Inputs.number("id", id, 1, Long.MAX_VALUE);
        if (note != null && note.length() > MAX_NOTE) {
            throw Inputs.invalid("--note = " + Inputs.quote(note) + ": longer than " + MAX_NOTE + " characters");
        }
        Optional<AlertRecord> acknowledged = alerts.acknowledge(alertId, Inputs.user(session, "to acknowledge as"),
                note);
        AlertRecord record = acknowledged.orElseThrow(() -> Inputs.invalid("id = " + Inputs.quote(id)
                + ": no alert held has this id (alphintra:alerts --all lists them)"));
        Acknowledgement ack = record.acknowledgement();
        System.out.println("Alert " + record.id() + " (" + record.alert().key() + ") acknowledged by " + ack.user()
                + " at " + AlertsCommand.time(ack.atNanos()) + (ack.note().isEmpty() ? "" : ": " + ack.note()));
        return null;
    }
}
