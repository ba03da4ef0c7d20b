package io.alphintra.engine.internal.snapshot;

import java.nio.file.Path;

/**
 * A snapshot the engine wrote, or found current.
 *
 * @param sequence the last journal sequence it covers
 * @param orders   the orders in it, finished ones included
 * @param bytes    the file's size
 * @param millis   how long the engine thread spent writing it (0 when none was written)
 * @param file     where it is
 * @param written  false when the newest snapshot already covered every journaled record, so none was written
 */
public record SnapshotInfo(long sequence, long orders, long bytes, long millis, Path file, boolean written) {
}
