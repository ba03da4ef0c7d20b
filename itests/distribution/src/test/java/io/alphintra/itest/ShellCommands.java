package io.alphintra.itest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/**
 * Shell commands run inside the node as a user with a role, so the command ACLs apply as they do for people logged in
 * over SSH; what the command prints is returned, what it throws is thrown.
 */
final class ShellCommands {
    private ShellCommands() {
    }

    /** Runs {@code command} as {@code user} in {@code role} and returns what it printed. */
    static String run(SessionFactory sessions, String user, String role, String command) throws Exception {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(new RolePrincipal(role));
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<String>) () -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
                    Session session = sessions.create(System.in, out, out);
                    try {
                        session.execute(command);
                    } finally {
                        session.close();
                    }
                }
                return bytes.toString(StandardCharsets.UTF_8);
            });
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }
}
