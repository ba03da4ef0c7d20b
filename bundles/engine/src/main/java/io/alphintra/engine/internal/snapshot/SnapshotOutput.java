package io.alphintra.engine.internal.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Writes a snapshot's bytes through one reused buffer and checksums them on their way out, so that a book of
 * millions of orders never has to fit in memory twice. Strings and enums are encoded as in the journal's records:
 * an int length and UTF-8 bytes (-1 for null), enums by name.
 */
public final class SnapshotOutput {
    private static final int MAX_INLINE_CHARS = 4096;

    private final FileChannel channel;
    private final ByteBuffer buffer;
    private final CRC32C crc = new CRC32C();
    private long written;
    private final int formatVersion;

    /** @param buffer a heap buffer, at least 8 KiB */
    SnapshotOutput(FileChannel channel, ByteBuffer buffer, int formatVersion) {
        this.channel = channel;
        this.buffer = buffer.clear().order(ByteOrder.LITTLE_ENDIAN);
        this.formatVersion = formatVersion;
    }

    /** The format the file's header names, which the body must be laid out in. */
    public int formatVersion() {
        return formatVersion;
    }

    public SnapshotOutput putByte(int value) throws IOException {
        ensure(1);
        buffer.put((byte) value);
        return this;
    }

    public SnapshotOutput putInt(int value) throws IOException {
        ensure(Integer.BYTES);
        buffer.putInt(value);
        return this;
    }

    public SnapshotOutput putLong(long value) throws IOException {
        ensure(Long.BYTES);
        buffer.putLong(value);
        return this;
    }

    public SnapshotOutput putString(String value) throws IOException {
        if (value == null) {
            return putInt(-1);
        }
        int length = value.length();
        if (length <= MAX_INLINE_CHARS) {
            ensure(Integer.BYTES + length);
            // Ids and names are ASCII: their UTF-8 bytes are their chars, copied straight into the buffer.
            byte[] bytes = buffer.array();
            int at = buffer.arrayOffset() + buffer.position() + Integer.BYTES;
            int i = 0;
            for (char c; i < length && (c = value.charAt(i)) < 0x80; i++) {
                bytes[at + i] = (byte) c;
            }
            if (i == length) {
                buffer.putInt(length).position(buffer.position() + length);
                return this;
            }
        }
        byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
        putInt(encoded.length);
        return put(ByteBuffer.wrap(encoded));
    }

    /**
     * As {@link #putString} for a string known to be ASCII, such as a client order id (the SDK admits only printable
     * ASCII): its chars' low bytes are copied as a block, the bulk of a snapshot's strings at a fraction of the cost.
     */
    @SuppressWarnings("deprecation")
    public SnapshotOutput putAscii(String value) throws IOException {
        int length = value.length();
        if (length > MAX_INLINE_CHARS) {
            return putString(value);
        }
        ensure(Integer.BYTES + length);
        buffer.putInt(length);
        value.getBytes(0, length, buffer.array(), buffer.arrayOffset() + buffer.position());
        buffer.position(buffer.position() + length);
        return this;
    }

    public SnapshotOutput putEnum(Enum<?> value) throws IOException {
        return putString(value == null ? null : value.name());
    }

    /** The bytes between {@code source}'s position and limit, however many; its position moves to its limit. */
    public SnapshotOutput put(ByteBuffer source) throws IOException {
        while (source.hasRemaining()) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            int chunk = Math.min(source.remaining(), buffer.remaining());
            buffer.put(buffer.position(), source, source.position(), chunk);
            buffer.position(buffer.position() + chunk);
            source.position(source.position() + chunk);
        }
        return this;
    }

    /** Bytes written so far, buffered ones included. */
    public long size() {
        return written + buffer.position();
    }

    /** Writes the trailer (end magic and the checksum of everything before it) and flushes; returns the file size. */
    long finish() throws IOException {
        putInt(SnapshotFormat.END_MAGIC);
        flush();
        buffer.putInt((int) crc.getValue()).flip();
        while (buffer.hasRemaining()) {
            written += channel.write(buffer, written);
        }
        buffer.clear();
        return written;
    }

    private void ensure(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        crc.update(buffer.duplicate());
        while (buffer.hasRemaining()) {
            written += channel.write(buffer, written);
        }
        buffer.clear();
    }
}
