package io.alphintra.access.internal;

import io.alphintra.access.ApiKeyInfo;
import io.alphintra.access.ApiKeys;
import io.alphintra.access.Authenticator;
import io.alphintra.access.Caller;
import io.alphintra.access.IssuedApiKey;
import io.alphintra.access.LoginRefusedException;
import io.alphintra.access.Role;
import io.alphintra.access.Session;
import io.alphintra.config.support.InvalidConfigurationException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's {@link Authenticator} and {@link ApiKeys}: API keys kept hashed in {@code <karaf.data>/access/api-keys},
 * login sessions checked against Karaf's {@code karaf} realm and signed with {@code <karaf.data>/access/session.key}.
 *
 * <p>A configuration it cannot use at start is logged and the shipped defaults are used (callers must not be locked
 * out of the node because of a typo); a bad change at runtime is logged and the running configuration stays.
 */
@Component(service = {Authenticator.class, ApiKeys.class}, configurationPid = AccessConfig.PID, immediate = true)
@Designate(ocd = AccessConfig.class)
public final class AccessComponent implements Authenticator, ApiKeys {
    private static final Logger LOG = LoggerFactory.getLogger(AccessComponent.class);

    private final ApiKeyRegistry keys;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    private AccessSettings settings;

    @Activate
    public AccessComponent(AccessConfig config, Map<String, Object> properties) {
        this(config, properties, Path.of(System.getProperty("karaf.data", "data")).resolve("access"),
                new JaasLogin(JaasLogin.KARAF_REALM, null), Clock.systemUTC());
    }

    /** For tests: another folder, password check and clock. */
    AccessComponent(AccessConfig config, Map<String, ?> properties, Path folder, PasswordCheck passwords,
            Clock clock) {
        AccessSettings initial;
        try {
            initial = AccessSettings.from(config, properties);
        } catch (InvalidConfigurationException e) {
            LOG.error("{}. Starting with the shipped defaults instead until etc/{}.cfg is fixed.", e.getMessage(),
                    AccessConfig.PID);
            initial = AccessSettings.defaults();
        }
        settings = initial;
        SecureRandom random = new SecureRandom();
        keys = new ApiKeyRegistry(folder, random, clock);
        throttle = new LoginThrottle(initial.maxFailedLogins(), initial.lockout());
        sessions = new Sessions(new SessionTokens(SessionKey.loadOrCreate(folder.resolve("session.key"), random)),
                passwords, throttle, clock, random, initial.sessionLifetime());
    }

    @Modified
    void modified(AccessConfig config, Map<String, Object> properties) {
        reconfigure(config, properties);
    }

    /** Applies a new configuration, or keeps the running one when it is invalid; true when applied. */
    synchronized boolean reconfigure(AccessConfig config, Map<String, ?> properties) {
        AccessSettings next;
        try {
            next = AccessSettings.from(config, properties);
        } catch (InvalidConfigurationException e) {
            LOG.error("{}. Keeping the running configuration {}.", e.getMessage(), settings);
            return false;
        }
        throttle.reconfigure(next.maxFailedLogins(), next.lockout());
        sessions.lifetime(next.sessionLifetime());
        settings = next;
        LOG.info("Access configuration applied: {}", next);
        return true;
    }

    synchronized AccessSettings settings() {
        return settings;
    }

    @Override
    public Optional<Caller> authenticate(String bearer) {
        if (bearer == null) {
            return Optional.empty();
        }
        return bearer.startsWith(ApiKeyRegistry.PREFIX) ? keys.authenticate(bearer) : sessions.authenticate(bearer);
    }

    @Override
    public Session login(String user, char[] password) throws LoginRefusedException {
        return sessions.login(user, password);
    }

    @Override
    public void logout(String token) {
        sessions.logout(token);
    }

    @Override
    public IssuedApiKey create(String user, Set<Role> roles, String label, String createdBy) {
        return keys.create(user, roles, label, createdBy);
    }

    @Override
    public List<ApiKeyInfo> list() {
        return keys.list();
    }

    @Override
    public boolean revoke(String id, String revokedBy) {
        return keys.revoke(id, revokedBy);
    }
}
