package io.alphintra.access.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.access.ApiKeyInfo;
import io.alphintra.access.ApiKeys;
import io.alphintra.access.IssuedApiKey;
import io.alphintra.access.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

class CommandsTest {
    private static final Instant T0 = Instant.parse("2027-01-15T08:00:00Z");

    /** Records what the commands ask for; refuses users as the real service does. */
    private static final class Keys implements ApiKeys {
        final List<String> calls = new ArrayList<>();
        final List<ApiKeyInfo> held = new ArrayList<>();

        @Override
        public IssuedApiKey create(String user, Set<Role> roles, String label, String createdBy) {
            calls.add("create " + user + " " + roles + " " + label + " " + createdBy);
            if (user.contains(" ")) {
                throw new IllegalArgumentException("user = '" + user + "': not a user name");
            }
            ApiKeyInfo info = new ApiKeyInfo("abcdefghijkl", user, roles, label, T0, createdBy, null, null);
            return new IssuedApiKey("ak_abcdefghijkl_" + "s".repeat(43), info);
        }

        @Override
        public List<ApiKeyInfo> list() {
            return held;
        }

        @Override
        public boolean revoke(String id, String revokedBy) {
            calls.add("revoke " + id + " " + revokedBy);
            return id.equals("abcdefghijkl");
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

    private static String printed(Action command) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ApiKeyCreateCommand create(Keys keys, String user, List<String> roles) {
        ApiKeyCreateCommand create = new ApiKeyCreateCommand();
        create.keys = keys;
        create.session = session("admin");
        create.user = user;
        create.roles = roles;
        return create;
    }

    @Test
    void createPrintsTheKeyOnceWithAWarningAndRecordsTheShellUser() throws Exception {
        Keys keys = new Keys();
        ApiKeyCreateCommand create = create(keys, "alice", List.of("trader", "RISK"));
        create.label = "algo desk 4";
        String out = printed(create);

        assertThat(out).contains("API key abcdefghijkl for alice (roles risk, trader):",
                "ak_abcdefghijkl_" + "s".repeat(43), "shown only this once", "apikey-revoke abcdefghijkl");
        assertThat(keys.calls).containsExactly("create alice [TRADER, RISK] algo desk 4 admin");
    }

    @Test
    void createRefusesBadRolesAndReportsTheServicesRefusalAsOneLine() {
        Keys keys = new Keys();
        assertThatThrownBy(() -> printed(create(keys, "alice", List.of("trader", "superuser"))))
                .isInstanceOf(CommandException.class)
                .hasMessage("--role = 'superuser': not one of viewer, trader, risk, compliance, admin");
        assertThatThrownBy(() -> printed(create(keys, "alice", List.of())))
                .isInstanceOf(CommandException.class).hasMessageStartingWith("--role: at least one");
        assertThatThrownBy(() -> printed(create(keys, "al ice", List.of("viewer"))))
                .isInstanceOf(CommandException.class).hasMessage("user = 'al ice': not a user name");

        ApiKeyCreateCommand anonymous = create(keys, "alice", List.of("viewer"));
        anonymous.session = session(null);
        assertThatThrownBy(() -> printed(anonymous)).isInstanceOf(CommandException.class)
                .hasMessageContaining("no logged-in user");
        assertThat(keys.calls).containsExactly("create al ice [VIEWER]  admin");
    }

    @Test
    void listShowsEveryKeyWithItsStateAndNoSecret() throws Exception {
        Keys keys = new Keys();
        ApiKeyListCommand list = new ApiKeyListCommand();
        list.keys = keys;
        assertThat(printed(list)).contains("No API keys");

        keys.held.add(new ApiKeyInfo("abcdefghijkl", "alice", Set.of(Role.RISK, Role.TRADER), "desk 4", T0,
                "admin", null, null));
        keys.held.add(new ApiKeyInfo("mnopqrstuvwx", "svc", Set.of(Role.VIEWER), "", T0, "admin",
                T0.plusSeconds(90), "bob"));
        String out = printed(list);
        assertThat(out).contains("Id", "User", "Roles", "Label", "Created", "Created by", "State");
        assertThat(out.lines().filter(l -> l.contains("abcdefghijkl")).findFirst().orElseThrow())
                .contains("alice", "trader,risk", "desk 4", "2027-01-15T08:00:00Z", "admin", "live");
        assertThat(out.lines().filter(l -> l.contains("mnopqrstuvwx")).findFirst().orElseThrow())
                .contains("svc", "viewer", "revoked 2027-01-15T08:01:30Z by bob");
    }

    @Test
    void revokeAsTheShellUserOrSayWhyNot() throws Exception {
        Keys keys = new Keys();
        ApiKeyRevokeCommand revoke = new ApiKeyRevokeCommand();
        revoke.keys = keys;
        revoke.session = session("bob");
        revoke.id = "abcdefghijkl";
        assertThat(printed(revoke)).isEqualTo("API key abcdefghijkl revoked: calls made with it are refused from now"
                + " on." + System.lineSeparator());

        revoke.id = "zzzzzzzzzzzz";
        assertThatThrownBy(() -> printed(revoke)).isInstanceOf(CommandException.class)
                .hasMessage("id = 'zzzzzzzzzzzz': no live API key has this id (apikey-list shows them)");
        assertThat(keys.calls).containsExactly("revoke abcdefghijkl bob", "revoke zzzzzzzzzzzz bob");
    }
}
