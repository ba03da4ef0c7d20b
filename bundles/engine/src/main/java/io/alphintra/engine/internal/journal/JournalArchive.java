package io.alphintra.engine.internal.journal;

import io.alphintra.engine.JournalDiskUse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The disk a journal takes, and the pruning of its {@code archive/}. Archived segments are never read or written by
 * the engine again (it only moves newly covered segments in), so both run on the caller's thread, beside a running
 * engine, without touching the engine thread.
 */
public final class JournalArchive {
    private JournalArchive() {
    }

    public static Path archiveOf(Path journalDirectory) {
        return journalDirectory.resolve("archive");
    }

    public static JournalDiskUse diskUse(Path journalDirectory) throws IOException {
        List<Path> live = segments(journalDirectory);
        List<Path> archived = segments(archiveOf(journalDirectory));
        return new JournalDiskUse(journalDirectory, live.size(), bytes(live), archived.size(), bytes(archived),
                Files.getFileStore(journalDirectory).getUsableSpace());
    }

    /**
     * Deletes the archived segments last modified before {@code cutoff}.
     *
     * @return the archived segments deleted
     */
    public static List<Path> prune(Path journalDirectory, Instant cutoff) throws IOException {
        List<Path> old = segments(archiveOf(journalDirectory)).stream()
                .filter(segment -> modified(segment).isBefore(cutoff)).toList();
        for (Path segment : old) {
            Files.delete(segment);
        }
        return old;
    }

    private static List<Path> segments(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().startsWith(Journal.SEGMENT_PREFIX)
                    && path.getFileName().toString().endsWith(Journal.SEGMENT_SUFFIX)).sorted().toList();
        }
    }

    private static long bytes(List<Path> files) throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX; // vanished or unreadable: not ours to delete
        }
    }
}
