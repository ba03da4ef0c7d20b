package io.alphintra.engine.internal.snapshot;

import java.io.IOException;

/**
 * The engine cannot rebuild its state: the journal no longer starts at sequence 1 (its earlier segments were retired
 * after snapshots), and no snapshot that can stand in for them is intact; or snapshots exist for a journal that holds
 * nothing. The engine refuses to start rather than start without acknowledged orders and fills; the message names
 * the files, what is wrong with each and what to do. Nothing on disk was changed.
 */
public final class SnapshotRecoveryException extends IOException {
    private static final long serialVersionUID = 1L;

    public SnapshotRecoveryException(String message) {
        super(message);
    }
}
