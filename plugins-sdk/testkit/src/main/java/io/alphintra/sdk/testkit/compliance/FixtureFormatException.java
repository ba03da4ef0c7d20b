package io.alphintra.sdk.testkit.compliance;

import java.nio.file.Path;

/**
 * A rule set fixture file that cannot be read: names the file, the line and column, the field and the value,
 * e.g. {@code restricted-buy.json:14:20: order.limitPrice = "189.505": more than 2 decimal places}.
 */
public final class FixtureFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;
    private final String field;

    public FixtureFormatException(Path file, int line, int column, String field, String problem) {
        super(file.getFileName() + ":" + line + ":" + column + ": " + (field == null ? "" : field + " ") + problem
                + " (in " + file + ")");
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    /** 1-based line of the offending value. */
    public int line() {
        return line;
    }

    /** 1-based column of the offending value. */
    public int column() {
        return column;
    }

    /** Dotted path of the field, e.g. {@code order.limitPrice}; null for a syntax error. */
    public String field() {
        return field;
    }
}
