package io.alphintra.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates the node's state files (journal segments, snapshots, strategy state, venue journals, market recordings) and
 * their folders readable by the node's own user only: files 0600 and folders 0700 where the file system has POSIX permissions (the process's umask can
 * only take more away); elsewhere as the file system creates them. Existing files and folders are left as they are.
 * Orders, fills and positions are nobody else's business on a shared machine.
 */
public final class OwnerOnlyFiles {
    private static final FileAttribute<Set<PosixFilePermission>> FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<Set<PosixFilePermission>> FOLDER =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private OwnerOnlyFiles() {
    }

    /** {@link Files#createDirectories}, each folder it creates 0700. */
    public static Path createDirectories(Path directory) throws IOException {
        if (posix(directory)) {
            try {
                return Files.createDirectories(directory, FOLDER);
            } catch (UnsupportedOperationException notOnThisFileStore) {
                // a file system that reports POSIX views but refuses them on create: as it creates them
            }
        }
        return Files.createDirectories(directory);
    }

    /** Creates {@code file}, which must not exist, 0600, and opens it for writing (plus {@code options}). */
    public static FileChannel createNew(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> all = new HashSet<>(List.of(options));
        all.add(StandardOpenOption.CREATE_NEW);
        all.add(StandardOpenOption.WRITE);
        if (posix(file)) {
            try {
                return FileChannel.open(file, all, FILE);
            } catch (UnsupportedOperationException notOnThisFileStore) {
                // as below
            }
        }
        return FileChannel.open(file, all);
    }

    /**
     * Opens {@code file} for writing (plus {@code options}), creating it 0600 when it does not exist; an existing file
     * is opened as it is.
     */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> all = new HashSet<>(List.of(options));
        all.add(StandardOpenOption.CREATE);
        all.add(StandardOpenOption.WRITE);
        if (posix(file)) {
            try {
                return FileChannel.open(file, all, FILE);
            } catch (UnsupportedOperationException notOnThisFileStore) {
                // as below
            }
        }
        return FileChannel.open(file, all);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
