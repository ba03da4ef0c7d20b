package io.alphintra.engine.internal.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads a snapshot's body, whose checksum {@link SnapshotStore} verified before, through one buffer. Reading past
 * the body's end is a {@link SnapshotFormatException}: a body that does not fit its frame is refused, never
 * half-used.
 */
public final class SnapshotInput implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer buffer;
    /** Where the body ends: the trailer is not body. */
    private final long end;
    /** File offset of the byte after the buffer's limit. */
    private long filePosition;
    private final int formatVersion;

    /** @param buffer a heap buffer */
    SnapshotInput(Path path, FileChannel channel, ByteBuffer buffer, long start, long end, int formatVersion) {
        this.path = path;
        this.channel = channel;
        this.buffer = buffer.clear().order(ByteOrder.LITTLE_ENDIAN).limit(0);
        this.filePosition = start;
        this.end = end;
        this.formatVersion = formatVersion;
    }

    /** The format the file was written in, which its header names: a body reader tells older layouts by it. */
    public int formatVersion() {
        return formatVersion;
    }

    public byte getByte() throws IOException {
        ensure(1);
        return buffer.get();
    }

    public int getInt() throws IOException {
        ensure(Integer.BYTES);
        return buffer.getInt();
    }

    public long getLong() throws IOException {
        ensure(Long.BYTES);
        return buffer.getLong();
    }

    public String getString() throws IOException {
        int length = getInt();
        if (length < 0) {
            if (length != -1) {
                throw problem("string length " + length);
            }
            return null;
        }
        if (length <= buffer.capacity()) {
            ensure(length);
            String value = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length,
                    StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            return value;
        }
        return new String(bytes(length), StandardCharsets.UTF_8);
    }

    public <E extends Enum<E>> E getEnum(Class<E> type) throws IOException {
        String name = getString();
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw problem(type.getSimpleName() + " '" + name + "', which this version does not know");
        }
    }

    /**
     * The next {@code length} bytes as a little-endian view, valid until the next call; short pieces (a record) are
     * not copied.
     */
    public ByteBuffer slice(int length) throws IOException {
        if (length < 0) {
            throw problem("length " + length);
        }
        if (length > buffer.capacity()) {
            return ByteBuffer.wrap(bytes(length)).order(ByteOrder.LITTLE_ENDIAN);
        }
        ensure(length);
        ByteBuffer slice = buffer.slice(buffer.position(), length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(buffer.position() + length);
        return slice;
    }

    /** The next {@code length} bytes, copied. */
    public byte[] bytes(int length) throws IOException {
        if (length < 0 || length > remaining()) {
            throw problem("a piece of " + length + " bytes where " + remaining() + " remain");
        }
        byte[] bytes = new byte[length];
        int done = 0;
        while (done < length) {
            if (!buffer.hasRemaining()) {
                ensure(1);
            }
            int chunk = Math.min(length - done, buffer.remaining());
            buffer.get(bytes, done, chunk);
            done += chunk;
        }
        return bytes;
    }

    /** Body bytes not read yet. */
    public long remaining() {
        return end - filePosition + buffer.remaining();
    }

    /** A problem with the body at the current offset, naming the file. */
    public SnapshotFormatException problem(String what) {
        return new SnapshotFormatException(path, filePosition - buffer.remaining(), what);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void ensure(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return;
        }
        if (remaining() < bytes) {
            throw problem("the body ends " + remaining() + " bytes later, " + bytes + " bytes were expected");
        }
        buffer.compact();
        buffer.limit((int) Math.min(buffer.capacity(), buffer.position() + (end - filePosition)));
        while (buffer.position() < bytes) {
            int read = channel.read(buffer, filePosition);
            if (read < 0) {
                throw problem("the file ends before its body");
            }
            filePosition += read;
        }
        buffer.flip();
    }
}
