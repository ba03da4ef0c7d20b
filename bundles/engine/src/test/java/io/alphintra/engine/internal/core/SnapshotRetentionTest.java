package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.engine.internal.journal.JournalRetention;
import io.alphintra.engine.internal.snapshot.SnapshotRecoveryException;
import io.alphintra.engine.internal.snapshot.SnapshotStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journal retention after snapshots: exactly the segments the older kept snapshot covers leave the journal, and the
 * engine still recovers, from either kept snapshot.
 */
class SnapshotRetentionTest {
    private static final int SEGMENT = 16 * 1024;

    @TempDir
    Path directory;

    private final RandomOrderFlow flow = new RandomOrderFlow(77L);
    private final List<Long> snapshots = new ArrayList<>();
    private String stoppedHash;

    @Test
    void archiveMovesOnlyTheSegmentsTheOlderKeptSnapshotCoversAndTheEngineStillRecovers() throws IOException {
        List<Path> all = run(JournalRetention.ARCHIVE);
        long older = snapshots.get(1);
        List<String> archived = names(directory.resolve("archive"));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i + 1 < all.size(); i++) {
            if (first(all.get(i + 1)) - 1 <= older) {
                expected.add(all.get(i).getFileName().toString());
            }
        }
        assertThat(expected).as("a run long enough to retire segments").hasSizeGreaterThan(3);
        assertThat(archived).containsExactlyElementsOf(expected);
        assertThat(names(directory)).doesNotContainAnyElementsOf(archived)
                .hasSize(all.size() - archived.size());
        assertThat(first(segments(directory).get(0))).as("the older snapshot's tail is still there")
                .isLessThanOrEqualTo(older + 1);
        assertThat(store().list()).extracting(SnapshotStore.Entry::sequence)
                .containsExactly(snapshots.get(2), snapshots.get(1));

        assertThat(recover()).isEqualTo(snapshots.get(2));

        // The newest damaged: the older one and its tail still rebuild everything.
        Path newest = store().path(snapshots.get(2));
        FileChannel.open(newest, StandardOpenOption.WRITE).truncate(Files.size(newest) / 2).close();
        assertThat(recover()).isEqualTo(snapshots.get(1));

        // Both damaged: nothing can stand in for the archived segments, and the engine says what to do.
        Path olderFile = store().path(snapshots.get(1));
        FileChannel.open(olderFile, StandardOpenOption.WRITE).truncate(100).close();
        try (Journal journal = open()) {
            EngineCore engine = flow.engine(journal);
            engine.enableSnapshots(new Snapshotter(journal, 0, JournalRetention.ARCHIVE));
            assertThatThrownBy(engine::recover).isInstanceOf(SnapshotRecoveryException.class)
                    .hasMessageContaining("starts at sequence " + journal.firstSequence())
                    .hasMessageContaining(olderFile.toString())
                    .hasMessageContaining(directory.resolve("archive").toString())
                    .hasMessageContaining("Nothing was changed on disk");
        }
        assertThat(olderFile).as("a refusal changes nothing").exists();

        // Putting the archived segments back makes the whole journal replayable again.
        for (String name : archived) {
            Files.move(directory.resolve("archive").resolve(name), directory.resolve(name));
        }
        assertThat(recover()).isZero();
    }

    @Test
    void deleteRemovesTheCoveredSegments() throws IOException {
        List<Path> all = run(JournalRetention.DELETE);
        long older = snapshots.get(1);
        assertThat(directory.resolve("archive")).doesNotExist();
        List<Path> left = segments(directory);
        assertThat(left).hasSizeLessThan(all.size() - 3);
        for (Path gone : all.subList(0, all.size() - left.size())) {
            assertThat(gone).doesNotExist();
        }
        assertThat(first(left.get(0))).isLessThanOrEqualTo(older + 1);
        assertThat(first(left.get(1)) - 1).as("the first segment left holds records after the older snapshot")
                .isGreaterThan(older);
        assertThat(recover()).isEqualTo(snapshots.get(2));
    }

    /** Three snapshots over a long flow; returns every segment the journal ever had, in order. */
    private List<Path> run(JournalRetention retention) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Journal journal = open()) {
            EngineCore engine = flow.engine(journal);
            engine.enableSnapshots(new Snapshotter(journal, 0, retention));
            engine.recover();
            for (int round = 0; round < 3; round++) {
                flow.steps(engine, 1_500);
                for (Path segment : segments(directory)) {
                    if (!all.contains(segment)) {
                        all.add(segment);
                    }
                }
                snapshots.add(engine.snapshot().sequence());
            }
            flow.steps(engine, 300);
            stoppedHash = engine.stateHash();
            for (Path segment : segments(directory)) {
                if (!all.contains(segment)) {
                    all.add(segment);
                }
            }
        }
        return all;
    }

    /** Recovers a new engine and checks it is the stopped one; returns the snapshot sequence it started from. */
    private long recover() throws IOException {
        try (Journal journal = open()) {
            EngineCore engine = flow.engine(journal);
            engine.enableSnapshots(new Snapshotter(journal, 0, JournalRetention.ARCHIVE));
            engine.recover();
            assertThat(engine.stateHash()).isEqualTo(stoppedHash);
            RandomOrderFlow.assertIndexAgreesWithTheScan(engine);
            return engine.recoveredFromSnapshot();
        }
    }

    private SnapshotStore store() {
        return new SnapshotStore(directory.resolve("snapshots"));
    }

    private Journal open() throws IOException {
        return Journal.open(directory, SEGMENT, 8 * 1024, Durability.WRITE);
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

    private static List<String> names(Path directory) throws IOException {
        return segments(directory).stream().map(p -> p.getFileName().toString()).toList();
    }
}
