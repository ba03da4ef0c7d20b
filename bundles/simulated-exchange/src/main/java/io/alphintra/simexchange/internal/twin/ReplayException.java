package io.alphintra.simexchange.internal.twin;

/** A recorded-data file the twin cannot replay; the message names the file, the line and the field. */
public final class ReplayException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ReplayException(String message) {
        super(message);
    }

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
