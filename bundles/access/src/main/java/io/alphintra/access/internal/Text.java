package io.alphintra.access.internal;


/** Free text in the bundle's files and log lines: one line each, whatever a user typed. */
final class Text {
    /** Marks an absent value in a file field, which no escaped text can be (a lone backslash is always escaped). */
    static final String ABSENT = "\\-";

    private Text() {
    }

    /** Backslash, tab, newline and carriage return escaped, so the value is one tab-free field; null as ABSENT. */
    static String escape(String value) {
        if (value == null) {
            return ABSENT;
        }
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** The inverse of {@link #escape}. @throws IllegalArgumentException for an escape this class never writes */
    static String unescape(String field) {
        if (field.equals(ABSENT)) {
            return null;
        }
        StringBuilder value = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (++i == field.length()) {
                throw new IllegalArgumentException("a field ends in a lone backslash");
            }
            switch (field.charAt(i)) {
                case '\\' -> value.append('\\');
                case 't' -> value.append('\t');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                default -> throw new IllegalArgumentException("unknown escape \\" + field.charAt(i));
            }
        }
        return value.toString();
    }
}
