package io.alphintra.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {
    @TempDir
    Path directory;

    @BeforeEach
    void onPosix() {
        assumeThat(directory.getFileSystem().supportedFileAttributeViews()).as("a POSIX file system").contains("posix");
    }

    @Test
    void foldersAreCreated0700AndFiles0600WhateverTheUmaskAllows() throws IOException {
        Path folder = OwnerOnlyFiles.createDirectories(directory.resolve("a/b"));
        try (FileChannel channel = OwnerOnlyFiles.createNew(folder.resolve("state.log"))) {
            assertThat(channel.isOpen()).isTrue();
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("a"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("state.log"))))
                .isEqualTo("rw-------");
    }

    @Test
    void anExistingFileIsNeverOpenedOrChanged() throws IOException {
        Path file = Files.writeString(directory.resolve("kept"), "theirs");

        assertThatThrownBy(() -> OwnerOnlyFiles.createNew(file)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("theirs");
    }
}
