package io.alphintra.marketdata;

/**
 * One malformed line of an import.
 *
 * @param source the file name (or the name given for a reader)
 * @param line line number, 1 for the first line of the file (the header)
 * @param field the column as the file names it, or null when the line as a whole is wrong
 * @param value the field's text as read, or null when the field is missing
 * @param reason what is wrong, e.g. {@code not a decimal number}
 */
public record ImportError(String source, long line, String field, String value, String reason) {

    /**
     * The error as one line, e.g. {@code trades.csv:1042: field 'price' = '80O.1': not a decimal number} or
     * {@code trades.csv:7: 2 fields, but the header has 3}.
     */
    public String message() {
        StringBuilder out = new StringBuilder(96).append(source).append(':').append(line).append(": ");
        if (field != null) {
            out.append("field '").append(field).append('\'');
            if (value != null) {
                out.append(" = '").append(value).append('\'');
            }
            out.append(": ");
        }
        return out.append(reason).toString();
    }

    @Override
    public String toString() {
        return message();
    }
}
