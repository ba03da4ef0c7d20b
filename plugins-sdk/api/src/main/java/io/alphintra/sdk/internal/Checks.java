package io.alphintra.sdk.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Argument checks shared by the SDK's value types so that every rejection reads the same way:
 * {@code field = value: problem}. Not exported; plugin code must not depend on it.
 */
public final class Checks {

    /** Longest identifier accepted anywhere in the SDK; matches the FIX/venue limits we target. */
    public static final int MAX_ID_LENGTH = 64;

    /** Values longer than this are cut in messages so that a hostile input cannot flood a log line. */
    private static final int MAX_QUOTED_LENGTH = 80;

    private Checks() {
    }

    /**
     * Rejects {@code null} with an {@link IllegalArgumentException} rather than a
     * {@link NullPointerException}: the SDK promises one exception type for bad input so that hosts can map
     * every boundary failure to a reject reason.
     */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": required (was null)");
        }
        return value;
    }

    /** An identifier: 1 to 64 printable ASCII characters, no spaces (safe for FIX tags, logs and file names). */
    public static String id(String field, String value) {
        required(field, value);
        if (!isId(value)) {
            throw new IllegalArgumentException(field + " = " + quote(value)
                    + ": must be 1 to " + MAX_ID_LENGTH + " printable ASCII characters without spaces");
        }
        return value;
    }

    /** Whether {@code value} satisfies {@link #id(String, String)}. */
    public static boolean isId(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /**
     * An identifier that also names a file or folder (a strategy instance's state file): 1 to 64 ASCII letters,
     * digits, {@code .}, {@code _} or {@code -}, beginning with a letter or a digit and without {@code ..}, so that
     * it can never name a path outside its folder, a hidden file or an option.
     */
    public static String fileNameId(String field, String value) {
        required(field, value);
        if (!isFileNameId(value)) {
            throw new IllegalArgumentException(field + " = " + quote(value) + ": must be 1 to " + MAX_ID_LENGTH
                    + " letters, digits, '.', '_' or '-', begin with a letter or digit and not contain '..'"
                    + " (it names a file)");
        }
        return value;
    }

    /** Whether {@code value} satisfies {@link #fileNameId(String, String)}. */
    public static boolean isFileNameId(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_ID_LENGTH
                || !isAsciiLetterOrDigit(value.charAt(0)) || value.contains("..")) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Free text (reasons, names): not null, not blank, at most {@code maxLength} characters. */
    public static String text(String field, String value, int maxLength) {
        required(field, value);
        if (value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(field + " = " + quote(value)
                    + ": must be non-blank and at most " + maxLength + " characters");
        }
        return value;
    }

    public static long positive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " = " + value + ": must be positive");
        }
        return value;
    }

    public static long notNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " = " + value + ": must not be negative");
        }
        return value;
    }

    /** Immutable copy of a list whose elements must not be null; names the offending index. */
    public static <T> List<T> listOf(String field, Collection<? extends T> values) {
        required(field, values);
        int i = 0;
        for (T value : values) {
            required(field + "[" + i + "]", value);
            i++;
        }
        return List.copyOf(values);
    }

    /** Immutable copy of a map whose keys and values must not be null. */
    public static <K, V> Map<K, V> mapOf(String field, Map<? extends K, ? extends V> values) {
        required(field, values);
        values.forEach((k, v) -> {
            required(field + " key", k);
            required(field + "[" + k + "]", v);
        });
        return Map.copyOf(values);
    }

    /**
     * Quotes a value for an error message: control characters are escaped so that a value cannot forge log
     * lines, and long values are cut.
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_QUOTED_LENGTH) + 8).append('\'');
        int limit = Math.min(value.length(), MAX_QUOTED_LENGTH);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && Character.isISOControl(c))) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > limit) {
            out.append("...(").append(value.length()).append(" chars)");
        }
        return out.append('\'').toString();
    }
}
