package io.alphintra.engine.internal.core;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The journal refused a record or a commit: the engine can acknowledge nothing more and halts. */
public final class JournalFailureException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    JournalFailureException(String what, IOException cause) {
        super("journal " + what + " failed: " + cause.getMessage(), cause);
    }
}
