package io.alphintra.engine.internal.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A journal segment that is damaged before its end, where a torn write cannot explain it. The journal refuses to
 * open rather than silently dropping acknowledged records; the message names the file and the offset.
 */
public final class JournalCorruptedException extends IOException {
    private static final long serialVersionUID = 1L;

    JournalCorruptedException(Path segment, long offset, String problem) {
        super("Journal segment " + segment + " is corrupted at offset " + offset + ": " + problem
                + ". Acknowledged records follow this point, so the journal will not open; restore the segment from"
                + " a replica or backup.");
    }
}
