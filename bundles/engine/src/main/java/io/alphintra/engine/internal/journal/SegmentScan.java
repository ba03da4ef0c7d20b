package io.alphintra.engine.internal.journal;

import static io.alphintra.engine.internal.journal.JournalFormat.ALIGNMENT;
import static io.alphintra.engine.internal.journal.JournalFormat.BLOCK_HEADER_LENGTH;
import static io.alphintra.engine.internal.journal.JournalFormat.BLOCK_MAGIC;
import static io.alphintra.engine.internal.journal.JournalFormat.RECORD_HEADER_LENGTH;
import static io.alphintra.engine.internal.journal.JournalFormat.SEGMENT_HEADER_LENGTH;
import static io.alphintra.engine.internal.journal.JournalFormat.SEGMENT_MAGIC;
import static io.alphintra.engine.internal.journal.JournalFormat.VERSION;
import static io.alphintra.engine.internal.journal.JournalFormat.align;
import static io.alphintra.engine.internal.journal.JournalFormat.checksum;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Validates one segment when the journal opens, and decides where the journal ends.
 *
 * <p>Every block (the bytes of one write) is checked whole: its header and every record in it. Only the last segment
 * may end in a torn write, and only when the bytes from the first damaged block to the end of the file prove that
 * block's write incomplete: the file ends inside its header, or before the length its intact header declares, or it
 * is zeros to the end of the file from the block's start or from the start of one of its records (space the file
 * system extended but never wrote). Anything else — a damaged
 * record in a block written completely, a damaged header with bytes after it, a zero gap followed by data — is
 * damage to acknowledged data and refuses the open: a write(2) that returned put all its bytes in the file, and the
 * journal acknowledges nothing before that.
 */
final class SegmentScan {
    private final Path path;
    private final MappedByteBuffer data;
    private final int size;
    private final CRC32C crc = new CRC32C();

    private long nextSequence;
    private int validEnd;

    // What blockProblem found about the block it last looked at.
    private int problemOffset;
    private boolean cutShort;
    private boolean blockComplete;
    private int blockLength;
    private int blockRecords;

    private SegmentScan(Path path, MappedByteBuffer data) {
        this.path = path;
        this.data = data;
        this.size = data.limit();
    }

