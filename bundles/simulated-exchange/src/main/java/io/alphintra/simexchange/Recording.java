package io.alphintra.simexchange;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A file of recorded market data that a simulated venue replays, in one of the layouts its replay reads (a header
 * line is optional, the whole file is checked before the venue starts, and an error names file, line and field):
 *
 * <ul>
 *   <li>{@link Format#TRADES}: {@code timestamp,price,amount}, Unix seconds (non-decreasing), decimal price and
 *       amount, one print per line;</li>
 *   <li>{@link Format#BARS}: {@code date,open,high,low,close,volume}, ISO dates (increasing); a bar on date D
 *       becomes four prints at 00:00, 06:00, 12:00 and 18:00 UTC of D: open, the extreme nearer the open, the other
 *       extreme, close, with a quarter of the volume each (the remainder on the close).</li>
 * </ul>
 *
 * Prices are rounded half-even to the instrument's price scale and floored to its tick grid, amounts rounded
 * half-even to its quantity scale.
 *
 * @param file the file
 * @param format its layout
 */
@ProviderType
public record Recording(Path file, Format format) {

    /** The layouts a venue replays. */
    public enum Format {
        TRADES,
        BARS
    }

    public Recording {
        if (file == null || format == null) {
            throw new IllegalArgumentException("file = " + file + ", format = " + format + ": both are required");
        }
    }

    /** Recorded trades, {@code timestamp,price,amount}. */
    public static Recording trades(Path file) {
        return new Recording(file, Format.TRADES);
    }

    /** Recorded bars, {@code date,open,high,low,close,volume}. */
    public static Recording bars(Path file) {
        return new Recording(file, Format.BARS);
    }
}
