package io.alphintra.engine.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads journals back and damages their files the way crashes and failing storage do. */
final class JournalFiles {
    record Entry(long sequence, long timestamp, int type, String payload) {
    }

    private JournalFiles() {
    }

    static List<Entry> readAll(Journal journal, long from) throws IOException {
        List<Entry> entries = new ArrayList<>();
        journal.replay(from, (sequence, timestamp, type, payload) -> {
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            entries.add(new Entry(sequence, timestamp, type, new String(bytes, StandardCharsets.UTF_8)));
        });
        return entries;
    }

    static List<String> payloads(Journal journal) throws IOException {
        return readAll(journal, 1).stream().map(Entry::payload).toList();
    }

    static ByteBuffer text(String value) {
        return ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)).order(ByteOrder.LITTLE_ENDIAN);
    }

    static List<Path> segments(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    static Path lastSegment(Path directory) throws IOException {
        List<Path> segments = segments(directory);
        return segments.get(segments.size() - 1);
    }

    static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x5A));
            channel.write(one.rewind(), position);
        }
    }

    static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    /** Writes {@code bytes} at {@code position}, extending the file if needed. */
    static void overwrite(Path file, long position, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer, position + buffer.position());
            }
        }
    }

    static void zero(Path file, long from, long to) throws IOException {
        overwrite(file, from, new byte[(int) (to - from)]);
    }
}
