package io.alphintra.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.access.ApiKeyInfo;
import io.alphintra.access.Caller;
import io.alphintra.access.IssuedApiKey;
import io.alphintra.access.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyRegistryTest {
    private static final Instant T0 = Instant.parse("2027-01-15T08:00:00Z");

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(T0);

    private ApiKeyRegistry registry() {
        return new ApiKeyRegistry(folder, new SecureRandom(), clock);
    }

    @Test
    void aCreatedKeyAuthenticatesAsItsUserWithItsRolesUntilRevoked() {
        ApiKeyRegistry keys = registry();
        IssuedApiKey issued = keys.create("alice", Set.of(Role.TRADER), "algo desk 4", "admin");

        assertThat(issued.key()).matches("ak_[a-z2-7]{12}_[A-Za-z0-9_-]{43}");
        assertThat(issued.key()).startsWith("ak_" + issued.info().id() + "_");
        assertThat(issued.info()).isEqualTo(new ApiKeyInfo(issued.info().id(), "alice", Set.of(Role.TRADER),
                "algo desk 4", T0, "admin", null, null));
        Caller caller = keys.authenticate(issued.key()).orElseThrow();
        assertThat(caller.user()).isEqualTo("alice");
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.TRADER, Role.VIEWER);
        assertThat(caller.credential()).isEqualTo("api-key:" + issued.info().id());

        clock.advance(Duration.ofMinutes(5));
        assertThat(keys.revoke(issued.info().id(), "bob")).isTrue();
        assertThat(keys.authenticate(issued.key())).isEmpty();
        assertThat(keys.revoke(issued.info().id(), "bob")).as("already revoked").isFalse();
        assertThat(keys.revoke("aaaaaaaaaaaa", "bob")).as("unknown").isFalse();
        ApiKeyInfo revoked = keys.list().get(0);
        assertThat(revoked.live()).isFalse();
        assertThat(revoked.revoked()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(revoked.revokedBy()).isEqualTo("bob");
    }

    @Test
    void aWrongSecretOrAMalformedKeyIsRefused() {
        ApiKeyRegistry keys = registry();
        String key = keys.create("alice", Set.of(Role.VIEWER), "", "admin").key();
        String id = key.substring(3, 15);
        String secret = key.substring(16);
        char first = secret.charAt(0);
        String otherSecret = (first == 'A' ? 'B' : 'A') + secret.substring(1);

        assertThat(keys.authenticate("ak_" + id + "_" + otherSecret)).isEmpty();
        assertThat(keys.authenticate(key.substring(0, key.length() - 1))).isEmpty();
        assertThat(keys.authenticate(key + "A")).isEmpty();
        assertThat(keys.authenticate("ak_aaaaaaaaaaaa_" + secret)).as("another id, this secret").isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate(key)).isPresent();
    }

    @Test
    void keysSurviveANewInstanceAndOnlyTheHashIsOnDisk() throws IOException {
        ApiKeyRegistry first = registry();
        IssuedApiKey live = first.create("alice", Set.of(Role.TRADER, Role.RISK), "desk 4 \\ night \\t", "admin");
        IssuedApiKey gone = first.create("svc.monitor@desk-4", Set.of(Role.VIEWER), "", "odd\tname");
        first.revoke(gone.info().id(), "admin");

        ApiKeyRegistry second = registry();
        assertThat(second.list()).isEqualTo(first.list());
        assertThat(second.authenticate(live.key()).orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.TRADER, Role.RISK, Role.VIEWER);
        assertThat(second.authenticate(gone.key())).isEmpty();

        String onDisk = Files.readString(folder.resolve("api-keys")) + Files.readString(folder.resolve("changes.log"));
        assertThat(onDisk).doesNotContain(live.key().substring(16), gone.key().substring(16));
        assertThat(Files.readString(folder.resolve("api-keys"))).startsWith(ApiKeyFile.HEADER + "\n");
        assertThat(Files.exists(folder.resolve("api-keys.tmp"))).isFalse();
    }

    @Test
    void createAndRevokeAreRecordedInTheChangeLogWithWhoAndWhen() throws IOException {
        ApiKeyRegistry keys = registry();
        IssuedApiKey issued = keys.create("alice", Set.of(Role.RISK, Role.TRADER), "desk", "admin");
        clock.advance(Duration.ofSeconds(90));
        keys.revoke(issued.info().id(), "carol");

        List<String> lines = Files.readAllLines(folder.resolve("changes.log"));
        String id = issued.info().id();
        assertThat(lines).containsExactly(
                "2027-01-15T08:00:00Z\tadmin\tcreate\tid=" + id + " user=alice roles=trader,risk label=desk",
                "2027-01-15T08:01:30Z\tcarol\trevoke\tid=" + id + " user=alice");
    }

    @Test
    void theFilesAreOwnerOnly() throws IOException {
        registry().create("alice", Set.of(Role.VIEWER), "", "admin");
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        for (String name : List.of("api-keys", "changes.log")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(name))))
                    .as(name).isEqualTo("rw-------");
        }
    }

    @Test
    void aDamagedOrTamperedLineIsSkippedAndKeptBeforeTheNextRewrite() throws IOException {
        ApiKeyRegistry first = registry();
        IssuedApiKey kept = first.create("alice", Set.of(Role.VIEWER), "", "admin");
        IssuedApiKey tampered = first.create("mallory", Set.of(Role.VIEWER), "", "admin");
        Path file = folder.resolve("api-keys");
        String original = Files.readString(file);
        // Raising a key's roles by hand breaks its line's checksum.
        String edited = original.lines()
                .map(line -> line.startsWith(tampered.info().id()) ? line.replace("\tviewer\t", "\tadmin\t") : line)
                .reduce("", (all, line) -> all + line + "\n") + "not a key line at all\n";
        Files.writeString(file, edited);

        ApiKeyRegistry second = registry();
        assertThat(second.list()).extracting(ApiKeyInfo::id).containsExactly(kept.info().id());
        assertThat(second.authenticate(tampered.key())).isEmpty();
        assertThat(second.authenticate(kept.key())).isPresent();

        second.create("bob", Set.of(Role.VIEWER), "", "admin");
        try (Stream<Path> files = Files.list(folder)) {
            Path copy = files.filter(p -> p.getFileName().toString().startsWith("api-keys.skipped-")).findFirst()
                    .orElseThrow();
            assertThat(Files.readString(copy)).isEqualTo(edited);
        }
    }

    @Test
    void decodeSaysWhatIsWrongWithALine() {
        ApiKeyInfo info = new ApiKeyInfo("abcdefghijkl", "alice", Set.of(Role.TRADER), "x", T0, "admin", null, null);
        String line = ApiKeyFile.encode(new StoredKey(info, new byte[32]));
        assertThat(ApiKeyFile.decode(line).info()).isEqualTo(info);
        assertThatThrownBy(() -> ApiKeyFile.decode(line.replace("alice", "alicf")))
                .hasMessageContaining("checksum does not match");
        assertThatThrownBy(() -> ApiKeyFile.decode("no tabs")).hasMessageContaining("no fields");
    }

    @Test
    void aFileWithoutTheHeaderIsNeitherTrustedNorOverwritten() throws IOException {
        Path file = folder.resolve("api-keys");
        Files.writeString(file, "# alphintra api-keys v9\nsomething newer\n");
        ApiKeyRegistry keys = registry();

        assertThat(keys.list()).isEmpty();
        assertThatThrownBy(() -> keys.create("alice", Set.of(Role.VIEWER), "", "admin"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("could not be read at start")
                .hasMessageContaining("line 1");
        assertThat(Files.readString(file)).isEqualTo("# alphintra api-keys v9\nsomething newer\n");
    }

    @Test
    void invalidFieldsAreRefusedNamingTheField() {
        ApiKeyRegistry keys = registry();
        assertThatThrownBy(() -> keys.create("al ice", Set.of(Role.VIEWER), "", "admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("user = 'al ice': not a user name");
        assertThatThrownBy(() -> keys.create("a".repeat(65), Set.of(Role.VIEWER), "", "admin"))
                .hasMessageStartingWith("user = ");
        assertThatThrownBy(() -> keys.create("alice", Set.of(), "", "admin")).hasMessageStartingWith("roles:");
        assertThatThrownBy(() -> keys.create("alice", Set.of(Role.VIEWER), "x".repeat(201), "admin"))
                .hasMessage("label: 201 characters, at most 200");
        assertThatThrownBy(() -> keys.create("alice", Set.of(Role.VIEWER), "two\nlines", "admin"))
                .hasMessageStartingWith("label = 'two\\u000alines': control characters");
        assertThatThrownBy(() -> keys.create("alice", Set.of(Role.VIEWER), "", " "))
                .hasMessageStartingWith("createdBy:");
        assertThat(keys.create("alice", Set.of(Role.VIEWER), "x".repeat(200), "admin").info().label()).hasSize(200);
        assertThat(keys.list()).hasSize(1);
    }

    @Test
    void aKeyThatCannotBeWrittenIsNotCreated() throws IOException {
        ApiKeyRegistry keys = registry();
        // A folder where the temporary file must go makes the write fail.
        Files.createDirectory(folder.resolve("api-keys.tmp"));
        Files.writeString(folder.resolve("api-keys.tmp").resolve("x"), "x", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> keys.create("alice", Set.of(Role.VIEWER), "", "admin"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("no key was created");
        assertThat(keys.list()).isEmpty();
    }
}
