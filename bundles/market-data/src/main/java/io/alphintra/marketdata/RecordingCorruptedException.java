package io.alphintra.marketdata;

import java.io.IOException;

/**
 * A recording is damaged where it should not be: a checksum mismatch, a missing block marker, a header that is
 * not a recording's. The message names the file, the block and its byte offset, and how many records before the
 * damage were read intact. (A file that merely ends inside its last block, as a crash leaves it, is not corrupted:
 * see {@link MarketDataReader#truncation()}.)
 */
public final class RecordingCorruptedException extends IOException {

    private static final long serialVersionUID = 1L;

    public RecordingCorruptedException(String message) {
        super(message);
    }
}
