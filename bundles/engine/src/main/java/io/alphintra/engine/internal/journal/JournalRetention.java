package io.alphintra.engine.internal.journal;

import java.util.Locale;

/** What becomes of journal segments that a snapshot made unnecessary for recovery. */
public enum JournalRetention {
    /** Moved into the journal directory's {@code archive/}: kept for audit, out of the engine's way. */
    ARCHIVE,
    /** Deleted. */
    DELETE;

    /** @throws IllegalArgumentException unless the name is {@code archive} or {@code delete} (any case) */
    public static JournalRetention parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "archive" -> ARCHIVE;
            case "delete" -> DELETE;
            default -> throw new IllegalArgumentException("expected archive or delete");
        };
    }
}
