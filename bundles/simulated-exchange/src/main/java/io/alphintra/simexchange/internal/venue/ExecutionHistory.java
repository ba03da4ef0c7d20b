package io.alphintra.simexchange.internal.venue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;

/**
 * The execution reports a venue answers {@code executionsSince} from: fills and the outcomes that ended orders, in
 * venue order, bounded by age (venue time) and by count, oldest forgotten first. The very report objects that went
 * to the host are kept, so a replayed report is the live one, execId and all. Not thread-safe: the venue thread
 * owns it.
 */
final class ExecutionHistory {
    private final ArrayDeque<ExecutionReport> reports = new ArrayDeque<>();
    private final long maxAgeNanos;
    private final int maxReports;

    ExecutionHistory(long maxAgeNanos, int maxReports) {
        if (maxAgeNanos <= 0 || maxReports < 1) {
            throw new IllegalArgumentException("maxAgeNanos = " + maxAgeNanos + ", maxReports = " + maxReports
                    + ": both must be positive");
        }
        this.maxAgeNanos = maxAgeNanos;
        this.maxReports = maxReports;
    }

    /** Whether a report belongs in the history: a fill, or an order's end other than by a fill. */
    static boolean keeps(ExecutionReport report) {
        ExecType type = report.execType();
        return type == ExecType.TRADE || type == ExecType.CANCELED || type == ExecType.EXPIRED
                || type == ExecType.REJECTED;
    }

    /** Adds a report made at venue time {@code now}, forgetting what falls out of the bounds. */
    void add(ExecutionReport report, long now) {
        if (reports.size() == maxReports) {
            reports.pollFirst();
        }
        reports.addLast(report);
        forgetBefore(now);
    }

    /** Forgets the reports older than the age bound at venue time {@code now}. */
    void forgetBefore(long now) {
        long oldest = now - maxAgeNanos;
        while (!reports.isEmpty() && reports.peekFirst().transactTimeNanos() < oldest) {
            reports.pollFirst();
        }
    }

    /** The reports with a transact time at or after {@code sinceNanos}, in venue order. */
    List<ExecutionReport> since(long sinceNanos) {
        List<ExecutionReport> out = new ArrayList<>();
        for (ExecutionReport report : reports) {
            if (report.transactTimeNanos() >= sinceNanos) {
                out.add(report);
            }
        }
        return out;
    }

    /** Every report kept, oldest first (the journal rewrites them when it compacts). */
    Iterable<ExecutionReport> all() {
        return reports;
    }

    int size() {
        return reports.size();
    }
}
