package io.alphintra.engine.internal.journal;

import java.nio.ByteBuffer;

/** Receives journal records during replay, in sequence order. */
@FunctionalInterface
public interface RecordHandler {
    /**
     * @param payload the record's payload between position and limit, little-endian, read-only and valid only during
     *                the call
     */
    void onRecord(long sequence, long timestampNanos, int type, ByteBuffer payload);
}
