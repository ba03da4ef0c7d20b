package io.alphintra.access;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Resolves credentials to callers: API keys ({@link ApiKeys}) and login sessions. Safe to call from any thread, an
 * event loop included: it never blocks on I/O in {@link #authenticate}.
 */
@ProviderType
public interface Authenticator {

    /**
     * The caller a bearer credential stands for: a live API key or an unexpired, not logged-out session token.
     *
     * @return empty for anything else (unknown, revoked, expired, malformed, tampered with)
     */
    Optional<Caller> authenticate(String bearer);

    /**
     * The caller an HTTP {@code Authorization} header stands for: {@code Bearer <credential>} (scheme in any case).
     *
     * @return empty for a missing header, another scheme, or a credential {@link #authenticate} refuses
     */
    default Optional<Caller> authenticateHeader(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.trim();
        if (value.length() <= 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return authenticate(value.substring(7).trim());
    }

    /**
     * Checks a user name and password against the node's users (Karaf's {@code karaf} JAAS realm, the same logins as
     * the shell) and opens a session with the user's roles. Blocking (JAAS may read files): call it off the event
     * loop.
     *
     * @throws LoginRefusedException when the name or password is wrong, or the user holds no role of the node
     */
    Session login(String user, char[] password) throws LoginRefusedException;

    /** Ends the session the token belongs to; does nothing for anything else. */
    void logout(String token);
}
