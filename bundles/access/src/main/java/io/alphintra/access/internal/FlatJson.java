package io.alphintra.access.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON of a session token's header and claims: one flat object whose values are strings, whole numbers or arrays
 * of strings. Strict: anything else (nesting, true/false/null, fractions, duplicate names, trailing text) is refused,
 * so a token cannot mean two things to two readers.
 */
final class FlatJson {
    private final String text;
    private int at;

    private FlatJson(String text) {
        this.text = text;
    }

    /**
     * Values: {@link String}, {@link Long} or a {@code List<String>}.
     *
     * @throws IllegalArgumentException saying where the text is not such an object
     */
    static Map<String, Object> parse(String text) {
        FlatJson parser = new FlatJson(text);
        Map<String, Object> object = parser.object();
        parser.skipSpace();
        if (parser.at != text.length()) {
            throw parser.error("text after the object");
        }
        return object;
    }

    /** Writes an object of the same kinds of values, in the map's order. */
    static String write(Map<String, ?> object) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, ?> entry : object.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, entry.getKey());
            json.append(':');
            Object value = entry.getValue();
            if (value instanceof String s) {
                string(json, s);
            } else if (value instanceof Long || value instanceof Integer) {
                json.append(value);
            } else if (value instanceof List<?> list) {
                json.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        json.append(',');
                    }
                    string(json, (String) list.get(i));
                }
                json.append(']');
            } else {
                throw new IllegalArgumentException(entry.getKey() + ": cannot write a " + value.getClass());
            }
        }
        return json.append('}').toString();
    }

    private Map<String, Object> object() {
        skipSpace();
        expect('{');
        Map<String, Object> object = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            at++;
            return object;
        }
        while (true) {
            skipSpace();
            String name = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object value = value();
            if (object.put(name, value) != null) {
                throw error("the name " + name + " appears twice");
            }
            skipSpace();
            char next = next();
            if (next == '}') {
                return object;
            }
            if (next != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '[') {
            at++;
            List<String> list = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                at++;
                return List.copyOf(list);
            }
            while (true) {
                skipSpace();
                list.add(string());
                skipSpace();
                char next = next();
                if (next == ']') {
                    return List.copyOf(list);
                }
                if (next != ',') {
                    throw error("expected ',' or ']'");
                }
            }
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int start = at;
            if (c == '-') {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            String digits = text.substring(start, at);
            if (digits.equals("-") || digits.length() > 19) {
                throw error("not a whole number: " + digits);
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw error("not a whole number: " + digits);
            }
        }
        throw error("expected a string, a whole number or an array of strings");
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw error("a control character in a string");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escape = next();
            switch (escape) {
                case '"', '\\', '/' -> value.append(escape);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("a \\u escape cut short");
                    }
                    try {
                        value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException e) {
                        throw error("a \\u escape that is not four hex digits");
                    }
                    at += 4;
                }
                default -> throw error("unknown escape \\" + escape);
            }
        }
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }

    private void skipSpace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            at--;
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String why) {
        return new IllegalArgumentException(why + " at character " + at);
    }
}
