package io.alphintra.marketdata.internal;

/**
 * A field that cannot be read; the message is only the reason ({@code not a decimal number}), the importer adds
 * file, line, field and value. No stack trace: a file with many bad lines should not cost one each.
 */
public final class FieldException extends Exception {

    private static final long serialVersionUID = 1L;

    public FieldException(String reason) {
        super(reason, null, false, false);
    }
}
