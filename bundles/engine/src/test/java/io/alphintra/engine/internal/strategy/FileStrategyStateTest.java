package io.alphintra.engine.internal.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A strategy instance's state file stays directly in its folder and is the node user's only. */
class FileStrategyStateTest {
    @TempDir
    Path root;

    @Test
    void theStateFileIsNamedAfterTheInstanceInItsFolder() {
        Path folder = root.resolve("var/strategies");
        assertThat(FileStrategyState.stateFile(folder, "mr-1")).isEqualTo(folder.resolve("mr-1.properties"));
        assertThat(FileStrategyState.stateFile(root.resolve("var/x/../strategies"), "ma.cross_2"))
                .isEqualTo(folder.resolve("ma.cross_2.properties"));
    }

    @Test
    void anIdThatLeavesTheFolderIsRefused() {
        Path folder = root.resolve("var/strategies");
        for (String id : List.of("../../etc/users", "../strategies-other/x", "a/b", "/etc/passwd", "a/../../b")) {
            assertThatThrownBy(() -> FileStrategyState.of(folder, id))
                    .as(id)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("strategy instance id '" + id + "' would put its state outside " + folder);
        }
        assertThatThrownBy(() -> FileStrategyState.of(folder, "../x\nforged log line"))
                .hasMessageContaining("'../x?forged log line'");
        assertThat(root.resolve("etc")).doesNotExist();
    }

    @Test
    void stateSurvivesAndIsReadableByTheOwnerOnly() throws IOException {
        Path folder = root.resolve("var/strategies");
        FileStrategyState state = FileStrategyState.of(folder, "mr-1");
        state.put("position", "10");
        state.put("position", "12");

        assertThat(FileStrategyState.of(folder, "mr-1").get("position")).contains("12");
        assertThat(folder.resolve("mr-1.properties.tmp")).doesNotExist();
        assumeThat(root.getFileSystem().supportedFileAttributeViews()).as("POSIX permissions").contains("posix");
        assertThat(permissions(folder.resolve("mr-1.properties"))).isEqualTo("rw-------");
        assertThat(permissions(folder)).isEqualTo("rwx------");
        assertThat(permissions(root.resolve("var"))).isEqualTo("rwx------");
    }

    @Test
    void aTemporaryFileLeftWorldReadableByACrashIsNotReused() throws IOException {
        assumeThat(root.getFileSystem().supportedFileAttributeViews()).as("POSIX permissions").contains("posix");
        Path folder = Files.createDirectories(root.resolve("strategies"));
        Path leftOver = Files.writeString(folder.resolve("mr-1.properties.tmp"), "half");
        Files.setPosixFilePermissions(leftOver, PosixFilePermissions.fromString("rw-r--r--"));

        FileStrategyState.of(folder, "mr-1").put("k", "v");

        assertThat(permissions(folder.resolve("mr-1.properties"))).isEqualTo("rw-------");
        assertThat(FileStrategyState.of(folder, "mr-1").get("k")).contains("v");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
