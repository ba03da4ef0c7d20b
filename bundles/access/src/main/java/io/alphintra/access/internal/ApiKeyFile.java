package io.alphintra.access.internal;

import io.alphintra.access.ApiKeyInfo;
import io.alphintra.access.Role;
import io.alphintra.files.OwnerOnlyFiles;
import io.alphintra.shell.support.Inputs;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;

/**
 * The API key file, {@code <karaf.data>/access/api-keys}: a header line, then one tab-separated line per key, live
 * or revoked, each ending in a CRC32C of the rest so that a damaged line is recognised and skipped rather than read
 * as another key. It is only ever replaced whole (temporary file, fsync, atomic rename, fsync of the folder), so a
 * crash leaves the old file or the new one, never half of one. Created readable by the node's user only.
 *
 * <p>Not thread-safe: the caller serialises writes.
 */
final class ApiKeyFile {
    static final String HEADER = "# alphintra api-keys v1";
    static final Pattern KEY_ID = Pattern.compile("[a-z2-7]{12}");
    static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    static final int MAX_LABEL = 200;
    private static final String FIELDS_COMMENT = "# id, user, roles, created, createdBy, sha256(secret), label,"
            + " revoked, revokedBy, crc32c (tab-separated; \\- = none). Written by the node: do not edit";
    private static final int FIELDS = 10;
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /** What a load found: the keys of the intact lines in file order, and one line per line skipped. */
    record Loaded(List<StoredKey> keys, List<String> problems) {
    }

    private final Path file;

    ApiKeyFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    Path path() {
        return file;
    }

    /**
     * Reads the file; a missing one holds no keys.
     *
     * @throws IOException when it cannot be read, or is not a key file of this format (its first line is not the
     *     header): then nothing in it can be trusted, and it must not be overwritten either
     */
    Loaded load() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException none) {
            return new Loaded(List.of(), List.of());
        }
        // Bytes that are not UTF-8 become U+FFFD and then fail their line's checksum: reported, not fatal.
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new IOException(file + " line 1: expected '" + HEADER + "', found " + Inputs.quote(lines[0])
                    + ": not an API key file of this version");
        }
        Map<String, StoredKey> keys = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                StoredKey key = decode(line);
                if (keys.putIfAbsent(key.id(), key) != null) {
                    throw new IllegalArgumentException("key id " + key.id() + " appears on an earlier line too");
                }
            } catch (IllegalArgumentException e) {
                problems.add(file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Loaded(List.copyOf(keys.values()), List.copyOf(problems));
    }

    /** Replaces the file with these keys, atomically; the folder is created (owner-only) if missing. */
    void write(Collection<StoredKey> keys) throws IOException {
        OwnerOnlyFiles.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder(HEADER).append('\n').append(FIELDS_COMMENT).append('\n');
        for (StoredKey key : keys) {
            text.append(encode(key)).append('\n');
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        OwnerOnlyFiles.createNew(temporary).close();
        // A stream rather than a FileChannel: an interrupt (Ctrl-C on the shell command) must not turn into a
        // ClosedByInterruptException half-way; the write either completes or fails on its own.
        try (FileOutputStream out = new FileOutputStream(temporary.toFile())) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.getFD().sync();
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(file.getParent());
    }

    /** Keeps the file as it is under another name (beside it, owner-only), before a write drops its bad lines. */
    Path keepCopy(String suffix) throws IOException {
        Path copy = file.resolveSibling(file.getFileName() + "." + suffix);
        byte[] bytes = Files.readAllBytes(file);
        OwnerOnlyFiles.createNew(copy).close();
        try (FileOutputStream out = new FileOutputStream(copy.toFile())) {
            out.write(bytes);
            out.getFD().sync();
        }
        return copy;
    }

    static String encode(StoredKey key) {
        ApiKeyInfo info = key.info();
        String body = String.join("\t", info.id(), info.user(), roles(info.roles()), info.created().toString(),
                Text.escape(info.createdBy()), HexFormat.of().formatHex(key.secretHash()), Text.escape(info.label()),
                info.revoked() == null ? Text.ABSENT : info.revoked().toString(), Text.escape(info.revokedBy()));
        return body + "\t" + crc(body);
    }

    /** @throws IllegalArgumentException saying what is wrong with the line */
    static StoredKey decode(String line) {
        int lastTab = line.lastIndexOf('\t');
        if (lastTab < 0) {
            throw new IllegalArgumentException("not a key line (no fields)");
        }
        String body = line.substring(0, lastTab);
        if (!crc(body).equals(line.substring(lastTab + 1))) {
            throw new IllegalArgumentException("checksum does not match: the line was changed or damaged");
        }
        String[] fields = line.split("\t", -1);
        if (fields.length != FIELDS) {
            throw new IllegalArgumentException(fields.length + " fields, expected " + FIELDS);
        }
        String id = fields[0];
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id " + Inputs.quote(id) + " is not 12 characters a-z, 2-7");
        }
        String user = fields[1];
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("user " + Inputs.quote(user) + " is not a valid user name");
        }
        Set<Role> roles = parseRoles(fields[2]);
        Instant created = instant("created", fields[3]);
        String createdBy = Text.unescape(fields[4]);
        if (createdBy == null || createdBy.isBlank()) {
            throw new IllegalArgumentException("createdBy is empty");
        }
        if (!HASH.matcher(fields[5]).matches()) {
            throw new IllegalArgumentException("the secret's hash is not 64 lowercase hex digits");
        }
        byte[] hash = HexFormat.of().parseHex(fields[5]);
        String label = Text.unescape(fields[6]);
        if (label == null || label.length() > MAX_LABEL) {
            throw new IllegalArgumentException("label is missing or longer than " + MAX_LABEL + " characters");
        }
        Instant revoked = fields[7].equals(Text.ABSENT) ? null : instant("revoked", fields[7]);
        String revokedBy = Text.unescape(fields[8]);
        if ((revoked == null) != (revokedBy == null)) {
            throw new IllegalArgumentException("revoked and revokedBy must be both set or both absent");
        }
        return new StoredKey(new ApiKeyInfo(id, user, roles, label, created, createdBy, revoked, revokedBy), hash);
    }

    /** Role ids in a fixed order, comma-separated: {@code trader,risk}. */
    static String roles(Set<Role> roles) {
        return EnumSet.copyOf(roles).stream().map(Role::id).collect(Collectors.joining(","));
    }

    private static Set<Role> parseRoles(String field) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : field.split(",", -1)) {
            roles.add(Role.of(name).orElseThrow(() -> new IllegalArgumentException(
                    "role " + Inputs.quote(name) + " is not one of viewer, trader, risk, compliance, admin")));
        }
        return roles;
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " " + Inputs.quote(text) + " is not an ISO-8601 UTC time");
        }
    }

    private static String crc(String body) {
        CRC32C crc = new CRC32C();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }

    /** Makes the rename durable; a file system that cannot open a folder for this has nothing to sync. */
    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupportedHere) {
            // e.g. Windows cannot open a directory as a channel; the rename is as durable as the platform makes it
        }
    }
}
