package io.alphintra.engine.internal.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A journal segment that is damaged where a write torn by a crash cannot explain it. The journal refuses to open
 * rather than silently dropping acknowledged records; the message names the file, the offset, what is wrong there
 * and what to do.
 */
public final class JournalCorruptedException extends IOException {
    private static final long serialVersionUID = 1L;

    JournalCorruptedException(Path segment, long offset, String problem) {
        this(segment, offset, problem, "Acknowledged records follow this point, so the journal will not open; restore"
                + " the segment from a replica or backup.");
    }

    /** @param consequence why this is not a torn write and what the operator can do, one or more sentences */
    JournalCorruptedException(Path segment, long offset, String problem, String consequence) {
        super("Journal segment " + segment + " is corrupted at offset " + offset + ": " + problem + ". " + consequence);
    }
}
