package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.engine.internal.journal.JournalRetention;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine process that takes snapshots every few records and archives the journal segments they cover is killed
 * with SIGKILL mid-stream; the engine rebuilt from its newest snapshot and the journal after it is the engine that
 * was acknowledged (same state hash), and the same as one rebuilt from the whole journal, archive included.
 */
class EngineKillTest {
    private static final int SEGMENT = 64 * 1024;
    private static final long SNAPSHOT_EVERY = 50;
    private static final int KILL_AFTER_STEPS = 1_500;

    @TempDir
    Path directory;

    @Test
    void theEngineRebuiltFromSnapshotAndJournalAfterKillMinusNineIsTheAcknowledgedOne() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Engine.class.getName(), directory.toString())
                .redirectErrorStream(true)
                .start();
        Map<Long, String> acknowledged = new HashMap<>();
        long lastAcknowledged = 0;
        int steps = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            // Read on after the kill: the lines the engine printed before it died are acknowledgements too.
            while ((line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                // A line the kill cut short acknowledged nothing.
                if (parts.length == 3 && parts[0].equals("ack") && parts[2].length() == 64) {
                    lastAcknowledged = Long.parseLong(parts[1]);
                    acknowledged.put(lastAcknowledged, parts[2]);
                    if (++steps == KILL_AFTER_STEPS) {
                        // SIGKILL, mid-stream: the engine is still trading. Through the handle, which unlike
                        // Process.destroyForcibly leaves its output open for the lines it printed before dying.
                        process.toHandle().destroyForcibly();
                    }
                }
            }
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(steps).isGreaterThanOrEqualTo(KILL_AFTER_STEPS);

        String recovered;
        try (Journal journal = open(directory)) {
            EngineCore engine = new RandomOrderFlow(0).engine(journal);
            engine.enableSnapshots(new Snapshotter(journal, 0, JournalRetention.ARCHIVE));
            engine.recover();
            recovered = engine.stateHash();
            assertThat(engine.recoveredFromSnapshot()).as("recovered from a snapshot").isPositive();
            assertThat(journal.firstSequence()).as("segments were archived while it ran").isGreaterThan(1);
            long last = journal.lastSequence();
            assertThat(last).as("every acknowledged record is there").isGreaterThanOrEqualTo(lastAcknowledged);
            if (acknowledged.containsKey(last)) {
                assertThat(recovered).isEqualTo(acknowledged.get(last));
            } else {
                // Killed between a commit and its acknowledgement: that one batch is there but was not reported.
                assertThat(last).isGreaterThan(lastAcknowledged);
            }
        }

        Path whole = Files.createDirectories(directory.resolve("whole"));
        for (Path segment : segments(directory.resolve("archive"))) {
            Files.copy(segment, whole.resolve(segment.getFileName()));
        }
        for (Path segment : segments(directory)) {
            Files.copy(segment, whole.resolve(segment.getFileName()));
        }
        try (Journal journal = open(whole)) {
            assertThat(journal.firstSequence()).isEqualTo(1);
            EngineCore replayed = new RandomOrderFlow(0).engine(journal);
            replayed.recover();
            assertThat(replayed.stateHash()).isEqualTo(recovered);
        }
    }

    private static Journal open(Path directory) throws IOException {
        return Journal.open(directory, SEGMENT, 16 * 1024, Durability.WRITE);
    }

    private static List<Path> segments(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".journal")).sorted().toList();
        }
    }

    /**
     * The process that gets killed: a random flow of orders and fills, a snapshot whenever the record count is due
     * (at the end of the batch, as the engine loop takes them), and after each batch the acknowledged sequence and
     * state hash.
     */
    public static final class Engine {
        public static void main(String[] args) throws IOException {
            RandomOrderFlow flow = new RandomOrderFlow(4_242L);
            try (Journal journal = open(Path.of(args[0]))) {
                EngineCore engine = flow.engine(journal);
                engine.enableSnapshots(new Snapshotter(journal, SNAPSHOT_EVERY, JournalRetention.ARCHIVE));
                engine.recover();
                while (true) {
                    flow.step(engine);
                    engine.afterBatch();
                    System.out.println("ack " + journal.lastSequence() + " " + engine.stateHash());
                }
            }
        }
    }
}
