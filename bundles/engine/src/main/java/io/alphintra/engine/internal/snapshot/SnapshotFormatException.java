package io.alphintra.engine.internal.snapshot;

import java.io.IOException;
import java.nio.file.Path;

/** A snapshot file that is damaged, cut short or in a format this version does not read. */
public final class SnapshotFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    SnapshotFormatException(Path file, long offset, String problem) {
        super("Snapshot " + file + " at offset " + offset + ": " + problem);
    }
}
