package io.alphintra.alerts.internal;

import io.alphintra.files.OwnerOnlyFiles;
import io.alphintra.alerts.Acknowledgement;
import io.alphintra.alerts.Alert;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertScope;
import io.alphintra.alerts.Severity;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The alerts file: one line per state of an alert (first raise, repeats, acknowledgement), appended and forced to
 * disk; on load the last intact line of each id wins. Each line ends in a CRC32C of the rest, so a line that was cut
 * short by a crash or damaged on disk is recognised and skipped, never read as a different alert. When the file holds
 * far more lines than alerts kept, it is rewritten with one line per kept alert (temporary file, fsync, rename).
 *
 * <p>Written with {@link FileOutputStream}, not a {@link FileChannel}: an interrupt of the writing thread (a shell
 * command's Ctrl-C during an acknowledgement) would close a channel for every later write.
 *
 * <p>The file and its folder are created readable by the node's user only (0600, 0700) where the file system has POSIX
 * permissions: alerts name accounts, strategies and what went wrong with them. Existing ones are left as they are.
 *
 * <p>Not thread-safe: the caller serialises every call.
 */
final class AlertFile implements Closeable {
    private static final String FORMAT = "v1";
    private static final int FIELDS = 18;
    /** A line longer than this is damage, not an alert (a whole alert is a few kilobytes at most). */
    private static final int MAX_LINE_BYTES = 64 * 1024;
    private static final String NULL = "\\-";

    private final Path file;
    private FileOutputStream stream;
    private BufferedOutputStream out;
    private long lines;
    /** The file may end in part of a line (a crash or a failed write): the next write starts a new line first. */
    private boolean partialLine;

    /** Opens (creating it and its folder where missing) the alerts file; nothing is read yet. */
    AlertFile(Path file) throws IOException {
        this.file = file.toAbsolutePath();
        OwnerOnlyFiles.createDirectories(this.file.getParent());
        try {
            OwnerOnlyFiles.createNew(this.file).close();
        } catch (FileAlreadyExistsException kept) {
            // the alerts of the previous run: load() reads them
        }
        openForAppend();
    }

    Path path() {
        return file;
    }

    /** Lines in the file, intact or not: what a rewrite would shrink. */
    long lines() {
        return lines;
    }

    /**
     * Every alert in the file, by id, each as its last intact line says.
     *
     * @param skipped receives one line per damaged line: the file, the line number and why it was skipped
     */
    TreeMap<Long, AlertRecord> load(List<String> skipped) throws IOException {
        TreeMap<Long, AlertRecord> records = new TreeMap<>();
        long number = 0;
        int last = '\n';
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            boolean tooLong = false;
            int b;
            while ((b = in.read()) != -1) {
                last = b;
                if (b != '\n') {
                    if (line.size() < MAX_LINE_BYTES) {
                        line.write(b);
                    } else {
                        tooLong = true;
                    }
                    continue;
                }
                number++;
                readLine(line.toByteArray(), tooLong, number, records, skipped);
                line.reset();
                tooLong = false;
            }
            if (line.size() > 0 || tooLong) {
                number++;
                readLine(line.toByteArray(), tooLong, number, records, skipped);
            }
        }
        lines = number;
        partialLine = last != '\n';
        return records;
    }

    /** Appends one line per record and forces them to disk. */
    void append(Collection<AlertRecord> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        if (out == null) {
            throw new IOException("the alerts file " + file + " is closed: the alerts service has stopped");
        }
        try {
            if (partialLine) {
                out.write('\n');
            }
            for (AlertRecord record : records) {
                out.write(encode(record));
                lines++;
            }
            out.flush();
            stream.getFD().sync();
            partialLine = false;
        } catch (IOException e) {
            partialLine = true;
            throw new IOException("cannot append to the alerts file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the file with one line per record, atomically: a crash leaves the old file or the new one whole. */
    void rewrite(Collection<AlertRecord> records) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        OwnerOnlyFiles.createNew(temporary).close();
        try (FileOutputStream fresh = new FileOutputStream(temporary.toFile());
                BufferedOutputStream buffered = new BufferedOutputStream(fresh, 1 << 16)) {
            for (AlertRecord record : records) {
                buffered.write(encode(record));
            }
            buffered.flush();
            fresh.getFD().sync();
        }
        close();
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder();
        } finally {
            openForAppend(); // the new file, or the old one when the rename failed: appends go on either way
        }
        lines = records.size();
        partialLine = false;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            try {
                out.close();
            } finally {
                out = null;
                stream = null;
            }
        }
    }

    static byte[] encode(AlertRecord record) {
        Alert alert = record.alert();
        AlertScope scope = alert.scope();
        Acknowledgement ack = record.acknowledgement();
        String body = String.join("\t", FORMAT, Long.toString(record.id()), Long.toString(record.count()),
                Long.toString(record.firstRaisedAtNanos()), Long.toString(record.lastRaisedAtNanos()),
                escape(alert.key()), alert.severity().name(), escape(alert.source()), escape(scope.account()),
                escape(scope.strategy()), escape(scope.venue()), escape(scope.instrument()),
                Long.toString(alert.raisedAtNanos()), escape(alert.message()), escape(ack == null ? null : ack.user()),
                ack == null ? NULL : Long.toString(ack.atNanos()), escape(ack == null ? null : ack.note()));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (body + "\t" + String.format(Locale.ROOT, "%08x", crc.getValue()) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException saying what is wrong with the line */
    static AlertRecord decode(byte[] line) {
        int lastTab = -1;
        for (int i = line.length - 1; i >= 0; i--) {
            if (line[i] == '\t') {
                lastTab = i;
                break;
            }
        }
        if (lastTab < 0) {
            throw new IllegalArgumentException("no checksum");
        }
        CRC32C crc = new CRC32C();
        crc.update(line, 0, lastTab);
        String stored = new String(line, lastTab + 1, line.length - lastTab - 1, StandardCharsets.US_ASCII);
        if (!String.format(Locale.ROOT, "%08x", crc.getValue()).equals(stored)) {
            throw new IllegalArgumentException("checksum does not match (damaged or cut short)");
        }
        String body;
        try {
            body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line, 0, lastTab))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8");
        }
        String[] fields = body.split("\t", -1);
        if (fields.length != FIELDS - 1 || !FORMAT.equals(fields[0])) {
            throw new IllegalArgumentException("not a " + FORMAT + " alert line of " + FIELDS + " fields");
        }
        Severity severity;
        try {
            severity = Severity.valueOf(fields[6]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + fields[6] + "'");
        }
        Alert alert = new Alert(required(fields[5], "key"), severity, required(fields[7], "source"),
                required(fields[13], "message"), new AlertScope(unescape(fields[8]), unescape(fields[9]),
                        unescape(fields[10]), unescape(fields[11])), number(fields[12], "raisedAtNanos"));
        String ackUser = unescape(fields[14]);
        Acknowledgement ack = ackUser == null ? null
                : new Acknowledgement(ackUser, number(fields[15], "acknowledgedAtNanos"), unescape(fields[16]));
        long id = number(fields[1], "id");
        long count = number(fields[2], "count");
        if (id < 1 || count < 1) {
            throw new IllegalArgumentException("id " + id + " or count " + count + " below 1");
        }
        return new AlertRecord(id, alert, count, number(fields[3], "firstRaisedAtNanos"),
                number(fields[4], "lastRaisedAtNanos"), ack);
    }

    private void readLine(byte[] line, boolean tooLong, long number, TreeMap<Long, AlertRecord> records,
            List<String> skipped) {
        if (line.length == 0 && !tooLong) {
            return; // the newline written after a partial line
        }
        try {
            if (tooLong) {
                throw new IllegalArgumentException("longer than " + MAX_LINE_BYTES + " bytes");
            }
            AlertRecord record = decode(line);
            records.put(record.id(), record);
        } catch (RuntimeException e) {
            skipped.add("alerts file " + file + " line " + number + ": skipped, " + e.getMessage());
        }
    }

    private void openForAppend() throws IOException {
        stream = new FileOutputStream(file.toFile(), true);
        out = new BufferedOutputStream(stream, 1 << 16);
    }

    private void syncFolder() {
        try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException notSupported) {
            // Some file systems cannot open or force a folder; the rename is then as durable as they make it.
        }
    }

    private static String escape(String value) {
        if (value == null) {
            return NULL;
        }
        StringBuilder text = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return text.toString();
    }

    private static String unescape(String field) {
        if (NULL.equals(field)) {
            return null;
        }
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (++i == field.length()) {
                throw new IllegalArgumentException("a field ends in a lone backslash");
            }
            switch (field.charAt(i)) {
                case '\\' -> text.append('\\');
                case 't' -> text.append('\t');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                default -> throw new IllegalArgumentException("unknown escape \\" + field.charAt(i));
            }
        }
        return text.toString();
    }

    private static String required(String field, String name) {
        String value = unescape(field);
        if (value == null) {
            throw new IllegalArgumentException(name + " missing");
        }
        return value;
    }

    private static long number(String field, String name) {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + field + "' is not a whole number");
        }
    }
}
