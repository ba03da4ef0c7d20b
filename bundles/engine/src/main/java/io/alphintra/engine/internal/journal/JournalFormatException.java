package io.alphintra.engine.internal.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A journal segment in a format this version does not read: written before the journal had format versions
 * (format 0), or by a newer version. The journal refuses to open; the message says what to do.
 */
public final class JournalFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private JournalFormatException(String message) {
        super(message);
    }

    static JournalFormatException format0(Path segment) {
        return new JournalFormatException("Journal segment " + segment + " is in journal format 0 (records without"
                + " segment and commit headers), written by a development build before journal format "
                + JournalFormat.VERSION + "; this version does not read it. No released version wrote format 0: to"
                + " start with an empty journal, move the directory " + segment.getParent() + " aside (the orders and"
                + " positions in it are then not recovered).");
    }

    static JournalFormatException newer(Path segment, int version) {
        return new JournalFormatException("Journal segment " + segment + " is in journal format " + version
                + ", this version reads format " + JournalFormat.VERSION + ". A newer version of Alphintra wrote"
                + " it: start that version again.");
    }
}
