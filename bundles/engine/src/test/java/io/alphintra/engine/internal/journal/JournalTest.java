package io.alphintra.engine.internal.journal;

import static io.alphintra.engine.internal.journal.JournalFiles.payloads;
import static io.alphintra.engine.internal.journal.JournalFiles.readAll;
import static io.alphintra.engine.internal.journal.JournalFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.engine.internal.journal.JournalFiles.Entry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final int SEGMENT = 64 * 1024;
    private static final int BATCH = 8 * 1024;

    @TempDir
    Path directory;

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
            assertThat(payloads(journal)).containsExactly("committed");
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
        assertThat(JournalFiles.segments(directory)).hasSizeGreaterThan(2);
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
    void aBatchLargerThanTheBufferIsWrittenInSeveralCommitBlocksAndReplaysWhole() throws IOException {
        List<String> written = new ArrayList<>();
        try (Journal journal = open()) {
            for (int i = 0; i < 40; i++) { // 40 records of ~1 KB: five buffers' worth in one commit
                written.add(i + "z".repeat(1000));
                journal.append(3, i, text(written.get(i)));
            }
            journal.commit();
        }
        try (Journal journal = open()) {
            assertThat(journal.lastSequence()).isEqualTo(40);
            assertThat(payloads(journal)).isEqualTo(written);
        }
    }

    @Test
    void aRecordAsLargeAsTheBufferFitsEvenInASegmentOfTheSameSize() throws IOException {
        ByteBuffer largest = ByteBuffer.allocate(BATCH - JournalFormat.RECORD_HEADER_LENGTH);
        try (Journal journal = Journal.open(directory, BATCH, BATCH, Durability.WRITE)) {
            for (int i = 0; i < 3; i++) {
                journal.append(1, i, largest.clear());
                journal.commit();
            }
        }
        assertThat(JournalFiles.segments(directory)).hasSize(3);
        try (Journal journal = Journal.open(directory, BATCH, BATCH, Durability.WRITE)) {
            assertThat(readAll(journal, 1)).extracting(Entry::sequence).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void oversizedRecordIsRejectedWithItsSize() throws IOException {
        try (Journal journal = open()) {
            assertThatThrownBy(() -> journal.append(1, 1L, ByteBuffer.allocate(BATCH)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("record of 8192 bytes exceeds the journal's maximum of 8160 bytes");
            assertThatThrownBy(() -> journal.append(1, 1L, ByteBuffer.allocate(Integer.MAX_VALUE - 8)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aNewJournalStartsWithAVersionedSegmentHeader() throws IOException {
        try (Journal journal = open()) {
            journal.append(1, 1L, text("first"));
            journal.commit();
        }
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(JournalFiles.lastSegment(directory)))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(header.array(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("ALJN");
        assertThat(header.getInt(8)).isEqualTo(JournalFormat.VERSION);
        assertThat(header.getLong(16)).isEqualTo(1L);
    }

    private Journal open() throws IOException {
        return Journal.open(directory, SEGMENT, BATCH, Durability.FSYNC);
    }
}
