package io.alphintra.engine.internal.journal;

import static io.alphintra.engine.internal.journal.JournalFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segments retired after a snapshot: only whole ones, never the one being written; the rest opens and replays. */
class JournalRetirementTest {
    private static final int SEGMENT = 8 * 1024;
    private static final int BATCH = 4 * 1024;
    private static final String PAYLOAD = "r".repeat(900);

    @TempDir
    Path directory;

    @Test
    void onlySegmentsWhoseEveryRecordIsCoveredAreArchivedAndTheRestOpensAndReplays() throws IOException {
        List<Path> before;
        long through;
        try (Journal journal = open()) {
            appendRecords(journal, 60);
            before = segments(directory);
            assertThat(before).hasSizeGreaterThan(5);
            // A sequence inside the fourth segment: the three before it are covered, the fourth is not.
            through = first(before.get(3)) + 1;
            List<Path> retired = journal.retire(through, directory.resolve("archive"));

            assertThat(retired).containsExactlyElementsOf(before.subList(0, 3));
            assertThat(segments(directory.resolve("archive"))).extracting(Path::getFileName)
                    .containsExactlyElementsOf(before.subList(0, 3).stream().map(Path::getFileName).toList());
            assertThat(segments(directory)).containsExactlyElementsOf(before.subList(3, before.size()));
            assertThat(journal.firstSequence()).isEqualTo(first(before.get(3)));
            assertThat(JournalFiles.readAll(journal, journal.firstSequence())).first()
                    .extracting(JournalFiles.Entry::sequence).isEqualTo(first(before.get(3)));
            assertThatThrownBy(() -> JournalFiles.readAll(journal, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("starts at sequence " + first(before.get(3)));
        }
        try (Journal journal = open()) {
            assertThat(journal.firstSequence()).isEqualTo(first(before.get(3)));
            assertThat(journal.lastSequence()).isEqualTo(60);
            assertThat(JournalFiles.readAll(journal, through)).extracting(JournalFiles.Entry::sequence)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(through, 60).boxed().toList());
            assertThat(journal.append(1, 61L, text("after"))).isEqualTo(61);
            journal.commit();
        }
    }

    @Test
    void theSegmentBeingWrittenIsNeverRetiredAndDeleteLeavesNoCopy() throws IOException {
        try (Journal journal = open()) {
            appendRecords(journal, 30);
            List<Path> before = segments(directory);
            List<Path> retired = journal.retire(Long.MAX_VALUE, null);

            assertThat(retired).containsExactlyElementsOf(before.subList(0, before.size() - 1));
            assertThat(segments(directory)).containsExactly(before.get(before.size() - 1));
            assertThat(directory.resolve("archive")).doesNotExist();
            assertThat(journal.append(1, 31L, text("still written"))).isEqualTo(31);
            journal.commit();
            assertThat(JournalFiles.readAll(journal, journal.firstSequence()).get(0).sequence())
                    .isEqualTo(first(before.get(before.size() - 1)));
        }
        try (Journal journal = open()) {
            assertThat(journal.lastSequence()).isEqualTo(31);
        }
    }

    @Test
    void replayFromALaterSequenceNeverOpensTheSegmentsBeforeIt() throws IOException {
        try (Journal journal = open()) {
            appendRecords(journal, 60);
            List<Path> segments = segments(directory);
            long from = first(segments.get(4)) + 1;
            // Wreck every earlier segment: reading any of them now fails.
            for (Path segment : segments.subList(0, 4)) {
                byte[] garbage = new byte[(int) Files.size(segment)];
                Arrays.fill(garbage, (byte) 0xFF);
                Files.write(segment, garbage);
            }
            assertThat(JournalFiles.readAll(journal, from)).extracting(JournalFiles.Entry::sequence)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(from, 60).boxed().toList());
            assertThatThrownBy(() -> JournalFiles.readAll(journal, 1)).isInstanceOf(JournalCorruptedException.class);
        }
    }

    private static void appendRecords(Journal journal, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            journal.append(1, i, text(PAYLOAD));
            journal.commit();
        }
    }

    private static long first(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring("segment-".length(), name.length() - ".journal".length()));
    }

    private static List<Path> segments(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".journal")).sorted().toList();
        }
    }

    private Journal open() throws IOException {
        return Journal.open(directory, SEGMENT, BATCH, Durability.WRITE);
    }
}
