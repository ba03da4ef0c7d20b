package io.alphintra.dashboard.internal;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The dashboard's files, read into memory once. The node's Vert.x resolves no files from the class path (it makes no
 * sense inside bundles), and a handful of small files read once cost nothing; serving them from memory also means a
 * request can only ever name one of these files, never a path on disk.
 */
final class StaticFiles {
    /**
     * What a requested file name may look like: segments of letters, digits, '.', '_' and '-', none starting with
     * '.', so that no '..', hidden file, percent-encoding (an encoded slash or dot), backslash or empty segment can
     * reach the lookup at all.
     */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json; charset=utf-8",
            "txt", "text/plain; charset=utf-8",
            "md", "text/markdown; charset=utf-8");

    private final Map<String, StaticFile> files;

    private StaticFiles(Map<String, StaticFile> files) {
        this.files = Map.copyOf(files);
    }

    /**
     * Reads every file named.
     *
     * @param entries file name below {@code /dashboard/} (as {@link #find} is asked for it) to where its bytes are
     * @throws IOException naming the file that could not be read
     * @throws IllegalArgumentException for a name that {@link #find} could never serve (a packaging mistake)
     */
    static StaticFiles read(Map<String, URL> entries) throws IOException {
        Map<String, StaticFile> files = new TreeMap<>();
        for (Map.Entry<String, URL> entry : entries.entrySet()) {
            String name = entry.getKey();
            if (!SAFE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("dashboard file '" + name + "' (" + entry.getValue()
                        + ") has a name that could never be requested: use letters, digits, '.', '_' and '-'");
            }
            byte[] content;
            try (InputStream in = entry.getValue().openStream()) {
                content = in.readAllBytes();
            } catch (IOException e) {
                throw new IOException("cannot read dashboard file " + name + " from " + entry.getValue() + ": "
                        + e.getMessage(), e);
            }
            files.put(name, new StaticFile(name, Buffer.buffer(content), contentType(name), etag(content)));
        }
        return new StaticFiles(files);
    }

    /** The file a request names, if the name is well formed and such a file exists. */
    Optional<StaticFile> find(String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(files.get(name));
    }

    /** How many files there are. */
    int size() {
        return files.size();
    }

    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static String etag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            // 128 bits of the digest: plenty to tell versions of a file apart, and a short header.
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16))
                    + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
