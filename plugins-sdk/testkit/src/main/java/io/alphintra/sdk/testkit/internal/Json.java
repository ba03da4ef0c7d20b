package io.alphintra.sdk.testkit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader that keeps the line and column of every value, so that a bad fixture can be reported as
 * {@code restricted.json:12:18: order.limitPrice = "101.255": more than 2 decimal places}. Numbers are kept as
 * their text: fixtures carry prices as decimals, and going through {@code double} would round them.
 */
public final class Json {

    /** A syntax error, with 1-based line and column. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        public final int line;
        public final int column;

        SyntaxException(int line, int column, String message) {
            super(line + ":" + column + ": " + message);
            this.line = line;
            this.column = column;
        }
    }

    /** The kind of a value. */
    public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    /**
     * A parsed value and where it started.
     *
     * @param kind what it is
     * @param text the string's content, the number's text, {@code true}/{@code false}, or null
     * @param members an object's members in file order; empty otherwise
     * @param elements an array's elements; empty otherwise
     * @param line 1-based line
     * @param column 1-based column
     */
    public record Value(Kind kind, String text, Map<String, Value> members, List<Value> elements, int line,
            int column) {
    }

    private final String source;
    private int index;
    private int line = 1;
    private int lineStart;

    private Json(String source) {
        this.source = source;
    }

    /** Parses one JSON document. */
    public static Value parse(String source) throws SyntaxException {
        Json json = new Json(source);
        json.skipWhitespace();
        Value value = json.value();
        json.skipWhitespace();
        if (json.index < source.length()) {
            throw json.error("unexpected " + json.describeNext() + " after the document");
        }
        return value;
    }

    private Value value() throws SyntaxException {
        if (index >= source.length()) {
            throw error("unexpected end of file");
        }
        int valueLine = line;
        int valueColumn = column();
        char c = source.charAt(index);
        switch (c) {
            case '{':
                return object(valueLine, valueColumn);
            case '[':
                return array(valueLine, valueColumn);
            case '"':
                return new Value(Kind.STRING, string(), Map.of(), List.of(), valueLine, valueColumn);
            case 't':
                literal("true");
                return new Value(Kind.BOOLEAN, "true", Map.of(), List.of(), valueLine, valueColumn);
            case 'f':
                literal("false");
                return new Value(Kind.BOOLEAN, "false", Map.of(), List.of(), valueLine, valueColumn);
            case 'n':
                literal("null");
                return new Value(Kind.NULL, null, Map.of(), List.of(), valueLine, valueColumn);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return new Value(Kind.NUMBER, number(), Map.of(), List.of(), valueLine, valueColumn);
                }
                throw error("unexpected " + describeNext() + "; expected a value");
        }
    }

    private Value object(int valueLine, int valueColumn) throws SyntaxException {
        index++;
        Map<String, Value> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            index++;
            return new Value(Kind.OBJECT, null, Collections.unmodifiableMap(members), List.of(), valueLine,
                    valueColumn);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("unexpected " + describeNext() + "; expected a member name in double quotes");
            }
            int keyLine = line;
            int keyColumn = column();
            String key = string();
            if (members.containsKey(key)) {
                throw new SyntaxException(keyLine, keyColumn, "duplicate member \"" + key + "\"");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(key, value());
            skipWhitespace();
            char c = peek();
            index++;
            if (c == '}') {
                return new Value(Kind.OBJECT, null, Collections.unmodifiableMap(members), List.of(), valueLine,
                        valueColumn);
            }
            if (c != ',') {
                index--;
                throw error("unexpected " + describeNext() + "; expected ',' or '}'");
            }
        }
    }

    private Value array(int valueLine, int valueColumn) throws SyntaxException {
        index++;
        List<Value> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            index++;
            return new Value(Kind.ARRAY, null, Map.of(), List.copyOf(elements), valueLine, valueColumn);
        }
        while (true) {
            skipWhitespace();
            elements.add(value());
            skipWhitespace();
            char c = peek();
            index++;
            if (c == ']') {
                return new Value(Kind.ARRAY, null, Map.of(), List.copyOf(elements), valueLine, valueColumn);
            }
            if (c != ',') {
                index--;
                throw error("unexpected " + describeNext() + "; expected ',' or ']'");
            }
        }
    }

    private String string() throws SyntaxException {
        index++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (index >= source.length()) {
                throw error("unterminated string");
            }
            char c = source.charAt(index++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\n') {
                index--;
                throw error("line break inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (index >= source.length()) {
                throw error("unterminated string");
            }
            char e = source.charAt(index++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (index + 4 > source.length()) {
                        throw error("incomplete \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(source.substring(index, index + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    index += 4;
                }
                default -> {
                    index--;
                    throw error("unknown escape \\" + e);
                }
            }
        }
    }

    private String number() throws SyntaxException {
        int start = index;
        if (peek() == '-') {
            index++;
        }
        while (index < source.length() && "0123456789.eE+-".indexOf(source.charAt(index)) >= 0) {
            index++;
        }
        String text = source.substring(start, index);
        if (!text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            index = start;
            throw error("malformed number " + text);
        }
        return text;
    }

    private void literal(String word) throws SyntaxException {
        if (!source.startsWith(word, index)) {
            throw error("unexpected " + describeNext() + "; expected a value");
        }
        index += word.length();
    }

    private void expect(char c) throws SyntaxException {
        if (peek() != c) {
            throw error("unexpected " + describeNext() + "; expected '" + c + "'");
        }
        index++;
    }

    private char peek() throws SyntaxException {
        if (index >= source.length()) {
            throw error("unexpected end of file");
        }
        return source.charAt(index);
    }

    private void skipWhitespace() {
        while (index < source.length()) {
            char c = source.charAt(index);
            if (c == '\n') {
                line++;
                lineStart = index + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            index++;
        }
    }

    private int column() {
        return index - lineStart + 1;
    }

    private String describeNext() {
        if (index >= source.length()) {
            return "end of file";
        }
        return "'" + source.charAt(index) + "'";
    }

    private SyntaxException error(String message) {
        return new SyntaxException(line, column(), message);
    }
}
