package io.alphintra.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;

/**
 * The JAAS plumbing against a realm like Karaf's (principals of Karaf's classes); the real {@code karaf} realm is
 * exercised on the distribution.
 */
class JaasLoginTest {

    /** Accepts alice / secret, a member of tradergroup, as Karaf's properties module reports her. */
    public static final class OneUserModule implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private String user;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
                Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            if (!"alice".equals(name.getName()) || !"secret".equals(new String(password.getPassword()))) {
                throw new FailedLoginException("Password for user " + name.getName() + " does not match");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new UserPrincipal(user));
            subject.getPrincipals().add(new GroupPrincipal("tradergroup"));
            subject.getPrincipals().add(new RolePrincipal("trader"));
            subject.getPrincipals().add(new RolePrincipal("viewer"));
            subject.getPrincipals().add(new RolePrincipal("ssh"));
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            return true;
        }
    }

    private static final Configuration REALMS = new Configuration() {
        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return !name.equals("karaf") ? null : new AppConfigurationEntry[] {new AppConfigurationEntry(
                    OneUserModule.class.getName(), LoginModuleControlFlag.REQUIRED, Map.of())};
        }
    };

    @Test
    void theRolePrincipalsOfTheSubjectAreTheRoles() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        assertThat(new JaasLogin("karaf", REALMS).roleNames("alice", "secret".toCharArray()))
                .containsExactlyInAnyOrder("trader", "viewer", "ssh");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void aWrongPasswordIsTheRealmsRefusal() {
        assertThatThrownBy(() -> new JaasLogin("karaf", REALMS).roleNames("alice", "nope".toCharArray()))
                .isInstanceOf(LoginException.class);
    }

    @Test
    void aRealmThatDoesNotExistIsNotARefusal() {
        assertThatThrownBy(() -> new JaasLogin("elsewhere", REALMS).roleNames("alice", "secret".toCharArray()))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("the JAAS realm 'elsewhere' cannot");
    }
}
