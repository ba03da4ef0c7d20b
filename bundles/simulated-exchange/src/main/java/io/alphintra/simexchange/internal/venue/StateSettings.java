package io.alphintra.simexchange.internal.venue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What a venue keeps across a restart of its node, and how much execution history it answers
 * {@code executionsSince} from.
 *
 * @param directory where the venue's journal lives; null for a venue that keeps its state in memory only (a test or
 *     backtest venue, or a node without a Karaf data folder)
 * @param sync whether each journal record is also forced to the disk ({@code fsync}) before the report goes out,
 *     rather than only handed to the operating system
 * @param historyDays execution reports older than this many days of venue time are forgotten
 * @param historyMaxReports most execution reports kept; the oldest are forgotten first
 */
public record StateSettings(Path directory, boolean sync, int historyDays, int historyMaxReports) {

    static final int DEFAULT_HISTORY_DAYS = 7;
    static final int DEFAULT_HISTORY_MAX_REPORTS = 100_000;

    public StateSettings {
        if (historyDays < 1 || historyMaxReports < 1) {
            throw new IllegalArgumentException("historyDays = " + historyDays + ", historyMaxReports = "
                    + historyMaxReports + ": both must be positive");
        }
    }

    /** State in memory only, with the default history bounds. */
    static StateSettings inMemory() {
        return new StateSettings(null, false, DEFAULT_HISTORY_DAYS, DEFAULT_HISTORY_MAX_REPORTS);
    }

    long historyNanos() {
        return TimeUnit.DAYS.toNanos(historyDays);
    }
}
