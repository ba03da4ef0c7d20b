package io.alphintra.engine.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.JournalDiskUse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalArchiveTest {

    @TempDir
    Path journal;

    @Test
    void reportsLiveAndArchivedSegmentsAndPrunesOnlyOldArchives() throws Exception {
        Instant now = Instant.now();
        segment(journal.resolve("segment-00000000000000000300.journal"), 300, now);
        Path archive = Files.createDirectories(journal.resolve("archive"));
        Path old = segment(archive.resolve("segment-00000000000000000001.journal"), 1000,
                now.minus(Duration.ofDays(100)));
        Path recent = segment(archive.resolve("segment-00000000000000000200.journal"), 200,
                now.minus(Duration.ofDays(2)));
        segment(archive.resolve("notes.txt"), 50, now.minus(Duration.ofDays(400)));

        JournalDiskUse use = JournalArchive.diskUse(journal);
        assertThat(use.liveSegments()).isEqualTo(1);
        assertThat(use.liveBytes()).isEqualTo(300);
        assertThat(use.archivedSegments()).isEqualTo(2);
        assertThat(use.archivedBytes()).isEqualTo(1200);
        assertThat(use.usableBytes()).isPositive();

        assertThat(JournalArchive.prune(journal, now.minus(Duration.ofDays(30)))).containsExactly(old);
        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        assertThat(archive.resolve("notes.txt")).as("not a segment: not ours to delete").exists();
        assertThat(JournalArchive.diskUse(journal).archivedBytes()).isEqualTo(200);
        assertThat(JournalArchive.diskUse(journal).liveBytes()).as("live segments untouched").isEqualTo(300);
    }

    @Test
    void aJournalWithoutArchiveHasNone() throws Exception {
        assertThat(JournalArchive.diskUse(journal).archivedSegments()).isZero();
        assertThat(JournalArchive.prune(journal, Instant.now())).isEmpty();
    }

    private static Path segment(Path file, int bytes, Instant modified) throws Exception {
        Files.write(file, new byte[bytes]);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
