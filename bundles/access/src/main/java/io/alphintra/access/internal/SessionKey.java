package io.alphintra.access.internal;

import io.alphintra.files.OwnerOnlyFiles;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key session tokens are signed with: 32 random bytes in {@code <karaf.data>/access/session.key}, created
 * owner-only at the first start, so that sessions outlive a restart of the bundle or the node. Deleting the file ends
 * every session at the next start.
 */
final class SessionKey {
    static final int BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(SessionKey.class);

    private SessionKey() {
    }

    /**
     * The key in {@code file}, created when missing. A file of another length is set aside (and logged) and a new key
     * made; a key that cannot be read or written is replaced by one held in memory only (logged at ERROR): logins
     * still work, their sessions end at the next start.
     */
    static byte[] loadOrCreate(Path file, SecureRandom random) {
        try {
            byte[] key = Files.readAllBytes(file);
            if (key.length == BYTES) {
                return key;
            }
            Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            LOG.error("{} holds {} bytes, not {}: set aside as {}; a new key is made, so earlier sessions end",
                    file, key.length, BYTES, aside);
        } catch (NoSuchFileException first) {
            // the first start: made below
        } catch (IOException e) {
            return inMemory(file, e, random);
        }
        byte[] key = new byte[BYTES];
        random.nextBytes(key);
        try {
            OwnerOnlyFiles.createDirectories(file.getParent());
            OwnerOnlyFiles.createNew(file).close();
            try (FileOutputStream out = new FileOutputStream(file.toFile())) {
                out.write(key);
                out.getFD().sync();
            }
            ApiKeyFile.syncFolder(file.getParent());
            LOG.info("Session signing key created in {}", file);
            return key;
        } catch (IOException e) {
            return inMemory(file, e, random);
        }
    }

    private static byte[] inMemory(Path file, IOException e, SecureRandom random) {
        LOG.error("Cannot read or create the session signing key {} ({}): using a key held in memory, so sessions"
                + " end when the access bundle restarts", file, e.toString());
        byte[] key = new byte[BYTES];
        random.nextBytes(key);
        return key;
    }
}
