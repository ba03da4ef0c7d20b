package io.alphintra.engine.internal.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The journal's on-disk layout, format version 1 (see decision 9). Little-endian, every part 8-byte aligned.
 *
 * <pre>
 * segment  = segment header, block*
 * segment header (24 bytes) = int magic "ALJN", int crc32c, int formatVersion, int reserved (0), long firstSequence
 * block    = block header, record+            the bytes of one write(2): a group commit, or the part of one that
 *                                             filled the write buffer
 * block header (24 bytes)   = int magic "CMIT", int crc32c, int blockLength (header included), int recordCount,
 *                             long firstSequence
 * record   = int frameLength, int crc32c, long sequence, long timestampNanos, int type, int payloadLength, payload,
 *            zero padding
 * </pre>
 *
 * A header's checksum covers its bytes 8 to 24; a record's covers everything after its checksum, padding included.
 * Format 0 (before headers) was records alone.
 */
final class JournalFormat {
    static final int VERSION = 1;
    static final int ALIGNMENT = 8;
    /** "ALJN" as little-endian bytes; odd, so never the frame length a format 0 segment starts with. */
    static final int SEGMENT_MAGIC = 0x4E4A4C41;
    /** "CMIT" as little-endian bytes. */
    static final int BLOCK_MAGIC = 0x54494D43;
    static final int SEGMENT_HEADER_LENGTH = 24;
    static final int BLOCK_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 32;

    private JournalFormat() {
    }

    /** Writes a segment header at the start of {@code target}, leaving its position and limit unchanged. */
    static void putSegmentHeader(ByteBuffer target, long firstSequence, CRC32C crc) {
        target.putInt(0, SEGMENT_MAGIC);
        target.putInt(8, VERSION);
        target.putInt(12, 0);
        target.putLong(16, firstSequence);
        target.putInt(4, checksum(target, 8, SEGMENT_HEADER_LENGTH, crc));
    }

    /** Fills the block header at the start of {@code batch}, whose records follow it up to {@code blockLength}. */
    static void putBlockHeader(ByteBuffer batch, int blockLength, int recordCount, long firstSequence, CRC32C crc) {
        batch.putInt(0, BLOCK_MAGIC);
        batch.putInt(8, blockLength);
        batch.putInt(12, recordCount);
        batch.putLong(16, firstSequence);
        batch.putInt(4, checksum(batch, 8, BLOCK_HEADER_LENGTH, crc));
    }

    /** CRC32C of bytes {@code from} (inclusive) to {@code to}; the buffer's position and limit are left unchanged. */
    static int checksum(ByteBuffer buffer, int from, int to, CRC32C crc) {
        int position = buffer.position();
        int limit = buffer.limit();
        buffer.limit(to).position(from);
        crc.reset();
        crc.update(buffer);
        buffer.limit(limit).position(position);
        return (int) crc.getValue();
    }

    static int align(int length) {
        return (length + ALIGNMENT - 1) & -ALIGNMENT;
    }
}
