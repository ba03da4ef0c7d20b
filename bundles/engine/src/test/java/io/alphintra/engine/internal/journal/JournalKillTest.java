package io.alphintra.engine.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer process is killed with SIGKILL while it appends and commits; every record it acknowledged before dying is
 * in the journal afterwards, intact and in order.
 */
class JournalKillTest {

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedRecordSurvivesKillMinusNine() throws Exception {
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), directory.toString())
                .redirectErrorStream(true)
                .start();
        long acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    acknowledged = Long.parseLong(line.substring(4));
                    if (acknowledged >= 3000) {
                        writer.destroyForcibly(); // SIGKILL, mid-stream: the writer is still appending
                        break;
                    }
                }
            }
        }
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).isGreaterThanOrEqualTo(3000);

        try (Journal journal = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE)) {
            assertThat(journal.lastSequence()).isGreaterThanOrEqualTo(acknowledged);
            List<JournalFiles.Entry> entries = JournalFiles.readAll(journal, 1);
            for (int i = 0; i < entries.size(); i++) {
                JournalFiles.Entry entry = entries.get(i);
                assertThat(entry.sequence()).isEqualTo(i + 1);
                assertThat(entry.payload()).isEqualTo(Writer.payload(entry.sequence()));
            }
        }
    }

    /** The process that gets killed: appends batches of records and prints each acknowledged sequence. */
    public static final class Writer {
        public static void main(String[] args) throws IOException {
            try (Journal journal = Journal.open(Path.of(args[0]), 1 << 20, 64 * 1024, Durability.WRITE)) {
                for (long batch = 0; ; batch++) {
                    long last = 0;
                    for (int i = 0; i < 10; i++) {
                        last = journal.append(1, batch, ByteBuffer.wrap(
                                payload(journal.lastSequence() + i + 1).getBytes(StandardCharsets.UTF_8)));
                    }
                    journal.commit();
                    System.out.println("ack " + last);
                }
            }
        }

        static String payload(long sequence) {
            return "order " + sequence + " " + "z".repeat((int) (sequence % 97));
        }
    }
}
