package io.alphintra.engine.internal.snapshot;

import java.util.concurrent.CompletionStage;

/**
 * Snapshots on demand, for operators ({@code alphintra:snapshot}); registered by the engine beside
 * {@code TradingEngine}. Internal: nothing outside this bundle needs to trigger one.
 */
public interface SnapshotService {

    /**
     * Writes a snapshot on the engine thread once the batch in progress is committed and sent; completes
     * exceptionally when it cannot be written (the journal stays the record, nothing is lost).
     */
    CompletionStage<SnapshotInfo> snapshot();
}
