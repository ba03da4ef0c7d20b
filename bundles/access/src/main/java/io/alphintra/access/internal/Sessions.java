package io.alphintra.access.internal;

import io.alphintra.access.Caller;
import io.alphintra.access.LoginRefusedException;
import io.alphintra.access.Role;
import io.alphintra.access.Session;
import io.alphintra.shell.support.Inputs;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.login.LoginException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login sessions: a password checked by the realm, failed logins throttled per user name, a signed token issued with
 * the user's roles of the node, and tokens ended by a logout refused until they expire.
 *
 * <p>Logouts are held in memory: a restart of the bundle forgets them, and a token logged out before it is accepted
 * again until it expires. The roles are those of the login: a change of the user's groups applies to the next login.
 */
final class Sessions {
    static final String REFUSED = "login refused: wrong user name or password, or no role on this node";
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    private static final int SESSION_ID_BYTES = 16;

    private final SessionTokens tokens;
    private final PasswordCheck passwords;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final SecureRandom random;
    /** Session ids logged out, with when their token expires anyway: refused until then, then forgotten. */
    private final ConcurrentHashMap<String, Instant> ended = new ConcurrentHashMap<>();
    private volatile Duration lifetime;

    Sessions(SessionTokens tokens, PasswordCheck passwords, LoginThrottle throttle, Clock clock, SecureRandom random,
            Duration lifetime) {
        this.tokens = tokens;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
        this.random = random;
        this.lifetime = lifetime;
    }

    /** For sessions opened from now on. */
    void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    Session login(String user, char[] password) throws LoginRefusedException {
        if (user == null || !ApiKeyFile.USER.matcher(user).matches()) {
            LOG.warn("Login refused: {} is not a user name this node accepts", Inputs.quote(user));
            throw new LoginRefusedException(REFUSED);
        }
        Instant now = clock.instant();
        Duration locked = throttle.lockedFor(user, now);
        if (!locked.isZero()) {
            long seconds = Math.max(1, locked.toSeconds() + (locked.toNanosPart() > 0 ? 1 : 0));
            LOG.warn("Login of {} refused without checking the password: locked out for {} s more after {} failed"
                    + " logins", user, seconds, throttle.maxFailures());
            throw new LoginRefusedException("login refused: too many failed logins for this user name; try again in "
                    + seconds + " s");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String failure = null;
        try {
            for (String name : passwords.roleNames(user, password == null ? new char[0] : password)) {
                Role.of(name).ifPresent(roles::add);
            }
            if (roles.isEmpty()) {
                failure = "the password was right but the user has none of the roles viewer, trader, risk,"
                        + " compliance, admin";
            }
        } catch (LoginException e) {
            failure = "the realm refused it (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + Inputs.quote(e.getMessage())) + ")";
        }
        if (failure != null) {
            int count = throttle.failed(user, now);
            boolean lockedNow = count >= throttle.maxFailures();
            LOG.warn("Login of {} refused: {}; failure {} of {} within {} s{}", user, failure, count,
                    throttle.maxFailures(), throttle.lockout().toSeconds(),
                    lockedNow ? "; the name is locked out for " + throttle.lockout().toSeconds() + " s" : "");
            throw new LoginRefusedException(REFUSED);
        }
        throttle.succeeded(user);
        Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
        Instant expires = issued.plus(lifetime);
        byte[] id = new byte[SESSION_ID_BYTES];
        random.nextBytes(id);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        String token = tokens.issue(new SessionTokens.Claims(user, roles, sessionId, issued, expires));
        LOG.info("Login of {} with roles {}: session {} until {}", user, ApiKeyFile.roles(roles), sessionId,
                expires);
        return new Session(token, caller(user, roles, sessionId), expires);
    }

    /** The caller of a valid, unexpired session token that was not logged out. No I/O, no lock. */
    Optional<Caller> authenticate(String token) {
        return tokens.verify(token, clock.instant())
                .filter(claims -> !ended.containsKey(claims.sessionId()))
                .map(claims -> caller(claims.user(), claims.roles(), claims.sessionId()));
    }

    void logout(String token) {
        Instant now = clock.instant();
        Optional<SessionTokens.Claims> claims = tokens.verify(token, now);
        if (claims.isEmpty()) {
            return;
        }
        ended.values().removeIf(expires -> !now.isBefore(expires));
        if (ended.putIfAbsent(claims.get().sessionId(), claims.get().expires()) == null) {
            LOG.info("Logout of {}: session {} ended", claims.get().user(), claims.get().sessionId());
        }
    }

    /** Sessions logged out and not yet expired, for tests. */
    int endedHeld() {
        return ended.size();
    }

    private static Caller caller(String user, Set<Role> roles, String sessionId) {
        return new Caller(user, roles, "session:" + sessionId);
    }
}
