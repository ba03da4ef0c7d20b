package io.alphintra.access.internal;

import java.util.Set;
import javax.security.auth.login.LoginException;

/** Checks a user's password against the node's users, and names the user's roles (any realm's, Karaf's among them). */
@FunctionalInterface
interface PasswordCheck {
    /**
     * @return the names of the roles the realm gives the user
     * @throws LoginException when the realm refuses the name and password
     * @throws IllegalStateException when the realm cannot be asked at all (not configured, not started)
     */
    Set<String> roleNames(String user, char[] password) throws LoginException;
}
