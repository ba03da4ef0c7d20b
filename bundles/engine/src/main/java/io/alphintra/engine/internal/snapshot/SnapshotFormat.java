package io.alphintra.engine.internal.snapshot;

/**
 * The frame of an engine snapshot file, format version 5 (see decisions 10 and 11). Little-endian. Format 5 added each
 * engaged kill switch's mode (halt or reduce-only); format 4 added to each order the venue execution ids booked for it
 * and why it needs reconciliation, if it does; format 3 added the reason a venue last gave refusing or ending it.
 * Formats 2 to 4 are still read (their orders come back without what they lacked, format 4's switches as halts).
 * Format 1, which held every order the engine ever took and no order of finishing, is refused: no release wrote it.
 *
 * <pre>
 * header (24 bytes) = int magic "ALSN", int formatVersion, long journalSequence, long takenAtEpochNanos
 * body              = the engine's state (EngineSnapshot)
 * trailer (8 bytes) = int magic "ALSE", int crc32c of every byte before it, the end magic included
 * </pre>
 *
 * The file is named {@code snapshot-<journalSequence, 20 digits>.snap}; it is written under a temporary name and
 * renamed once forced, so a file with the final name was written completely, and any difference is damage.
 */
final class SnapshotFormat {
    static final int VERSION = 5;
    /** The oldest format this version reads. */
    static final int OLDEST_READ = 2;
    /** "ALSN" as little-endian bytes. */
    static final int MAGIC = 0x4E534C41;
    /** "ALSE" as little-endian bytes. */
    static final int END_MAGIC = 0x45534C41;
    static final int HEADER_LENGTH = 24;
    static final int TRAILER_LENGTH = 8;
    static final String PREFIX = "snapshot-";
    static final String SUFFIX = ".snap";
    /** Being written; never trusted, removed at the next start. */
    static final String TEMPORARY_SUFFIX = ".tmp";
    /** Damaged, beyond the journal or refused: kept for investigation, out of the rotation. */
    static final String UNUSABLE_SUFFIX = ".unusable";

    private SnapshotFormat() {
    }

    static String fileName(long sequence) {
        return String.format("%s%020d%s", PREFIX, sequence, SUFFIX);
    }
}
