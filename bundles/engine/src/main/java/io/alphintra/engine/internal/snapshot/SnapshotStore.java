package io.alphintra.engine.internal.snapshot;

import static io.alphintra.engine.internal.snapshot.SnapshotFormat.HEADER_LENGTH;
import static io.alphintra.engine.internal.snapshot.SnapshotFormat.TRAILER_LENGTH;

import io.alphintra.files.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The engine's snapshot files in one directory: written atomically (temporary file, force, rename, force of the
 * directory), verified whole before use, the newest few kept. What goes into a snapshot is the engine's business
 * ({@code EngineSnapshot}); this class knows only the frame ({@link SnapshotFormat}).
 */
public final class SnapshotStore {
    private static final int BUFFER_BYTES = 1 << 20;

    private final Path directory;
    /** Reused by every write and read: snapshots happen one at a time, on the engine thread. */
    private ByteBuffer buffer;

    /** A snapshot file with the journal sequence it covers. */
    public record Entry(long sequence, Path path) {
    }

    /** Writes a snapshot's body. */
    @FunctionalInterface
    public interface Body {
        void writeTo(SnapshotOutput out) throws IOException;
    }

    public SnapshotStore(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Where the snapshot covering {@code sequence} is, once written. */
    public Path path(long sequence) {
        return directory.resolve(SnapshotFormat.fileName(sequence));
    }

    /** Snapshot files, newest (highest sequence) first; none when the directory does not exist. */
    public List<Entry> list() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                String name = path.getFileName().toString();
                if (name.startsWith(SnapshotFormat.PREFIX) && name.endsWith(SnapshotFormat.SUFFIX)) {
                    String digits = name.substring(SnapshotFormat.PREFIX.length(),
                            name.length() - SnapshotFormat.SUFFIX.length());
                    try {
                        entries.add(new Entry(Long.parseLong(digits), path));
                    } catch (NumberFormatException notOurs) {
                        // A name the engine never writes: not a snapshot, left alone.
                    }
                }
            }
        }
        entries.sort(Comparator.comparingLong(Entry::sequence).reversed());
        return entries;
    }

    /**
     * Writes the snapshot covering {@code sequence} under a temporary name, forces it, renames it into place and
     * forces the directory: once this returns, the snapshot survives a crash, and before it no file with the final
     * name exists (an earlier one of the same sequence is replaced whole).
     *
     * @return the file's size in bytes
     */
    public long write(long sequence, long takenAtEpochNanos, Body body) throws IOException {
        return write(sequence, takenAtEpochNanos, SnapshotFormat.VERSION, body);
    }

    /**
     * As {@link #write(long, long, Body)}, in an older format this version still reads ({@link
     * SnapshotOutput#formatVersion()} tells the body which): what a node upgraded from an older release finds.
     */
    public long write(long sequence, long takenAtEpochNanos, int formatVersion, Body body) throws IOException {
        if (formatVersion < SnapshotFormat.OLDEST_READ || formatVersion > SnapshotFormat.VERSION) {
            throw new IllegalArgumentException("snapshot format " + formatVersion + ": this version writes formats "
                    + SnapshotFormat.OLDEST_READ + " to " + SnapshotFormat.VERSION);
        }
        OwnerOnlyFiles.createDirectories(directory);
        Path target = directory.resolve(SnapshotFormat.fileName(sequence));
        Path temporary = directory.resolve(target.getFileName() + SnapshotFormat.TEMPORARY_SUFFIX);
        long size;
        try {
            Files.deleteIfExists(temporary); // left by a crash, perhaps with wider permissions
            try (FileChannel channel = OwnerOnlyFiles.createNew(temporary)) {
                SnapshotOutput out = new SnapshotOutput(channel, buffer(), formatVersion);
                out.putInt(SnapshotFormat.MAGIC).putInt(formatVersion).putLong(sequence)
                        .putLong(takenAtEpochNanos);
                body.writeTo(out);
                size = out.finish();
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        forceDirectory();
        return size;
    }

    /**
     * Reads the whole file and checks its frame: header, version, the sequence its name gives, end magic and
     * checksum.
     *
     * @return null when it is intact, else what is wrong, with the offset where it is known
     */
    public String problem(Entry entry) throws IOException {
        try (FileChannel channel = FileChannel.open(entry.path(), StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < HEADER_LENGTH + TRAILER_LENGTH) {
                return "only " + size + " bytes long, shorter than a snapshot's header and trailer";
            }
            ByteBuffer data = buffer();
            CRC32C crc = new CRC32C();
            long checked = size - Integer.BYTES;
            long position = 0;
            ByteBuffer header = null;
            while (position < checked) {
                data.clear().limit((int) Math.min(data.capacity(), checked - position));
                while (data.hasRemaining()) {
                    if (channel.read(data, position + data.position()) < 0) {
                        return "the file shrank while it was read";
                    }
                }
                data.flip();
                if (position == 0) {
                    header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN)
                            .put(data.duplicate().limit(HEADER_LENGTH)).flip();
                }
                crc.update(data);
                position += data.limit();
            }
            ByteBuffer trailer = ByteBuffer.allocate(TRAILER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
            while (trailer.hasRemaining()) {
                if (channel.read(trailer, size - TRAILER_LENGTH + trailer.position()) < 0) {
                    return "the file shrank while it was read";
                }
            }
            int endMagic = trailer.getInt(0);
            int storedCrc = trailer.getInt(Integer.BYTES);
            if (header.getInt(0) != SnapshotFormat.MAGIC) {
                return String.format("offset 0: no snapshot header (found 0x%08x)", header.getInt(0));
            }
            if ((int) crc.getValue() != storedCrc) {
                return String.format("checksum mismatch over its %d bytes (stored 0x%08x, computed 0x%08x):"
                        + " damaged since it was written", size, storedCrc, (int) crc.getValue());
            }
            int version = header.getInt(4);
            if (version < SnapshotFormat.OLDEST_READ || version > SnapshotFormat.VERSION) {
                return "snapshot format " + version + ", this version reads only formats " + SnapshotFormat.OLDEST_READ
                        + " to " + SnapshotFormat.VERSION + (version < SnapshotFormat.OLDEST_READ ? " (format 1 came"
                        + " from development builds before finished orders were forgotten; the journal stands in"
                        + " for it)" : "");
            }
            if (header.getLong(8) != entry.sequence()) {
                return "its header says journal sequence " + header.getLong(8) + ", its name says "
                        + entry.sequence();
            }
            if (endMagic != SnapshotFormat.END_MAGIC) {
                return "offset " + (checked - Integer.BYTES) + ": no snapshot trailer";
            }
            return null;
        } catch (NoSuchFileException e) {
            return "the file disappeared";
        }
    }

    /** The body of a snapshot that {@link #problem} found intact. */
    public SnapshotInput open(Entry entry) throws IOException {
        FileChannel channel = FileChannel.open(entry.path(), StandardOpenOption.READ);
        try {
            // problem() read and checked this header before; the body's layout depends on its format version.
            ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(header, 0);
            return new SnapshotInput(entry.path(), channel, buffer(), HEADER_LENGTH, channel.size() - TRAILER_LENGTH,
                    header.getInt(4));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The wall time (epoch nanoseconds) the snapshot says it was taken at. */
    public long takenAt(Entry entry) throws IOException {
        try (FileChannel channel = FileChannel.open(entry.path(), StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(header, 0);
            return header.getLong(16);
        }
    }

    /**
     * Renames a snapshot that must not be used out of the rotation (kept for investigation).
     *
     * @return its new path
     */
    public Path setAside(Entry entry) throws IOException {
        Path aside = entry.path().resolveSibling(entry.path().getFileName() + SnapshotFormat.UNUSABLE_SUFFIX);
        Files.move(entry.path(), aside, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        return aside;
    }

    /**
     * Deletes every snapshot but the {@code keep} newest.
     *
     * @return the kept ones, newest first
     */
    public List<Entry> prune(int keep) throws IOException {
        List<Entry> entries = list();
        for (Entry old : entries.subList(Math.min(keep, entries.size()), entries.size())) {
            Files.deleteIfExists(old.path());
        }
        return entries.subList(0, Math.min(keep, entries.size()));
    }

    /**
     * Removes what a crash left of a snapshot being written: it was never renamed into place, so nothing relied on it.
     *
     * @return the files removed
     */
    public List<Path> deleteTemporaries() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> removed = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                String name = path.getFileName().toString();
                if (name.startsWith(SnapshotFormat.PREFIX) && name.endsWith(SnapshotFormat.TEMPORARY_SUFFIX)) {
                    Files.delete(path);
                    removed.add(path);
                }
            }
        }
        return removed;
    }

    private ByteBuffer buffer() {
        if (buffer == null) {
            // On the heap: strings are encoded into and decoded from its array in place.
            buffer = ByteBuffer.allocate(BUFFER_BYTES);
        }
        return buffer.clear();
    }

    private void forceDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException unsupported) {
            // Some file systems cannot open a directory for reading; the snapshot's own bytes were forced.
        }
    }
}
