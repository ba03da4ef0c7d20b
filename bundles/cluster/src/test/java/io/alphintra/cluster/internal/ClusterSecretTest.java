package io.alphintra.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSecretTest {
    private static final String SECRET = "0123456789abcdefghijklmnopqrstuvwxyz";

    @TempDir
    Path directory;

    @Test
    void memberBoundBeyondLoopbackWithoutASecretIsRefusedNamingTheKey() {
        for (String exposed : new String[] {"0.0.0.0", "10.1.2.3", "::"}) {
            assertThatThrownBy(() -> ClusterSecret.forMember(settings(exposed, Optional.empty())))
                    .isInstanceOf(ClusterSecret.Refused.class)
                    .hasMessageContaining("bindAddress = '" + exposed + "' is not loopback")
                    .hasMessageContaining("Set clusterSecretFile in io.alphintra.cluster.cfg");
        }
    }

    @Test
    void onLoopbackTheSecretIsOptional() throws Exception {
        assertThat(ClusterSecret.forMember(settings("127.0.0.1", Optional.empty()))).isEmpty();
        assertThat(ClusterSecret.forMember(settings("::1", Optional.empty()))).isEmpty();
        Path file = TestSupport.writeSecret(directory.resolve("s"), SECRET, "rw-------");
        assertThat(ClusterSecret.forMember(settings("127.0.0.1", Optional.of(file)))).isPresent();
    }

    @Test
    void memberBoundBeyondLoopbackWithASecretMayStart() throws Exception {
        Path file = TestSupport.writeSecret(directory.resolve("s"), SECRET + "\n", "r--------");
        assertThat(ClusterSecret.forMember(settings("0.0.0.0", Optional.of(file))).map(ClusterSecret::file))
                .contains(file);
    }

    @Test
    void fileOthersMayReadIsRefused() throws Exception {
        Path file = TestSupport.writeSecret(directory.resolve("s"), SECRET, "rw-r--r--");
        assertThatThrownBy(() -> ClusterSecret.read(file, "alphintra"))
                .isInstanceOf(ClusterSecret.Refused.class)
                .hasMessage("Cluster member refused: clusterSecretFile = '" + file + "' may be read or written by "
                        + "others (rw-r--r--); make it owner-only: chmod 600 " + file);
        TestSupport.writeSecret(file, SECRET, "rw-----w-");
        assertThatThrownBy(() -> ClusterSecret.read(file, "alphintra")).hasMessageContaining("(rw-----w-)");
    }

    @Test
    void missingShortOrOddFilesAreRefusedWithoutShowingTheSecret() throws Exception {
        assertThatThrownBy(() -> ClusterSecret.read(directory.resolve("absent"), "alphintra"))
                .hasMessageEndingWith("absent' does not exist");
        assertThatThrownBy(() -> ClusterSecret.read(directory, "alphintra"))
                .hasMessageEndingWith("is not a regular file");
        Path shortSecret = TestSupport.writeSecret(directory.resolve("short"), "tooShortToGuessHard\n", "rw-------");
        assertThatThrownBy(() -> ClusterSecret.read(shortSecret, "alphintra"))
                .hasMessageContaining("holds 19 characters; the secret needs at least 32")
                .message().doesNotContain("tooShortToGuessHard");
    }

    @Test
    void proofsDependOnTheSecretTheClusterNameTheRoleAndBothNonces() throws Exception {
        Path file = TestSupport.writeSecret(directory.resolve("s"), SECRET, "rw-------");
        Path sameWithNewline = TestSupport.writeSecret(directory.resolve("n"), SECRET + "\r\n", "rw-------");
        Path other = TestSupport.writeSecret(directory.resolve("o"), SECRET + "!", "rw-------");
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        b[0] = 1;
        ClusterSecret secret = ClusterSecret.read(file, "alphintra");
        byte[] proof = secret.proof("connector", a, b);

        assertThat(ClusterSecret.read(sameWithNewline, "alphintra").verify("connector", a, b, proof)).isTrue();
        assertThat(ClusterSecret.read(other, "alphintra").verify("connector", a, b, proof)).isFalse();
        assertThat(ClusterSecret.read(file, "other-cluster").verify("connector", a, b, proof)).isFalse();
        assertThat(secret.verify("acceptor", a, b, proof)).isFalse();
        assertThat(secret.verify("connector", b, a, proof)).isFalse();
        assertThat(proof).hasSize(ClusterSecret.PROOF_BYTES);
    }

    private static ClusterSettings settings(String bindAddress, Optional<Path> secretFile) {
        ClusterSettings parsed = ClusterSettings.from(TestSupport.config(Map.of("bindAddress", bindAddress)), Map.of());
        return new ClusterSettings(parsed.identity(), parsed.bindAddress(), parsed.port(), parsed.portCount(),
                parsed.members(), secretFile);
    }
}
