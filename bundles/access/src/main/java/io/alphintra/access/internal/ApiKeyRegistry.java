package io.alphintra.access.internal;

import io.alphintra.access.ApiKeyInfo;
import io.alphintra.access.Caller;
import io.alphintra.access.IssuedApiKey;
import io.alphintra.access.Role;
import io.alphintra.shell.support.Inputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's API keys: {@code ak_<id>_<secret>}, the id 12 characters of lowercase base32 (a-z, 2-7), the secret 32
 * bytes from {@link SecureRandom} in unpadded base64url (43 characters). Only the SHA-256 of the secret is kept: a
 * 256-bit random secret cannot be guessed from its hash, so it needs no slow password hash, and checking a key costs
 * one SHA-256 and a constant-time comparison.
 *
 * <p>Reads ({@link #authenticate}, {@link #list}) use an immutable map that each successful write replaces: no lock,
 * no I/O on the caller's thread (an event loop among them). Writes are serialised, and a key exists in memory only
 * once the file holding it is on disk.
 */
final class ApiKeyRegistry {
    static final String PREFIX = "ak_";
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyRegistry.class);
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int ID_LENGTH = 12;
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_CHARS = 43;
    private static final int KEY_LENGTH = PREFIX.length() + ID_LENGTH + 1 + SECRET_CHARS;

    private final ApiKeyFile file;
    private final ChangeLog changes;
    private final SecureRandom random;
    private final Clock clock;
    private final Object writes = new Object();
    /** Immutable; replaced whole after each write that reached the disk. */
    private volatile Map<String, StoredKey> keys;
    /** Why nothing may be written, or null: the file could not be read at start, and a write would replace it. */
    private final String readOnlyBecause;
    /** The file held lines that were skipped at start: a copy is kept before the first write drops them. */
    private boolean skippedLinesToKeep;

    ApiKeyRegistry(Path folder, SecureRandom random, Clock clock) {
        this.file = new ApiKeyFile(folder.resolve("api-keys"));
        this.changes = new ChangeLog(folder.resolve("changes.log"));
        this.random = random;
        this.clock = clock;
        Map<String, StoredKey> loaded = new LinkedHashMap<>();
        String readOnly = null;
        try {
            ApiKeyFile.Loaded found = file.load();
            for (String problem : found.problems()) {
                LOG.warn("API key line skipped (that key is refused until the line is fixed): {}", problem);
            }
            skippedLinesToKeep = !found.problems().isEmpty();
            found.keys().forEach(key -> loaded.put(key.id(), key));
        } catch (IOException e) {
            readOnly = "the API key file could not be read at start (" + e.getMessage() + "); no key is accepted,"
                    + " and none can be created or revoked until it is fixed and the access bundle restarted";
            LOG.error("{}", readOnly);
        }
        this.readOnlyBecause = readOnly;
        this.keys = Map.copyOf(loaded);
        LOG.info("{} API keys loaded from {} ({} live)", loaded.size(), file.path(),
                loaded.values().stream().filter(key -> key.info().live()).count());
    }

    /** @see io.alphintra.access.ApiKeys#create */
    IssuedApiKey create(String user, Set<Role> roles, String label, String createdBy) {
        if (user == null || !ApiKeyFile.USER.matcher(user).matches()) {
            throw new IllegalArgumentException("user = " + Inputs.quote(user)
                    + ": not a user name (1 to 64 characters: letters, digits, '.', '_', '@', '-')");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("roles: at least one is needed (viewer, trader, risk, compliance,"
                    + " admin)");
        }
        String text = label == null ? "" : label.strip();
        if (text.length() > ApiKeyFile.MAX_LABEL) {
            throw new IllegalArgumentException("label: " + text.length() + " characters, at most "
                    + ApiKeyFile.MAX_LABEL);
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("label = " + Inputs.quote(text) + ": control characters (a tab, a line"
                    + " break) are not allowed");
        }
        requireWho("createdBy", createdBy);
        synchronized (writes) {
            requireWritable();
            String id;
            do {
                id = newId();
            } while (keys.containsKey(id));
            byte[] secretBytes = new byte[SECRET_BYTES];
            random.nextBytes(secretBytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            ApiKeyInfo info = new ApiKeyInfo(id, user, roles, text, now, createdBy, null, null);
            Map<String, StoredKey> next = new LinkedHashMap<>(keys);
            next.put(id, new StoredKey(info, sha256(secret)));
            persist(next, "no key was created");
            record(now, createdBy, "create", "id=" + id + " user=" + user + " roles=" + ApiKeyFile.roles(roles)
                    + " label=" + text);
            LOG.info("API key {} created for {} with roles {} by {}", id, user, ApiKeyFile.roles(roles),
                    Inputs.quote(createdBy));
            return new IssuedApiKey(PREFIX + id + "_" + secret, info);
        }
    }

    /** @see io.alphintra.access.ApiKeys#revoke */
    boolean revoke(String id, String revokedBy) {
        requireWho("revokedBy", revokedBy);
        synchronized (writes) {
            StoredKey key = id == null ? null : keys.get(id);
            if (key == null || !key.info().live()) {
                return false;
            }
            requireWritable();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            ApiKeyInfo was = key.info();
            ApiKeyInfo revoked = new ApiKeyInfo(was.id(), was.user(), was.roles(), was.label(), was.created(),
                    was.createdBy(), now, revokedBy);
            Map<String, StoredKey> next = new LinkedHashMap<>(keys);
            next.put(id, new StoredKey(revoked, key.secretHash()));
            persist(next, "the key is still live");
            record(now, revokedBy, "revoke", "id=" + id + " user=" + was.user());
            LOG.info("API key {} of {} revoked by {}", id, was.user(), Inputs.quote(revokedBy));
            return true;
        }
    }

    /** Every key, live and revoked, oldest first. */
    List<ApiKeyInfo> list() {
        return keys.values().stream().map(StoredKey::info)
                .sorted(Comparator.comparing(ApiKeyInfo::created).thenComparing(ApiKeyInfo::id)).toList();
    }

    /** The caller a key stands for; empty unless it is a live key with the right secret. No I/O, no lock. */
    Optional<Caller> authenticate(String bearer) {
        if (bearer == null || bearer.length() != KEY_LENGTH || !bearer.startsWith(PREFIX)
                || bearer.charAt(PREFIX.length() + ID_LENGTH) != '_') {
            return Optional.empty();
        }
        String id = bearer.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
        StoredKey key = keys.get(id);
        if (key == null || !key.info().live()) {
            return Optional.empty();
        }
        byte[] presented = sha256(bearer.substring(PREFIX.length() + ID_LENGTH + 1));
        if (!MessageDigest.isEqual(presented, key.secretHash())) {
            return Optional.empty();
        }
        ApiKeyInfo info = key.info();
        return Optional.of(new Caller(info.user(), info.roles(), "api-key:" + id));
    }

    Path keyFile() {
        return file.path();
    }

    Path changeLog() {
        return changes.path();
    }

    private void persist(Map<String, StoredKey> next, String otherwise) {
        try {
            if (skippedLinesToKeep) {
                Path copy = file.keepCopy("skipped-" + clock.millis());
                LOG.warn("{} held lines that were skipped; kept as it was in {} before rewriting it", file.path(),
                        copy);
                skippedLinesToKeep = false;
            }
            file.write(next.values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the API key file " + file.path() + ": " + e.getMessage()
                    + "; " + otherwise, e);
        }
        keys = Map.copyOf(next);
    }

    /** The key file already holds the change: a change log that cannot be written is told, not fatal. */
    private void record(Instant at, String who, String action, String details) {
        try {
            changes.append(at, who, action, details);
        } catch (IOException e) {
            LOG.error("API key change done but not recorded in {} ({}): {} by {}: {}", changes.path(),
                    e.getMessage(), action, Inputs.quote(who), details);
        }
    }

    private void requireWritable() {
        if (readOnlyBecause != null) {
            throw new UncheckedIOException(new IOException(readOnlyBecause));
        }
    }

    private static void requireWho(String field, String who) {
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException(field + ": must name who does it");
        }
    }

    private String newId() {
        char[] id = new char[ID_LENGTH];
        for (int i = 0; i < ID_LENGTH; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
