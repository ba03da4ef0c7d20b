package io.alphintra.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.alerts.Acknowledgement;
import io.alphintra.alerts.Alert;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertScope;
import io.alphintra.alerts.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertFileTest {
    @TempDir
    Path folder;

    private static AlertRecord record(long id, String message, Acknowledgement ack) {
        Alert alert = new Alert("strategy.quarantine.momentum-1", Severity.CRITICAL, "strategy-host", message,
                new AlertScope("ACC-1", "momentum-1", null, "AAPL@SIMX_US"), 1_000 + id);
        return new AlertRecord(id, alert, id * 2, 1_000 + id, 2_000 + id, ack);
    }

    @Test
    void everyFieldSurvivesTheFileTabsNewlinesAndBackslashesIncluded() throws Exception {
        AlertRecord tricky = record(7, "line one\nline\ttwo \\ \\n not an escape\r\u00e9\u4e2d",
                new Acknowledgement("alice", 42, "checked\tthe \\ venue\n"));
        try (AlertFile file = new AlertFile(folder.resolve("alerts").resolve("alerts.log"))) {
            file.append(List.of(record(1, "first", null), tricky));
        }
        List<String> skipped = new ArrayList<>();
        try (AlertFile file = new AlertFile(folder.resolve("alerts").resolve("alerts.log"))) {
            TreeMap<Long, AlertRecord> loaded = file.load(skipped);
            assertThat(loaded.get(7L)).isEqualTo(tricky);
            assertThat(loaded.get(1L)).isEqualTo(record(1, "first", null));
            assertThat(file.lines()).isEqualTo(2);
        }
        assertThat(skipped).isEmpty();
    }

    @Test
    void theLastLineOfAnIdWins() throws Exception {
        Path path = folder.resolve("alerts.log");
        try (AlertFile file = new AlertFile(path)) {
            file.append(List.of(record(1, "first", null)));
            file.append(List.of(record(1, "first", new Acknowledgement("bob", 5, ""))));
        }
        try (AlertFile file = new AlertFile(path)) {
            assertThat(file.load(new ArrayList<>()).get(1L).acknowledgement().user()).isEqualTo("bob");
        }
    }

    @Test
    void aDamagedLineIsSkippedWithTheFileAndLineNamedAndTheRestIsRead() throws Exception {
        Path path = folder.resolve("alerts.log");
        try (AlertFile file = new AlertFile(path)) {
            file.append(List.of(record(1, "one", null), record(2, "two", null), record(3, "three", null)));
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
        lines.set(1, lines.get(1).replace("two", "TWO")); // a flipped byte: the checksum no longer matches
        lines.add("garbage without any structure");
        Files.write(path, lines, StandardCharsets.UTF_8);
        // and a last line cut short by a crash, without its newline
        String cut = new String(AlertFile.encode(record(5, "five", null)), StandardCharsets.UTF_8).substring(0, 30);
        Files.writeString(path, cut, StandardOpenOption.APPEND);

        List<String> skipped = new ArrayList<>();
        try (AlertFile file = new AlertFile(path)) {
            TreeMap<Long, AlertRecord> loaded = file.load(skipped);
            assertThat(loaded.keySet()).containsExactly(1L, 3L);
            // appending after a cut line starts a new line, so the new record is intact
            file.append(List.of(record(4, "four", null)));
        }
        assertThat(skipped).hasSize(3);
        assertThat(skipped.get(0)).contains(path.toAbsolutePath().toString(), "line 2", "checksum");
        assertThat(skipped.get(1)).contains("line 4");
        assertThat(skipped.get(2)).contains("line 5");

        try (AlertFile file = new AlertFile(path)) {
            assertThat(file.load(new ArrayList<>()).keySet()).containsExactly(1L, 3L, 4L);
        }
    }

    @Test
    void aRewriteKeepsOnlyWhatItIsGiven() throws Exception {
        Path path = folder.resolve("alerts.log");
        try (AlertFile file = new AlertFile(path)) {
            for (int i = 1; i <= 20; i++) {
                file.append(List.of(record(i, "n" + i, null)));
            }
            file.rewrite(List.of(record(19, "n19", null), record(20, "n20", null)));
            assertThat(file.lines()).isEqualTo(2);
            file.append(List.of(record(21, "n21", null)));
        }
        try (AlertFile file = new AlertFile(path)) {
            assertThat(file.load(new ArrayList<>()).keySet()).containsExactly(19L, 20L, 21L);
        }
        assertThat(Files.exists(folder.resolve("alerts.log.tmp"))).isFalse();
    }

    @Test
    void theFileAndItsFolderAreTheOwnersOnly() throws Exception {
        Path path = folder.resolve("data").resolve("alerts").resolve("alerts.log");
        try (AlertFile file = new AlertFile(path)) {
            file.append(List.of(record(1, "one", null)));
            file.rewrite(List.of(record(1, "one", null)));
        }
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent())))
                    .isEqualTo("rwx------");
        }
    }
}
