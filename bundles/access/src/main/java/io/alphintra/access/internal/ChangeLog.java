package io.alphintra.access.internal;

import io.alphintra.files.OwnerOnlyFiles;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code <karaf.data>/access/changes.log}: one line per API key created or revoked (when, who, what; never a secret),
 * appended and forced to disk, never rewritten. Tab-separated: time (UTC), who, action, then the details, each
 * escaped to stay on its line. Created readable by the node's user only.
 */
final class ChangeLog {
    private final Path file;

    ChangeLog(Path file) {
        this.file = file.toAbsolutePath();
    }

    Path path() {
        return file;
    }

    synchronized void append(Instant at, String who, String action, String details) throws IOException {
        OwnerOnlyFiles.createDirectories(file.getParent());
        try {
            OwnerOnlyFiles.createNew(file).close();
        } catch (FileAlreadyExistsException earlierChanges) {
            // appended to below
        }
        String line = String.join("\t", at.toString(), Text.escape(who), action, Text.escape(details)) + "\n";
        try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        }
    }
}
