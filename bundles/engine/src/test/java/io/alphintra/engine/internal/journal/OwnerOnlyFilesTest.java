package io.alphintra.engine.internal.journal;

import io.alphintra.files.OwnerOnlyFiles;
import static io.alphintra.engine.internal.journal.JournalFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.alphintra.engine.internal.snapshot.SnapshotStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's journal, its archive and its snapshots are the node user's only: files 0600, folders 0700. */
class OwnerOnlyFilesTest {
    @TempDir
    Path root;

    @BeforeEach
    void posixOnly() {
        assumeThat(root.getFileSystem().supportedFileAttributeViews()).as("POSIX permissions").contains("posix");
    }

    @Test
    void createsEveryMissingFolder0700AndLeavesExistingOnesAlone() throws IOException {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path deep = root.resolve("var/journal/archive");

        assertThat(OwnerOnlyFiles.createDirectories(deep)).isEqualTo(deep);

        assertThat(permissions(root.resolve("var"))).isEqualTo("rwx------");
        assertThat(permissions(root.resolve("var/journal"))).isEqualTo("rwx------");
        assertThat(permissions(deep)).isEqualTo("rwx------");
        assertThat(permissions(root)).as("an existing folder keeps its permissions").isEqualTo("rwxr-xr-x");
        OwnerOnlyFiles.createDirectories(deep); // exists: nothing to do
    }

    @Test
    void createsNewFiles0600AndNeverOpensAnExistingOne() throws IOException {
        Path file = root.resolve("state.tmp");
        try (FileChannel channel = OwnerOnlyFiles.createNew(file)) {
            channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        }
        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(Files.size(file)).isEqualTo(3);
        Assertions.assertThatThrownBy(() -> OwnerOnlyFiles.createNew(file))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void journalSegmentsArchiveAndSnapshotsAreOwnerOnly() throws IOException {
        Path directory = root.resolve("var/journal");
        try (Journal journal = Journal.open(directory, 4096, 1024, Durability.WRITE)) {
            for (int i = 0; i < 40; i++) {
                journal.append(1, i, text("order " + "x".repeat(200) + i));
                journal.commit();
            }
            assertThat(journal.retire(35, directory.resolve("archive"))).isNotEmpty();
        }
        new SnapshotStore(directory.resolve("snapshots")).write(40, 1L, out -> out.putLong(42));

        assertThat(permissions(root.resolve("var"))).isEqualTo("rwx------");
        List<Path> all;
        try (Stream<Path> files = Files.walk(directory)) {
            all = files.toList();
        }
        assertThat(all).filteredOn(Files::isDirectory).extracting(Path::getFileName).extracting(Path::toString)
                .containsExactlyInAnyOrder("journal", "archive", "snapshots");
        assertThat(all).filteredOn(Files::isRegularFile)
                .anyMatch(path -> path.getParent().endsWith("archive"))
                .anyMatch(path -> path.getParent().endsWith("snapshots"))
                .anyMatch(path -> path.getParent().endsWith("journal"));
        for (Path path : all) {
            assertThat(permissions(path)).as(path.toString())
                    .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
