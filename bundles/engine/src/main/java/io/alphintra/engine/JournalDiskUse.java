package io.alphintra.engine;

import java.nio.file.Path;

/**
 * What the engine's journal takes on disk: the live segments (needed to restart), the archived ones (kept for audit
 * when {@code journalRetention = archive}, never read again by the engine) and the space left on the file system.
 *
 * @param directory        the journal directory
 * @param liveSegments     segment files in it
 * @param liveBytes        their size
 * @param archivedSegments segment files in its {@code archive/}
 * @param archivedBytes    their size
 * @param usableBytes      space left for the journal on its file system
 * @since 1.3
 */
public record JournalDiskUse(Path directory, int liveSegments, long liveBytes, int archivedSegments,
                             long archivedBytes, long usableBytes) {
}
