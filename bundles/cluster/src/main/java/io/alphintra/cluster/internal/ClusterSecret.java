package io.alphintra.cluster.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret every member of a cluster shares, read from an owner-only file. The secret itself never leaves this
 * node: {@link SecretHandshake} proves it with HMACs over fresh nonces, keyed by a key derived from the secret and
 * the cluster name, so that one secret reused for two clusters does not let the members of one join the other.
 */
final class ClusterSecret {
    /** Long enough that a captured handshake cannot be brute-forced offline; {@code openssl rand -base64 32} gives 44. */
    static final int MIN_LENGTH = 32;
    static final int PROOF_BYTES = 32;

    private static final String MAC = "HmacSHA256";
    private static final String KEY_CONTEXT = "alphintra cluster membership v1\0";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final SecretKeySpec key;
    private final Path file;

    private ClusterSecret(byte[] derivedKey, Path file) {
        this.key = new SecretKeySpec(derivedKey, MAC);
        this.file = file;
    }

    /**
     * The secret this member must prove to its peers and demand from them; empty when it may run without one
     * (bound to loopback and no {@code clusterSecretFile} set).
     *
     * @throws Refused when the member binds beyond loopback without a secret, or the secret file is unusable
     */
    static Optional<ClusterSecret> forMember(ClusterSettings settings) throws Refused {
        Optional<Path> file = settings.secretFile();
        if (file.isEmpty()) {
            if (settings.bindsBeyondLoopback()) {
                throw new Refused("Cluster member refused: bindAddress = '" + settings.bindAddress() + "' is not "
                        + "loopback, so other machines could join cluster '" + settings.identity().clusterName()
                        + "' and read or write its data with the cluster name alone. Set clusterSecretFile in "
                        + ClusterConfig.PID + ".cfg to an owner-only file holding a shared secret of at least "
                        + MIN_LENGTH + " characters, the same on every node (e.g. openssl rand -base64 32 > "
                        + "etc/cluster.secret; chmod 600 etc/cluster.secret), or bind to 127.0.0.1");
            }
            return Optional.empty();
        }
        return Optional.of(read(file.get(), settings.identity().clusterName()));
    }

    /** Reads and checks the secret file; the messages name the key and the file, never the secret. */
    static ClusterSecret read(Path file, String clusterName) throws Refused {
        String problem = "Cluster member refused: clusterSecretFile = '" + file + "' ";
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, PosixFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new Refused(problem + "does not exist");
        } catch (UnsupportedOperationException e) {
            throw new Refused(problem + "is on a file system without POSIX permissions, so this node cannot check "
                    + "that only its owner can read it");
        } catch (IOException e) {
            throw new Refused(problem + "cannot be read: " + e);
        }
        if (!attributes.isRegularFile()) {
            throw new Refused(problem + "is not a regular file");
        }
        if (!OWNER_ONLY.containsAll(attributes.permissions())) {
            throw new Refused(problem + "may be read or written by others ("
                    + PosixFilePermissions.toString(attributes.permissions()) + "); make it owner-only: chmod 600 "
                    + file);
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Refused(problem + "cannot be read: " + e);
        }
        try {
            // Editors and `echo` end the file with a newline that is no part of the secret.
            String secret = new String(content, StandardCharsets.UTF_8).strip();
            if (secret.length() < MIN_LENGTH) {
                throw new Refused(problem + "holds " + secret.length() + " characters; the secret needs at least "
                        + MIN_LENGTH + " (e.g. openssl rand -base64 32)");
            }
            byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
            try {
                return new ClusterSecret(hmac(secretBytes, (KEY_CONTEXT + clusterName)
                        .getBytes(StandardCharsets.UTF_8)), file);
            } finally {
                Arrays.fill(secretBytes, (byte) 0);
            }
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /** Where the secret was read from, for messages. */
    Path file() {
        return file;
    }

    /** What a member in {@code role} sends to prove the secret for one connection's pair of nonces. */
    byte[] proof(String role, byte[] connectorNonce, byte[] acceptorNonce) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            mac.update(role.getBytes(StandardCharsets.US_ASCII));
            mac.update(connectorNonce);
            mac.update(acceptorNonce);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code proof} is what a holder of this secret in {@code role} sends; constant time. */
    boolean verify(String role, byte[] connectorNonce, byte[] acceptorNonce, byte[] proof) {
        return MessageDigest.isEqual(proof(role, connectorNonce, acceptorNonce), proof);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(key, MAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "ClusterSecret[" + file + "]";
    }

    /** Why the member must not start; the message names the configuration key and says how to fix it. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
