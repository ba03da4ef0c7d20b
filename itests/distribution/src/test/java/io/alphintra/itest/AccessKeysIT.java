package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.alphintra.access.Authenticator;
import io.alphintra.access.Caller;
import io.alphintra.access.LoginRefusedException;
import io.alphintra.access.Role;
import io.alphintra.access.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * API keys and logins on the real distribution: an admin creates a key in the shell (the command ACLs applying as for
 * an SSH login), the key authenticates with its roles until the admin revokes it, nobody else may run the commands,
 * and a login checked against Karaf's real {@code karaf} realm (users of {@code etc/users.properties}) gives a session
 * with the user's roles of the node.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AccessKeysIT {
    private static final Pattern KEY = Pattern.compile("ak_([a-z2-7]{12})_[A-Za-z0-9_-]{43}");
    private static final Pattern DENIED = Pattern.compile("Command not found|Insufficient credentials|not found");

    @Inject
    private Authenticator authenticator;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(KarafNode.options(),
                // Roles given directly (Karaf's properties realm reads the words after the password as roles).
                editConfigurationFilePut("etc/users.properties", "keys-trader", "keys-trader-pw,trader,viewer,ssh"),
                editConfigurationFilePut("etc/users.properties", "keys-karaf-only", "keys-karaf-only-pw,ssh"));
    }

    @Test
    public void aKeyAnAdminCreatesAuthenticatesWithItsRolesUntilRevoked() throws Exception {
        String created = ShellCommands.run(sessionFactory, "keys-admin", "admin",
                "alphintra:apikey-create --user svc.itest --role trader --role risk --label \"access keys IT\"");
        Matcher matcher = KEY.matcher(created);
        assertTrue(created, matcher.find() && created.contains("shown only this once"));
        String key = matcher.group();
        String id = matcher.group(1);

        Caller caller = authenticator.authenticateHeader("Bearer " + key)
                .orElseThrow(() -> new AssertionError("the new key is refused"));
        assertEquals("svc.itest", caller.user());
        assertEquals(Set.of(Role.TRADER, Role.RISK, Role.VIEWER), caller.roles());
        assertEquals("api-key:" + id, caller.credential());

        String listed = ShellCommands.run(sessionFactory, "keys-admin", "admin", "alphintra:apikey-list");
        String row = listed.lines().filter(line -> line.contains(id)).findFirst()
                .orElseThrow(() -> new AssertionError("apikey-list does not show " + id + ":\n" + listed));
        assertTrue(row, row.contains("svc.itest") && row.contains("trader,risk") && row.contains("keys-admin")
                && row.contains("live"));
        assertFalse("the secret is listed", listed.contains(key.substring(16)));

        for (String role : new String[] {"viewer", "trader", "risk", "compliance"}) {
            assertDenied(role, "alphintra:apikey-list");
            assertDenied(role, "alphintra:apikey-revoke " + id);
            assertDenied(role, "alphintra:apikey-create --user " + role + " --role admin");
        }
        assertTrue("a key still works after the refused revocations", authenticator.authenticate(key).isPresent());

        String revoked = ShellCommands.run(sessionFactory, "keys-admin", "admin", "alphintra:apikey-revoke " + id);
        assertTrue(revoked, revoked.contains("revoked"));
        assertTrue("a revoked key is refused", authenticator.authenticate(key).isEmpty());
        String after = ShellCommands.run(sessionFactory, "keys-admin", "admin", "alphintra:apikey-list");
        assertTrue(after, after.lines().anyMatch(line -> line.contains(id) && line.contains("revoked")
                && line.contains("by keys-admin")));

        Path folder = Path.of(System.getProperty("karaf.data"), "access");
        String file = Files.readString(folder.resolve("api-keys"));
        assertTrue(file, file.contains(id) && !file.contains(key.substring(16)));
        for (String name : new String[] {"api-keys", "changes.log", "session.key"}) {
            assertEquals(name, "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(name))));
        }
        String changes = Files.readString(folder.resolve("changes.log"));
        assertTrue(changes, changes.contains("keys-admin\tcreate\tid=" + id)
                && changes.contains("keys-admin\trevoke\tid=" + id));
    }

    @Test
    public void aLoginIsCheckedByTheKarafRealmAndGivesTheUsersRoles() throws Exception {
        Session session = authenticator.login("keys-trader", "keys-trader-pw".toCharArray());
        assertEquals("keys-trader", session.caller().user());
        assertEquals(Set.of(Role.TRADER, Role.VIEWER), session.caller().roles());
        assertEquals(session.caller(), authenticator.authenticateHeader("Bearer " + session.token()).orElseThrow());

        authenticator.logout(session.token());
        assertTrue("a logged-out session is refused", authenticator.authenticate(session.token()).isEmpty());

        assertRefused("keys-trader", "not-keys-trader-pw");
        assertRefused("nobody-here", "keys-trader-pw");
        assertRefused("keys-karaf-only", "keys-karaf-only-pw");
    }

    private void assertRefused(String user, String password) {
        try {
            authenticator.login(user, password.toCharArray());
            fail("the login of " + user + " was accepted");
        } catch (LoginRefusedException expected) {
            assertFalse(expected.getMessage(), expected.getMessage().contains(password));
        }
    }

    private void assertDenied(String role, String command) {
        String outcome;
        try {
            outcome = ShellCommands.run(sessionFactory, "keys-" + role, role, command);
        } catch (Exception e) {
            outcome = e.toString();
        }
        assertTrue(role + " may run " + command + ": " + outcome, DENIED.matcher(outcome).find());
    }
}
