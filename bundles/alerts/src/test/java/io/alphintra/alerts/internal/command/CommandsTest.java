package io.alphintra.alerts.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.alerts.Acknowledgement;
import io.alphintra.alerts.Alert;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertScope;
import io.alphintra.alerts.AlertService;
import io.alphintra.alerts.Severity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

class CommandsTest {
    private static final long T0 = 1_800_000_000_000_000_000L;

    /** An alert service holding two alerts, the older acknowledged; records the acknowledgements asked for. */
    private static final class Held implements AlertService {
        final List<String> acknowledgements = new ArrayList<>();
        final List<String> listed = new ArrayList<>();
        final AlertRecord open = new AlertRecord(2, new Alert("risk.limit.ACC-1.credit", Severity.CRITICAL,
                "risk:credit", "credit limit breached", AlertScope.ofAccount("ACC-1"), T0 + 5_000_000_000L), 4, T0,
                T0 + 5_000_000_000L, null);
        final AlertRecord done = new AlertRecord(1, new Alert("engine.halt", Severity.CRITICAL, "engine",
                "the engine halted", AlertScope.NONE, T0), 1, T0, T0, new Acknowledgement("bob", T0 + 60_000_000_000L,
                "disk freed"));

        @Override
        public void raise(Alert alert) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AlertRecord> list(boolean includeAcknowledged, int limit) {
            listed.add(includeAcknowledged + "/" + limit);
            return includeAcknowledged ? List.of(open, done) : List.of(open);
        }

        @Override
        public Optional<AlertRecord> acknowledge(long id, String user, String note) {
            acknowledgements.add(id + " " + user + " " + note);
            return id == 2 ? Optional.of(new AlertRecord(2, open.alert(), 4, T0, T0,
                    new Acknowledgement(user, T0 + 90_000_000_000L, note))) : Optional.empty();
        }
    }

    private static Session session(String user) {
        return (Session) Proxy.newProxyInstance(CommandsTest.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("get") && "USER".equals(args[0])) {
                        return user;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String printed(Object command) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            ((org.apache.karaf.shell.api.action.Action) command).execute();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void alertsListsTheOpenOnesOrAllWithTheirAcknowledgement() throws Exception {
        Held held = new Held();
        AlertsCommand list = new AlertsCommand();
        list.alerts = held;
        String open = printed(list);
        assertThat(open).contains("risk.limit.ACC-1.credit", "CRITICAL", "2027-01-15T08:00:05Z", "risk:credit",
                "credit limit breached [account=ACC-1]").doesNotContain("engine.halt");

        list.all = true;
        list.limit = "7";
        String all = printed(list);
        assertThat(all).contains("engine.halt", "bob 2027-01-15T08:01:00Z: disk freed");
        assertThat(held.listed).containsExactly("false/50", "true/7");

        list.limit = "0";
        assertThatThrownBy(() -> printed(list)).isInstanceOf(CommandException.class)
                .hasMessage("--limit = '0': not a whole number from 1 to 1000000");
    }

    @Test
    void alertAckAcknowledgesAsTheLoggedInUser() throws Exception {
        Held held = new Held();
        AlertAckCommand ack = new AlertAckCommand();
        ack.alerts = held;
        ack.session = session("alice");
        ack.id = "2";
        ack.note = "limit raised by risk";
        assertThat(printed(ack)).isEqualTo("Alert 2 (risk.limit.ACC-1.credit) acknowledged by alice at"
                + " 2027-01-15T08:01:30Z: limit raised by risk" + System.lineSeparator());
        assertThat(held.acknowledgements).containsExactly("2 alice limit raised by risk");

        ack.id = "9";
        assertThatThrownBy(() -> printed(ack)).isInstanceOf(CommandException.class)
                .hasMessageContaining("id = '9': no alert held has this id");
        ack.id = "twelve";
        assertThatThrownBy(() -> printed(ack)).isInstanceOf(CommandException.class)
                .hasMessageContaining("id = 'twelve': not a whole number");
    }
}
