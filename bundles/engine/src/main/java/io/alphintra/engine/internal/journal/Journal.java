package io.alphintra.engine.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * An append-only, checksummed journal of the engine's commands and events, in segment files of a directory.
 *
 * <p>The engine appends the records of a batch and then {@link #commit() commits} them once: it acknowledges nothing
 * before the commit returns, so whatever was acknowledged is on disk (group commit: one write and one force per
 * batch, not per record). On open, the journal scans every segment; a record cut short or failing its checksum at the
 * very end of the last segment is a write torn by a crash and is truncated away (it was never acknowledged), while
 * damage anywhere else is corruption and the journal refuses to open.
 *
 * <p>Frame layout (little-endian, 8-byte aligned): {@code int frameLength, int crc32c, long sequence,
 * long timestampNanos, int type, int payloadLength, payload, padding}; the checksum covers everything after itself.
 *
 * <p>Single-threaded: one writer (the engine thread) owns a journal. Appending allocates nothing.
 */
public final class Journal implements AutoCloseable {
    static final int HEADER_LENGTH = 32;
    private static final int ALIGNMENT = 8;
    private static final String SEGMENT_PREFIX = "segment-";
    private static final String SEGMENT_SUFFIX = ".journal";

    private final Path directory;
    private final long segmentSize;
    private final Durability durability;
    private final ByteBuffer batch;
    private final CRC32C crc = new CRC32C();

    private FileChannel segment;
    private long segmentPosition;
    private long nextSequence;
    private long committedSequence;

    private Journal(Path directory, long segmentSize, int maxBatchBytes, Durability durability) {
        this.directory = directory;
        this.segmentSize = segmentSize;
        this.durability = durability;
        this.batch = ByteBuffer.allocateDirect(maxBatchBytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Opens (creating if needed) the journal in {@code directory}, recovering from a torn final write.
     *
     * @param segmentSize   bytes after which a new segment file is started
     * @param maxBatchBytes bytes buffered between writes; also bounds the size of one record
     * @throws JournalCorruptedException when a segment is damaged before its end
     */
    public static Journal open(Path directory, long segmentSize, int maxBatchBytes, Durability durability)
            throws IOException {
        if (segmentSize < 4096) {
            throw new IllegalArgumentException("segmentSize = " + segmentSize + ": must be at least 4096 bytes");
        }
        if (maxBatchBytes < HEADER_LENGTH + ALIGNMENT || maxBatchBytes > segmentSize) {
            throw new IllegalArgumentException("maxBatchBytes = " + maxBatchBytes + ": must be between "
                    + (HEADER_LENGTH + ALIGNMENT) + " and segmentSize (" + segmentSize + ")");
        }
        Files.createDirectories(directory);
        Journal journal = new Journal(directory, segmentSize, maxBatchBytes, durability);
        journal.recover();
        return journal;
    }

    /** The sequence of the last committed record, 0 when the journal is empty. */
    public long lastSequence() {
        return committedSequence;
    }

    /**
     * Buffers one record; it is durable only once {@link #commit()} returns.
     *
     * @param payload the bytes between its position and limit; its position is left unchanged
     * @return the record's sequence number
     */
    public long append(int type, long timestampNanos, ByteBuffer payload) throws IOException {
        int payloadLength = payload.remaining();
        int frameLength = align(HEADER_LENGTH + payloadLength);
        if (frameLength > batch.capacity()) {
            throw new IllegalArgumentException("record of " + payloadLength + " bytes exceeds the journal's maximum of "
                    + (batch.capacity() - HEADER_LENGTH) + " bytes");
        }
        if (segmentPosition + batch.position() + frameLength > segmentSize) {
            flushBatch();
            rollSegment();
        } else if (batch.remaining() < frameLength) {
            flushBatch();
        }
        long sequence = nextSequence++;
        int start = batch.position();
        batch.putInt(start, frameLength);
        batch.putLong(start + 8, sequence);
        batch.putLong(start + 16, timestampNanos);
        batch.putInt(start + 24, type);
        batch.putInt(start + 28, payloadLength);
        batch.put(start + HEADER_LENGTH, payload, payload.position(), payloadLength);
        for (int i = start + HEADER_LENGTH + payloadLength; i < start + frameLength; i++) {
            batch.put(i, (byte) 0);
        }
        crc.reset();
        batch.limit(start + frameLength).position(start + 8);
        crc.update(batch);
        batch.limit(batch.capacity());
        batch.putInt(start + 4, (int) crc.getValue());
        batch.position(start + frameLength);
        return sequence;
    }

    /** Writes every buffered record and, with {@link Durability#FSYNC}, forces it to the device. */
    public void commit() throws IOException {
        flushBatch();
        if (durability == Durability.FSYNC) {
            segment.force(false);
        }
        committedSequence = nextSequence - 1;
    }

    /** Replays committed records with a sequence of at least {@code fromSequence}, in order. */
    public void replay(long fromSequence, RecordHandler handler) throws IOException {
        for (Path path : segments()) {
            if (lastSequenceIn(path) < fromSequence) {
                continue;
            }
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
                mapped.order(ByteOrder.LITTLE_ENDIAN);
                int offset = 0;
                while (offset + HEADER_LENGTH <= mapped.limit()) {
                    int frameLength = mapped.getInt(offset);
                    long sequence = mapped.getLong(offset + 8);
                    if (sequence > committedSequence) {
                        return;
                    }
                    if (sequence >= fromSequence) {
                        int payloadLength = mapped.getInt(offset + 28);
                        ByteBuffer payload = mapped.slice(offset + HEADER_LENGTH, payloadLength)
                                .order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer();
                        handler.onRecord(sequence, mapped.getLong(offset + 16), mapped.getInt(offset + 24),
                                payload.order(ByteOrder.LITTLE_ENDIAN));
                    }
                    offset += frameLength;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (segment != null) {
            commit();
            segment.close();
            segment = null;
        }
    }

    private void flushBatch() throws IOException {
        batch.flip();
        while (batch.hasRemaining()) {
            segmentPosition += segment.write(batch, segmentPosition);
        }
        batch.clear();
    }

    private void rollSegment() throws IOException {
        if (durability == Durability.FSYNC) {
            segment.force(false);
        }
        segment.close();
        openSegment(nextSequence);
    }

    private void openSegment(long firstSequence) throws IOException {
        Path path = directory.resolve(String.format("%s%020d%s", SEGMENT_PREFIX, firstSequence, SEGMENT_SUFFIX));
        segment = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        segmentPosition = 0;
        if (durability == Durability.FSYNC) {
            forceDirectory();
        }
    }

    /** Makes a new segment's directory entry durable, or a crash could lose a whole fsync'ed file. */
    private void forceDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException unsupported) {
            // Some file systems cannot open a directory for reading; the segment data itself is still forced.
        }
    }

    private void recover() throws IOException {
        List<Path> segments = segments();
        long expected = 1;
        Path last = null;
        long validEnd = 0;
        for (int i = 0; i < segments.size(); i++) {
            Path path = segments.get(i);
            long first = firstSequenceOf(path);
            if (first != expected) {
                throw new JournalCorruptedException(path, 0, "starts at sequence " + first + ", expected " + expected);
            }
            boolean isLast = i == segments.size() - 1;
            ScanResult scan = scan(path, expected, isLast);
            expected = scan.nextSequence;
            last = path;
            validEnd = scan.validEnd;
        }
        nextSequence = expected;
        committedSequence = expected - 1;
        if (last == null) {
            openSegment(1);
            return;
        }
        segment = FileChannel.open(last, StandardOpenOption.WRITE);
        if (segment.size() > validEnd) {
            // A torn final write: never acknowledged, so it is dropped.
            segment.truncate(validEnd);
            segment.force(false);
        }
        segmentPosition = validEnd;
    }

    private record ScanResult(long nextSequence, long validEnd) {
    }

    private ScanResult scan(Path path, long firstSequence, boolean isLast) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            mapped.order(ByteOrder.LITTLE_ENDIAN);
            CRC32C check = new CRC32C();
            long expected = firstSequence;
            int offset = 0;
            while (offset < size) {
                String problem = frameProblem(mapped, offset, expected, check);
                if (problem != null) {
                    if (isLast) {
                        return new ScanResult(expected, offset);
                    }
                    throw new JournalCorruptedException(path, offset, problem);
                }
                offset += mapped.getInt(offset);
                expected++;
            }
            return new ScanResult(expected, offset);
        }
    }

    private static String frameProblem(MappedByteBuffer mapped, int offset, long expected, CRC32C check) {
        if (offset + HEADER_LENGTH > mapped.limit()) {
            return "frame header cut short";
        }
        int frameLength = mapped.getInt(offset);
        int payloadLength = mapped.getInt(offset + 28);
        if (frameLength < HEADER_LENGTH || frameLength % ALIGNMENT != 0 || payloadLength < 0
                || align(HEADER_LENGTH + payloadLength) != frameLength) {
            return "frame length " + frameLength + " does not fit payload length " + payloadLength;
        }
        if (offset + (long) frameLength > mapped.limit()) {
            return "frame of " + frameLength + " bytes cut short";
        }
        check.reset();
        check.update(mapped.slice(offset + 8, frameLength - 8));
        if ((int) check.getValue() != mapped.getInt(offset + 4)) {
            return "checksum mismatch";
        }
        long sequence = mapped.getLong(offset + 8);
        if (sequence != expected) {
            return "sequence " + sequence + ", expected " + expected;
        }
        return null;
    }

    private long lastSequenceIn(Path path) throws IOException {
        List<Path> segments = segments();
        int index = segments.indexOf(path);
        return index + 1 < segments.size() ? firstSequenceOf(segments.get(index + 1)) - 1 : committedSequence;
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> segments = new ArrayList<>(files
                    .filter(path -> path.getFileName().toString().startsWith(SEGMENT_PREFIX)
                            && path.getFileName().toString().endsWith(SEGMENT_SUFFIX))
                    .sorted()
                    .toList());
            return segments;
        }
    }

    private static long firstSequenceOf(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(SEGMENT_PREFIX.length(), name.length() - SEGMENT_SUFFIX.length()));
    }

    private static int align(int length) {
        return (length + ALIGNMENT - 1) & -ALIGNMENT;
    }
}
