package io.alphintra.marketdata;

/** A malformed line stopped an import ({@link ErrorPolicy#STOP}), or the header does not fit the layout. */
public final class MarketDataImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ImportError error;

    public MarketDataImportException(ImportError error) {
        super(error.message());
        this.error = error;
    }

    /** The line that stopped the import. */
    public ImportError error() {
        return error;
    }
}
