package io.alphintra.access.internal;

import java.security.Principal;
import java.util.HashSet;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/**
 * A password checked by a JAAS realm, by default Karaf's {@code karaf} realm: the users of {@code etc/users.properties},
 * the same logins as the shell (Karaf's SSH and JMX log in the same way: a {@link LoginContext} on the realm with a
 * name and password callback, then the subject's {@link RolePrincipal}s). Groups are already resolved by the realm:
 * a member of {@code tradergroup} has a {@code trader} role principal.
 */
final class JaasLogin implements PasswordCheck {
    static final String KARAF_REALM = "karaf";

    private final String realm;
    /** Null: the JVM's, which Karaf's JAAS bundle sets to the realms registered in OSGi. */
    private final Configuration configuration;

    JaasLogin(String realm, Configuration configuration) {
        this.realm = realm;
        this.configuration = configuration;
    }

    @Override
    public Set<String> roleNames(String user, char[] password) throws LoginException {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads the realm's login module class through the context class loader. Karaf's realms all
        // name its ProxyLoginModule (lib/boot, on the class path), which a bundle's loader or a Vert.x worker's need
        // not see; the loader of ProxyLoginModule itself does.
        ClassLoader loader = ProxyLoginModule.class.getClassLoader();
        thread.setContextClassLoader(loader != null ? loader : JaasLogin.class.getClassLoader());
        try {
            LoginContext context;
            try {
                context = new LoginContext(realm, subject, callbacks -> {
                    for (var callback : callbacks) {
                        if (callback instanceof NameCallback name) {
                            name.setName(user);
                        } else if (callback instanceof PasswordCallback secret) {
                            secret.setPassword(password);
                        } else {
                            throw new UnsupportedCallbackException(callback);
                        }
                    }
                }, configuration == null ? Configuration.getConfiguration() : configuration);
            } catch (LoginException | SecurityException e) {
                throw new IllegalStateException("the JAAS realm '" + realm + "' cannot be used: " + e.getMessage(), e);
            }
            context.login();
        } finally {
            thread.setContextClassLoader(previous);
        }
        Set<String> roles = new HashSet<>();
        for (Principal principal : subject.getPrincipals(RolePrincipal.class)) {
            roles.add(principal.getName());
        }
        return roles;
    }
}
