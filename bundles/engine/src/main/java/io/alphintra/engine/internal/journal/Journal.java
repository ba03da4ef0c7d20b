package io.alphintra.engine.internal.journal;

import io.alphintra.files.OwnerOnlyFiles;
import static io.alphintra.engine.internal.journal.JournalFormat.BLOCK_HEADER_LENGTH;
import static io.alphintra.engine.internal.journal.JournalFormat.RECORD_HEADER_LENGTH;
import static io.alphintra.engine.internal.journal.JournalFormat.SEGMENT_HEADER_LENGTH;
import static io.alphintra.engine.internal.journal.JournalFormat.align;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only, checksummed journal of the engine's commands and events, in segment files of a directory.
 *
 * <p>The engine appends the records of a batch and then {@link #commit() commits} them once: it acknowledges nothing
 * before the commit returns, so whatever was acknowledged is in the file (group commit: one write and one force per
 * batch, not per record). Every write is a self-delimiting block: a header with its length, record count and first
 * sequence, then its records, each with its own CRC32C (layout in {@link JournalFormat}, reasoning in decision 9).
 *
 * <p>On open, the journal checks every block of every segment. Only a write that provably did not complete is a torn
 * write and is dropped — the last segment ending inside a block's header, before the length its header declares, or
 * in zeros from a block's start: such a write never returned, so nothing in it was acknowledged. Any other damage,
 * including in the last record of the last commit, is damage to acknowledged data, and the journal refuses to open
 * ({@link JournalCorruptedException}, naming the file, the offset and what is wrong).
 *
 * <p>Segments before the engine's older snapshot are no longer needed to recover and can be {@link #retire retired}
 * (archived or deleted), so the first segment may start after sequence 1; the journal then holds the records from
 * {@link #firstSequence()} on, and replaying earlier ones is refused rather than silently skipped.
 *
 * <p>Single-threaded: one writer (the engine thread) owns a journal. Appending and committing allocate nothing.
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    static final String SEGMENT_PREFIX = "segment-";
    static final String SEGMENT_SUFFIX = ".journal";

    private final Path directory;
    private final long segmentSize;
    private final int maxRecordFrame;
    private final Durability durability;
    /** The block being filled: its header (written at flush) and then its records. */
    private final ByteBuffer batch;
    private final ByteBuffer segmentHeader;
    private final CRC32C crc = new CRC32C();

    private FileChannel segment;
    private long segmentPosition;
    private long nextSequence;
    private long blockFirstSequence;
    private long committedSequence;
    /** The first record still in the directory: 1 until segments are retired. */
    private long firstSequence = 1;
    private IOException failure;

    private Journal(Path directory, long segmentSize, int maxBatchBytes, Durability durability) {
        this.directory = directory;
        this.segmentSize = segmentSize;
        this.maxRecordFrame = maxBatchBytes;
        this.durability = durability;
        this.batch = ByteBuffer.allocateDirect(BLOCK_HEADER_LENGTH + maxBatchBytes).order(ByteOrder.LITTLE_ENDIAN);
        this.segmentHeader = ByteBuffer.allocateDirect(SEGMENT_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Opens (creating if needed) the journal in {@code directory}, recovering from a torn final write.
     *
     * @param segmentSize   bytes after which a new segment file is started
     * @param maxBatchBytes record bytes buffered between writes; also bounds the size of one record
     * @throws JournalCorruptedException when a segment is damaged where a torn final write cannot explain it
     * @throws JournalFormatException    when a segment is in a format this version does not read
     */
    public static Journal open(Path directory, long segmentSize, int maxBatchBytes, Durability durability)
            throws IOException {
        if (segmentSize < 4096) {
            throw new IllegalArgumentException("segmentSize = " + segmentSize + ": must be at least 4096 bytes");
        }
        if (maxBatchBytes < RECORD_HEADER_LENGTH + JournalFormat.ALIGNMENT || maxBatchBytes > segmentSize) {
            throw new IllegalArgumentException("maxBatchBytes = " + maxBatchBytes + ": must be between "
                    + (RECORD_HEADER_LENGTH + JournalFormat.ALIGNMENT) + " and segmentSize (" + segmentSize + ")");
        }
        OwnerOnlyFiles.createDirectories(directory);
        Journal journal = new Journal(directory, segmentSize, maxBatchBytes, durability);
        journal.recover();
        return journal;
    }

    /** The sequence of the last committed record, 0 when the journal is empty. */
    public long lastSequence() {
        return committedSequence;
    }

    /**
     * The sequence of the first record the journal holds: 1, unless segments before it were {@link #retire retired}.
     * {@code lastSequence() + 1} when it holds none.
     */
    public long firstSequence() {
        return firstSequence;
    }

    /** The directory of the segment files. */
    public Path directory() {
        return directory;
    }

    /**
     * Buffers one record; it is durable only once {@link #commit()} returns.
     *
     * @param payload the bytes between its position and limit; its position is left unchanged
     * @return the record's sequence number
     */
    public long append(int type, long timestampNanos, ByteBuffer payload) throws IOException {
        int payloadLength = payload.remaining();
        if (payloadLength > maxRecordFrame - RECORD_HEADER_LENGTH) {
            throw new IllegalArgumentException("record of " + payloadLength + " bytes exceeds the journal's maximum of "
                    + (maxRecordFrame - RECORD_HEADER_LENGTH) + " bytes");
        }
        checkNotFailed();
        int frameLength = align(RECORD_HEADER_LENGTH + payloadLength);
        int pending = batch.position() == 0 ? BLOCK_HEADER_LENGTH : batch.position();
        boolean segmentHoldsRecords = segmentPosition > SEGMENT_HEADER_LENGTH || batch.position() > 0;
        if (segmentPosition + pending + frameLength > segmentSize && segmentHoldsRecords) {
            flushBatch();
            rollSegment();
        } else if (pending + frameLength > batch.capacity()) {
            flushBatch();
        }
        if (batch.position() == 0) {
            blockFirstSequence = nextSequence;
            batch.position(BLOCK_HEADER_LENGTH);
        }
        long sequence = nextSequence++;
        int start = batch.position();
        batch.putInt(start, frameLength);
        batch.putLong(start + 8, sequence);
        batch.putLong(start + 16, timestampNanos);
        batch.putInt(start + 24, type);
        batch.putInt(start + 28, payloadLength);
        batch.put(start + RECORD_HEADER_LENGTH, payload, payload.position(), payloadLength);
        for (int i = start + RECORD_HEADER_LENGTH + payloadLength; i < start + frameLength; i++) {
            batch.put(i, (byte) 0);
        }
        batch.putInt(start + 4, JournalFormat.checksum(batch, start + 8, start + frameLength, crc));
        batch.position(start + frameLength);
        return sequence;
    }

    /**
     * Refuses every later append and commit, and the commit {@link #close()} would make: for an engine that halted
     * in the middle of a batch, whose uncommitted records must not become durable after the fact. Same thread as
     * the writes.
     */
    public void refuseFurtherWrites(String reason) {
        if (failure == null) {
            failure = new IOException(reason);
        }
    }

    /** Writes every buffered record and, with {@link Durability#FSYNC}, forces it to the device. */
    public void commit() throws IOException {
        checkNotFailed();
        flushBatch();
        if (durability == Durability.FSYNC) {
            force();
        }
        committedSequence = nextSequence - 1;
    }

    /**
     * Replays committed records with a sequence of at least {@code fromSequence}, in order. Segments that end before
     * it are not opened: their names say where the next one starts.
     *
     * @throws IllegalArgumentException when {@code fromSequence} is before {@link #firstSequence()}: those records
     *                                  were retired, and replaying from later would lose them without a word
     */
    public void replay(long fromSequence, RecordHandler handler) throws IOException {
        if (fromSequence < firstSequence) {
            throw new IllegalArgumentException("replay from sequence " + fromSequence + ": the journal in "
                    + directory + " starts at sequence " + firstSequence + "; the records before it were retired");
        }
        List<Path> segments = segments();
        for (int i = 0; i < segments.size(); i++) {
            long lastInSegment = i + 1 < segments.size() ? firstSequenceOf(segments.get(i + 1)) - 1 : committedSequence;
            if (lastInSegment >= fromSequence && !replaySegment(segments.get(i), fromSequence, handler)) {
                return;
            }
        }
    }

    /** @return false once a record after the last committed one is reached */
    private boolean replaySegment(Path path, long fromSequence, RecordHandler handler) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            mapped.order(ByteOrder.LITTLE_ENDIAN);
            int block = SEGMENT_HEADER_LENGTH;
            while (block + BLOCK_HEADER_LENGTH <= mapped.limit()) {
                int blockLength = mapped.getInt(block + 8);
                long blockFirst = mapped.getLong(block + 16);
                if (blockLength < BLOCK_HEADER_LENGTH || block + (long) blockLength > mapped.limit()) {
                    // Checked when the journal opened: the file changed under the running journal.
                    throw new JournalCorruptedException(path, block, "commit of " + blockLength
                            + " bytes does not fit the file any more");
                }
                int end = block + blockLength;
                if (blockFirst > committedSequence) {
                    return false;
                }
                if (blockFirst + mapped.getInt(block + 12) > fromSequence) {
                    for (int record = block + BLOCK_HEADER_LENGTH; record < end; record += mapped.getInt(record)) {
                        long sequence = mapped.getLong(record + 8);
                        if (sequence > committedSequence) {
                            return false;
                        }
                        if (sequence >= fromSequence) {
                            ByteBuffer payload = mapped.slice(record + RECORD_HEADER_LENGTH, mapped.getInt(record + 28))
                                    .asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
                            handler.onRecord(sequence, mapped.getLong(record + 16), mapped.getInt(record + 24),
                                    payload);
                        }
                    }
                }
                block = end;
            }
            return true;
        }
    }

    /**
     * Moves into {@code archive} (or deletes, when it is null) every segment whose records all have a sequence of at
     * most {@code throughSequence}: the engine calls it once a snapshot makes them unnecessary for recovery. The
     * segment being written is never retired. Oldest first, so that a crash in between leaves the journal whole
     * from some sequence on; each move is a rename within the file system, made durable with the directories.
     *
     * @return the segments retired, oldest first, as they were named in the journal directory
     */
    public List<Path> retire(long throughSequence, Path archive) throws IOException {
        List<Path> segments = segments();
        List<Path> retired = new ArrayList<>();
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (firstSequenceOf(segments.get(i + 1)) - 1 > throughSequence) {
                break;
            }
            retired.add(segments.get(i));
        }
        if (retired.isEmpty()) {
            return retired;
        }
        if (archive != null) {
            OwnerOnlyFiles.createDirectories(archive);
        }
        for (int i = 0; i < retired.size(); i++) {
            Path segment = retired.get(i);
            if (archive != null) {
                Files.move(segment, archive.resolve(segment.getFileName()), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.delete(segment);
            }
            // Kept current move by move: if the next one fails, the journal still knows where it starts.
            firstSequence = firstSequenceOf(segments.get(i + 1));
        }
        if (archive != null) {
            forceDirectory(archive); // a rename changes two directories; both must be durable
        }
        forceDirectory(directory);
        return retired;
    }

    @Override
    public void close() throws IOException {
        if (segment != null) {
            try {
                if (failure == null) {
                    commit();
                }
            } finally {
                segment.close();
                segment = null;
            }
        }
    }

    private void flushBatch() throws IOException {
        int blockLength = batch.position();
        if (blockLength == 0) {
            return;
        }
        JournalFormat.putBlockHeader(batch, blockLength, (int) (nextSequence - blockFirstSequence),
                blockFirstSequence, crc);
        batch.flip();
        try {
            while (batch.hasRemaining()) {
                segmentPosition += segment.write(batch, segmentPosition);
            }
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        batch.clear();
    }

    private void force() throws IOException {
        try {
            segment.force(false);
        } catch (IOException e) {
            // After a failed fsync the kernel may have dropped the dirty pages: nothing written since is trustworthy.
            failure = e;
            throw e;
        }
    }

    /** A failed write or force leaves the file's end unknown; appending after it could acknowledge a lost record. */
    private void checkNotFailed() throws IOException {
        if (failure != null) {
            throw new IOException("the journal failed earlier and accepts no more records: " + failure.getMessage(),
                    failure);
        }
    }

    private void rollSegment() throws IOException {
        if (durability == Durability.FSYNC) {
            force();
        }
        segment.close();
        openSegment(nextSequence);
    }

    private void openSegment(long firstSequence) throws IOException {
        segment = OwnerOnlyFiles.createNew(segmentPath(firstSequence));
        writeSegmentHeader(firstSequence);
        if (durability == Durability.FSYNC) {
            force();
            forceDirectory();
        }
    }

    private void writeSegmentHeader(long firstSequence) throws IOException {
        JournalFormat.putSegmentHeader(segmentHeader, firstSequence, crc);
        segmentHeader.clear();
        segmentPosition = 0;
        while (segmentHeader.hasRemaining()) {
            segmentPosition += segment.write(segmentHeader, segmentPosition);
        }
    }

    /** Makes a new segment's directory entry durable, or a crash could lose a whole fsync'ed file. */
    private void forceDirectory() throws IOException {
        forceDirectory(directory);
    }

    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException unsupported) {
            // Some file systems cannot open a directory for reading; the segment data itself is still forced.
        }
    }

    private void recover() throws IOException {
        List<Path> segments = segments();
        // Segments before the first one were retired after a snapshot; the engine checks that one covers them.
        long expected = segments.isEmpty() ? 1 : firstSequenceOf(segments.get(0));
        if (expected < 1) {
            throw new JournalCorruptedException(segments.get(0), 0, "its name says it starts at sequence " + expected);
        }
        firstSequence = expected;
        SegmentScan scan = null;
        for (int i = 0; i < segments.size(); i++) {
            Path path = segments.get(i);
            long first = firstSequenceOf(path);
            if (first != expected) {
                throw new JournalCorruptedException(path, 0, "starts at sequence " + first + ", expected " + expected);
            }
            scan = SegmentScan.scan(path, first, i == segments.size() - 1);
            expected = scan.nextSequence();
        }
        nextSequence = expected;
        committedSequence = expected - 1;
        if (scan == null) {
            openSegment(1);
            return;
        }
        Path last = segments.get(segments.size() - 1);
        segment = FileChannel.open(last, StandardOpenOption.WRITE);
        if (scan.tornBytes() > 0) {
            // A write that never completed: nothing in it was acknowledged, so it is dropped.
            LOG.warn("Journal segment {}: dropped {} bytes from offset {}, a write cut short by a crash (never"
                    + " acknowledged); the journal ends at sequence {}", last, scan.tornBytes(), scan.validEnd(),
                    committedSequence);
            segment.truncate(scan.validEnd());
        }
        segmentPosition = scan.validEnd();
        if (segmentPosition < SEGMENT_HEADER_LENGTH) {
            writeSegmentHeader(firstSequenceOf(last)); // the crash came between creating the segment and writing this
        }
        if (segmentPosition != scan.validEnd() || scan.tornBytes() > 0) {
            segment.force(false);
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().startsWith(SEGMENT_PREFIX)
                            && path.getFileName().toString().endsWith(SEGMENT_SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    private Path segmentPath(long firstSequence) {
        return directory.resolve(String.format("%s%020d%s", SEGMENT_PREFIX, firstSequence, SEGMENT_SUFFIX));
    }

    private static long firstSequenceOf(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(SEGMENT_PREFIX.length(), name.length() - SEGMENT_SUFFIX.length()));
    }
}
