package io.alphintra.marketdata.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small streaming JSON reader for bar files: either a top-level array of bar objects, or a top-level object
 * whose first array member holds them (ta4j's {@code ohlc}, or {@code bars}, {@code candles}, {@code data}...).
 * Other members are skipped. Each bar
 * object is handed over as its scalar members, numbers as their exact text; nested values are skipped. Reads one
 * character at a time through the caller's buffered reader, so a file of any size streams.
 */
public final class JsonBarArray {

    /** One scalar member of a bar object: its key, its text (strings unquoted, numbers as written) and line. */
    public record Member(String key, String text, long line) {
    }

    /** Receives the bar objects in file order. */
    @FunctionalInterface
    public interface ObjectHandler {
        void onObject(List<Member> members, long line);
    }

    /** Malformed JSON: the rest of the file cannot be read. */
    public static final class SyntaxException extends Exception {

        private static final long serialVersionUID = 1L;

        private final long line;

        SyntaxException(long line, String reason) {
            super(reason, null, false, false);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    private final Reader in;
    private long line = 1;
    private int peeked = -2;

    private JsonBarArray(Reader in) {
        this.in = in;
    }

    /** Reads the bar array of {@code in}, calling {@code handler} per bar object. */
    public static void read(Reader in, ObjectHandler handler) throws IOException, SyntaxException {
        new JsonBarArray(in).readDocument(handler);
    }

    private void readDocument(ObjectHandler handler) throws IOException, SyntaxException {
        int c = nextNonSpace();
        if (c == '[') {
            readBarArray(handler);
        } else if (c == '{') {
            boolean found = false;
            c = nextNonSpace();
            while (c != '}') {
                if (c != '"') {
                    throw syntax("expected a member name");
                }
                readString();
                expect(':');
                if (!found && peekNonSpace() == '[') {
                    next();
                    readBarArray(handler);
                    found = true;
                } else {
                    skipValue();
                }
                c = nextNonSpace();
                if (c == ',') {
                    c = nextNonSpace();
                } else if (c != '}') {
                    throw syntax("expected ',' or '}'");
                }
            }
            if (!found) {
                throw syntax("no array of bars in the document");
            }
        } else {
            throw syntax("expected '[' or '{' at the start of the document");
        }
        if (nextNonSpace() != -1) {
            throw syntax("unexpected text after the end of the document");
        }
    }

    private void readBarArray(ObjectHandler handler) throws IOException, SyntaxException {
        int c = nextNonSpace();
        if (c == ']') {
            return;
        }
        List<Member> members = new ArrayList<>();
        while (true) {
            if (c != '{') {
                throw syntax("expected '{' (a bar object)");
            }
            long objectLine = line;
            members.clear();
            c = nextNonSpace();
            while (c != '}') {
                if (c != '"') {
                    throw syntax("expected a member name");
                }
                String key = readString();
                expect(':');
                peekNonSpace();
                long valueLine = line;
                String text = readScalarOrSkip();
                if (text != null) {
                    members.add(new Member(key, text, valueLine));
                }
                c = nextNonSpace();
                if (c == ',') {
                    c = nextNonSpace();
                } else if (c != '}') {
                    throw syntax("expected ',' or '}'");
                }
            }
            handler.onObject(members, objectLine);
            c = nextNonSpace();
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw syntax("expected ',' or ']'");
            }
            c = nextNonSpace();
        }
    }

    /** A scalar's text (null for JSON null and for nested values, which are skipped). */
    private String readScalarOrSkip() throws IOException, SyntaxException {
        int c = peekNonSpace();
        if (c == '"') {
            next();
            return readString();
        }
        if (c == '{' || c == '[') {
            skipValue();
            return null;
        }
        StringBuilder out = new StringBuilder(24);
        while (true) {
            c = peek();
            if (c == -1 || c == ',' || c == '}' || c == ']' || isSpace(c)) {
                break;
            }
            out.append((char) next());
        }
        if (out.length() == 0) {
            throw syntax("expected a value");
        }
        String text = out.toString();
        return text.equals("null") ? null : text;
    }

    private void skipValue() throws IOException, SyntaxException {
        int c = peekNonSpace();
        if (c == '"') {
            next();
            readString();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            do {
                c = next();
                if (c == -1) {
                    throw syntax("unexpected end of file");
                } else if (c == '"') {
                    readString();
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                }
            } while (depth > 0);
        } else {
            readScalarOrSkip();
        }
    }

    /** Reads a string whose opening quote was consumed. */
    private String readString() throws IOException, SyntaxException {
        StringBuilder out = new StringBuilder(16);
        while (true) {
            int c = next();
            if (c == -1 || c == '\n') {
                throw syntax("unterminated string");
            }
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append((char) c);
                continue;
            }
            c = next();
            switch (c) {
                case '"', '\\', '/' -> out.append((char) c);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(next(), 16);
                        if (digit < 0) {
                            throw syntax("bad \\u escape");
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                }
                default -> throw syntax("bad escape in string");
            }
        }
    }

    private void expect(int expected) throws IOException, SyntaxException {
        if (nextNonSpace() != expected) {
            throw syntax("expected '" + (char) expected + "'");
        }
    }

    private int peekNonSpace() throws IOException {
        while (isSpace(peek())) {
            next();
        }
        return peek();
    }

    private int nextNonSpace() throws IOException {
        peekNonSpace();
        return next();
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int next() throws IOException {
        int c = peek();
        peeked = -2;
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF';
    }

    private SyntaxException syntax(String reason) {
        return new SyntaxException(line, "malformed JSON: " + reason);
    }
}
