package io.alphintra.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.access.Caller;
import io.alphintra.access.IssuedApiKey;
import io.alphintra.access.Role;
import io.alphintra.access.Session;
import io.alphintra.config.support.ConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import javax.security.auth.login.FailedLoginException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessComponentTest {
    private static final Instant T0 = Instant.parse("2027-01-15T08:00:00Z");

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(T0);
    private final PasswordCheck realm = (user, password) -> {
        if (!new String(password).equals("secret")) {
            throw new FailedLoginException("no");
        }
        return Set.of("admin", "viewer");
    };

    private AccessComponent component(Map<String, ?> properties) {
        return new AccessComponent(ConfigReader.typed(AccessConfig.class, properties), properties, folder, realm,
                clock);
    }

    @Test
    void apiKeysAndSessionsBothAuthenticate() throws Exception {
        AccessComponent access = component(Map.of());
        IssuedApiKey key = access.create("svc", Set.of(Role.RISK), "", "admin");
        Session session = access.login("alice", "secret".toCharArray());

        assertThat(access.authenticate(key.key()).map(Caller::credential)).contains("api-key:" + key.info().id());
        assertThat(access.authenticateHeader("bearer " + session.token()).map(Caller::user)).contains("alice");
        assertThat(access.authenticateHeader("Basic " + session.token())).isEmpty();
        assertThat(access.authenticate(null)).isEmpty();
        assertThat(access.authenticate("ak_")).isEmpty();
        access.logout(session.token());
        assertThat(access.authenticate(session.token())).isEmpty();
    }

    @Test
    void sessionsAndKeysSurviveARestartOfTheComponent() throws Exception {
        AccessComponent first = component(Map.of());
        Session session = first.login("alice", "secret".toCharArray());
        IssuedApiKey key = first.create("svc", Set.of(Role.VIEWER), "", "admin");

        AccessComponent second = component(Map.of());
        assertThat(second.authenticate(session.token())).contains(session.caller());
        assertThat(second.authenticate(key.key())).isPresent();

        Path sessionKey = folder.resolve("session.key");
        assertThat(Files.size(sessionKey)).isEqualTo(32);
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sessionKey)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aDamagedSessionKeyIsSetAsideAndReplaced() throws IOException {
        Files.write(folder.resolve("session.key"), new byte[] {1, 2, 3});
        AccessComponent access = component(Map.of());
        assertThat(Files.size(folder.resolve("session.key"))).isEqualTo(32);
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("session.key.damaged-"));
        }
        assertThat(access.settings()).isEqualTo(AccessSettings.defaults());
    }

    @Test
    void aBadConfigurationKeepsTheLastGoodOne() {
        AccessComponent access = component(Map.of("sessionMinutes", "60", "maxFailedLogins", "2"));
        AccessSettings good = new AccessSettings(Duration.ofMinutes(60), 2, Duration.ofSeconds(60));
        assertThat(access.settings()).isEqualTo(good);

        Map<String, String> bad = Map.of("sessionMinutes", "0", "lockoutSeconds", "soon");
        assertThat(access.reconfigure(ConfigReader.typed(AccessConfig.class, bad), bad)).isFalse();
        assertThat(access.settings()).isEqualTo(good);

        Map<String, String> next = Map.of("sessionMinutes", "15", "maxFailedLogins", "10", "lockoutSeconds", "120");
        assertThat(access.reconfigure(ConfigReader.typed(AccessConfig.class, next), next)).isTrue();
        assertThat(access.settings()).isEqualTo(new AccessSettings(Duration.ofMinutes(15), 10,
                Duration.ofSeconds(120)));
    }

    @Test
    void aConfigurationThatCannotBeUsedAtStartGivesTheDefaults() {
        AccessComponent access = component(Map.of("maxFailedLogins", "-1"));
        assertThat(access.settings()).isEqualTo(new AccessSettings(Duration.ofMinutes(480), 5,
                Duration.ofSeconds(60)));
    }
}