    /**
     * @param last whether this is the journal's last segment, the only one a crash can have left torn
     * @throws JournalCorruptedException where damage is not a torn final write
     * @throws JournalFormatException    for a segment in a format this version does not read
     */
    static SegmentScan scan(Path path, long firstSequence, boolean last) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new JournalCorruptedException(path, Integer.MAX_VALUE, "the segment is " + size
                        + " bytes long, more than a segment can hold");
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            mapped.order(ByteOrder.LITTLE_ENDIAN);
            SegmentScan scan = new SegmentScan(path, mapped);
            scan.run(firstSequence, last);
            return scan;
        }
    }

    /** The sequence the next record after this segment's last intact one has. */
    long nextSequence() {
        return nextSequence;
    }

    /**
     * Where the segment's intact content ends: the end of its last complete block, or 0 when a crash interrupted the
     * segment's creation before its header was written.
     */
    int validEnd() {
        return validEnd;
    }

    /** Bytes after {@link #validEnd()}: a torn final write to drop. */
    int tornBytes() {
        return size - validEnd;
    }

    private void run(long firstSequence, boolean last) throws IOException {
        nextSequence = firstSequence;
        IOException headerProblem = segmentHeaderProblem(firstSequence);
        if (headerProblem != null) {
            if (last && (size < SEGMENT_HEADER_LENGTH || zerosFrom(0))) {
                validEnd = 0; // created by a roll, then the crash: its header was never written
                return;
            }
            throw headerProblem;
        }
        int offset = SEGMENT_HEADER_LENGTH;
        while (offset < size) {
            String problem = blockProblem(offset, nextSequence);
            if (problem != null) {
                if (last && isTornTail(offset)) {
                    break;
                }
                throw damage(offset, problem, last);
            }
            offset += blockLength;
            nextSequence += blockRecords;
        }
        validEnd = offset;
    }

    private IOException segmentHeaderProblem(long firstSequence) {
        if (size < SEGMENT_HEADER_LENGTH) {
            return new JournalCorruptedException(path, 0, "segment header cut short at " + size + " bytes");
        }
        int magic = data.getInt(0);
        if (magic != SEGMENT_MAGIC) {
            if (isFormat0()) {
                return JournalFormatException.format0(path);
            }
            return new JournalCorruptedException(path, 0, String.format("no segment header (found 0x%08x)", magic));
        }
        if (checksum(data, 8, SEGMENT_HEADER_LENGTH, crc) != data.getInt(4)) {
            return new JournalCorruptedException(path, 0, "segment header checksum mismatch");
        }
        int version = data.getInt(8);
        if (version > VERSION) {
            return JournalFormatException.newer(path, version);
        }
        if (version != VERSION) {
            return new JournalCorruptedException(path, 0, "segment header names unknown format " + version);
        }
        long first = data.getLong(16);
        if (first != firstSequence) {
            return new JournalCorruptedException(path, 0, "segment header says it starts at sequence " + first
                    + ", its name says " + firstSequence);
        }
        return null;
    }

    /** A format 0 segment starts with an intact record frame. */
    private boolean isFormat0() {
        int frameLength = data.getInt(0);
        return frameLength >= RECORD_HEADER_LENGTH && frameLength % ALIGNMENT == 0 && frameLength <= size
                && checksum(data, 8, frameLength, crc) == data.getInt(4);
    }

    /**
     * Checks the block at {@code offset} whole; null when it is intact, else what is wrong, with
     * {@link #problemOffset} where, {@link #cutShort} whether the file merely ends before the block does and
     * {@link #blockComplete} whether its header is intact and the file holds every byte it declares.
     */
    private String blockProblem(int offset, long expectedSequence) {
        problemOffset = offset;
        cutShort = false;
        blockComplete = false;
        if (size - offset < BLOCK_HEADER_LENGTH) {
            cutShort = true;
            return "commit header cut short at " + (size - offset) + " bytes";
        }
        int magic = data.getInt(offset);
        if (magic != BLOCK_MAGIC) {
            return String.format("no commit header (found 0x%08x)", magic);
        }
        if (checksum(data, offset + 8, offset + BLOCK_HEADER_LENGTH, crc) != data.getInt(offset + 4)) {
            return "commit header checksum mismatch";
        }
        blockLength = data.getInt(offset + 8);
        blockRecords = data.getInt(offset + 12);
        long first = data.getLong(offset + 16);
        if (blockLength < BLOCK_HEADER_LENGTH + RECORD_HEADER_LENGTH || blockLength % ALIGNMENT != 0
                || blockRecords < 1) {
            return "commit header declares " + blockLength + " bytes and " + blockRecords + " records";
        }
        if (first != expectedSequence) {
            return "commit starts at sequence " + first + ", expected " + expectedSequence;
        }
        if ((long) offset + blockLength > size) {
            cutShort = true;
            return "commit of " + blockLength + " bytes cut short at " + (size - offset) + " bytes";
        }
        blockComplete = true;
        int end = offset + blockLength;
        int record = offset + BLOCK_HEADER_LENGTH;
        long sequence = expectedSequence;
        while (record < end) {
            problemOffset = record;
            String problem = recordProblem(record, end, sequence);
            if (problem != null) {
                return problem;
            }
            record += data.getInt(record);
            sequence++;
        }
        if (sequence - expectedSequence != blockRecords) {
            problemOffset = offset;
            return "commit header declares " + blockRecords + " records, the commit holds "
                    + (sequence - expectedSequence);
        }
        return null;
    }

    private String recordProblem(int offset, int blockEnd, long expectedSequence) {
        if (blockEnd - offset < RECORD_HEADER_LENGTH) {
            return "record header overruns its commit";
        }
        int frameLength = data.getInt(offset);
        int payloadLength = data.getInt(offset + 28);
        if (frameLength < RECORD_HEADER_LENGTH || frameLength % ALIGNMENT != 0 || payloadLength < 0
                || payloadLength > frameLength || align(RECORD_HEADER_LENGTH + payloadLength) != frameLength) {
            return "frame length " + frameLength + " does not fit payload length " + payloadLength;
        }
        if (frameLength > blockEnd - offset) {
            return "frame of " + frameLength + " bytes overruns its commit";
        }
        if (checksum(data, offset + 8, offset + frameLength, crc) != data.getInt(offset + 4)) {
            return "checksum mismatch";
        }
        long sequence = data.getLong(offset + 8);
        if (sequence != expectedSequence) {
            return "sequence " + sequence + ", expected " + expectedSequence;
        }
        return null;
    }

    /**
     * Whether the bytes from the failed block at {@code offset} on are a write that did not complete: its header cut
     * short (a prefix of one), the file ending before the block does, or zeros to the end of the file from the
     * block's start or from the start of its first failed record. An intact record is never zeros from its start
     * (its length and sequence are not zero), so no bit flip makes one look like that.
     */
    private boolean isTornTail(int offset) {
        if (cutShort) {
            return size - offset >= BLOCK_HEADER_LENGTH || isMagicPrefix(offset) || zerosFrom(offset);
        }
        return zerosFrom(offset) || blockComplete && zerosFrom(problemOffset);
    }

    /** Whether the bytes from {@code offset} to the end of the file begin like a block header. */
    private boolean isMagicPrefix(int offset) {
        for (int i = 0; i < Math.min(Integer.BYTES, size - offset); i++) {
            if (data.get(offset + i) != (byte) (BLOCK_MAGIC >>> (8 * i))) {
                return false;
            }
        }
        return true;
    }

    private JournalCorruptedException damage(int blockOffset, String problem, boolean last) {
        if (last && blockComplete) {
            int end = blockOffset + blockLength;
            if (end == size || zerosFrom(end)) {
                long first = data.getLong(blockOffset + 16);
                return new JournalCorruptedException(path, problemOffset, problem, "The damaged commit (sequences "
                        + first + " to " + (first + blockRecords - 1) + ", from offset " + blockOffset + ") is the"
                        + " journal's last and was written completely, so it was acknowledged: this is damage to"
                        + " stored data, not a write cut short by a crash, and the journal will not open. Restore the"
                        + " segment from a replica or backup. Only if the machine lost power before this commit's"
                        + " fsync returned was it never acknowledged; then truncating the segment to " + blockOffset
                        + " bytes (truncate -s " + blockOffset + " " + path + ") drops it and the journal opens.");
            }
        }
        return new JournalCorruptedException(path, problemOffset, problem);
    }

    private boolean zerosFrom(int offset) {
        int i = offset;
        for (; i + Long.BYTES <= size; i += Long.BYTES) {
            if (data.getLong(i) != 0) {
                return false;
            }
        }
        for (; i < size; i++) {
            if (data.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
