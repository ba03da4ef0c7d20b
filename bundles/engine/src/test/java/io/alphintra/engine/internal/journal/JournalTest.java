package io.alphintra.engine.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final int SEGMENT = 64 * 1024;
    private static final int BATCH = 8 * 1024;

    @TempDir
    Path directory;

    record Entry(long sequence, long timestamp, int type, String payload) {
    }

    @Test
    void committedRecordsSurviveReopenInOrder() throws IOException {
        try (Journal journal = open()) {
            assertThat(journal.append(1, 100L, text("new order 1"))).isEqualTo(1);
            assertThat(journal.append(2, 200L, text("fill 1"))).isEqualTo(2);
            journal.commit();
            assertThat(journal.lastSequence()).isEqualTo(2);
        }
        try (Journal journal = open()) {
            assertThat(journal.lastSequence()).isEqualTo(2);
            assertThat(readAll(journal, 1)).containsExactly(
                    new Entry(1, 100L, 1, "new order 1"), new Entry(2, 200L, 2, "fill 1"));
            assertThat(journal.append(1, 300L, text("new order 2"))).isEqualTo(3);
            journal.commit();
            assertThat(readAll(journal, 3)).containsExactly(new Entry(3, 300L, 1, "new order 2"));
        }
    }

    @Test
    void uncommittedRecordsAreNotReplayed() throws IOException {
        try (Journal journal = open()) {
            journal.append(1, 1L, text("committed"));
            journal.commit();
            journal.append(1, 2L, text("buffered only"));
            assertThat(readAll(journal, 1)).extracting(Entry::payload).containsExactly("committed");
        }
    }

    @Test
    void recordsRollOverIntoNewSegments() throws IOException {
        String payload = "x".repeat(1000);
        try (Journal journal = open()) {
            for (int i = 0; i < 200; i++) {
                journal.append(7, i, text(payload + i));
                if (i % 10 == 0) {
                    journal.commit();
                }
            }
            journal.commit();
        }
        assertThat(segments()).hasSizeGreaterThan(2);
        try (Journal journal = open()) {
            List<Entry> entries = readAll(journal, 1);
            assertThat(entries).hasSize(200);
            for (int i = 0; i < 200; i++) {
                assertThat(entries.get(i)).isEqualTo(new Entry(i + 1, i, 7, payload + i));
            }
            assertThat(readAll(journal, 150)).hasSize(51).first().extracting(Entry::sequence).isEqualTo(150L);
        }
    }

    @Test
    void tornFinalWriteIsTruncatedAndAppendingContinues() throws IOException {
        try (Journal journal = open()) {
            journal.append(1, 1L, text("first"));
            journal.append(1, 2L, text("second"));
            journal.commit();
        }
        Path last = segments().get(segments().size() - 1);
        long size = Files.size(last);
        try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
            channel.truncate(size - 5); // the crash cut the second record short
        }
        try (Journal journal = open()) {
            assertThat(journal.lastSequence()).isEqualTo(1);
            assertThat(journal.append(1, 3L, text("third"))).isEqualTo(2);
            journal.commit();
        }
        try (Journal journal = open()) {
            assertThat(readAll(journal, 1)).extracting(Entry::payload).containsExactly("first", "third");
        }
    }

    @Test
    void checksumMismatchAtTheEndIsATornWrite() throws IOException {
        try (Journal journal = open()) {
            journal.append(1, 1L, text("first"));
            journal.append(1, 2L, text("second"));
            journal.commit();
        }
        Path last = segments().get(0);
        flipByte(last, Files.size(last) - 9);
        try (Journal journal = open()) {
            assertThat(readAll(journal, 1)).extracting(Entry::payload).containsExactly("first");
        }
    }

    @Test
    void damageBeforeTheEndRefusesToOpenAndNamesTheFile() throws IOException {
        try (Journal journal = open()) {
            for (int i = 0; i < 200; i++) {
                journal.append(1, i, text("y".repeat(1000)));
                journal.commit();
            }
        }
        Path first = segments().get(0);
        flipByte(first, Journal.HEADER_LENGTH + 3);
        assertThatThrownBy(this::open)
                .isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining(first.toString())
                .hasMessageContaining("offset 0")
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void oversizedRecordIsRejectedWithItsSize() throws IOException {
        try (Journal journal = open()) {
            assertThatThrownBy(() -> journal.append(1, 1L, ByteBuffer.allocate(BATCH)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("record of 8192 bytes exceeds the journal's maximum of 8160 bytes");
        }
    }

    private Journal open() throws IOException {
        return Journal.open(directory, SEGMENT, BATCH, Durability.FSYNC);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
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

    static ByteBuffer text(String value) {
        return ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.flip();
            one.put(0, (byte) (one.get(0) ^ 0x5A));
            channel.write(one, position);
        }
    }
}
