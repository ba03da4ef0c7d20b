package io.alphintra.marketdata;

import java.util.List;

/**
 * What an import read.
 *
 * @param source the file name (or the name given for a reader)
 * @param goodRecords records handed to the consumer
 * @param errors every malformed line that was skipped, in file order; empty under {@link ErrorPolicy#STOP}
 *     (which throws instead)
 */
public record ImportReport(String source, long goodRecords, List<ImportError> errors) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** A summary for logs: {@code trades.csv: 99998 records, 2 bad lines}. */
    @Override
    public String toString() {
        return source + ": " + goodRecords + " records, " + errors.size() + " bad line" + (errors.size() == 1 ? "" : "s");
    }
}
