package io.alphintra.marketdata.internal;

import java.util.List;

/**
 * Splits a CSV line into fields: one delimiter character, fields optionally in double quotes (a doubled quote
 * inside is a quote), white space around a field trimmed. Fields cannot span lines.
 */
public final class CsvSplitter {

    private CsvSplitter() {
    }

    /**
     * Picks the delimiter of a header line: tab if there is one, otherwise whichever of {@code ;} and {@code ,}
     * occurs more often ({@code ,} on a tie).
     */
    public static char detectDelimiter(String header) {
        if (header.indexOf('\t') >= 0) {
            return '\t';
        }
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    /**
     * Splits {@code line} into {@code out} (cleared first).
     *
     * @return null, or the reason the line cannot be split (an unterminated quote)
     */
    public static String split(String line, char delimiter, List<String> out) {
        out.clear();
        int length = line.length();
        int i = 0;
        while (true) {
            while (i < length && line.charAt(i) == ' ') {
                i++;
            }
            if (i < length && line.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < length) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < length && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (!closed) {
                    return "unterminated quoted field";
                }
                while (i < length && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < length && line.charAt(i) != delimiter) {
                    return "text after a quoted field";
                }
                out.add(field.toString());
            } else {
                int end = line.indexOf(delimiter, i);
                if (end < 0) {
                    end = length;
                }
                out.add(line.substring(i, end).trim());
                i = end;
            }
            if (i >= length) {
                return null;
            }
            i++; // the delimiter
            if (i == length) {
                out.add("");
                return null;
            }
        }
    }
}
