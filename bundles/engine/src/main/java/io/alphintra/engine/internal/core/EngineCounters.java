package io.alphintra.engine.internal.core;

import io.alphintra.engine.EngineStatistics;
import io.alphintra.sdk.order.RejectReason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.EnumMap;
import java.util.Map;

/**
 * The engine's counters for metrics: written by the engine thread alone, read by any thread without a lock or a call
 * to the engine thread. One writer needs no atomic read-modify-write: it reads its own last value plainly and
 * publishes the sum with an opaque store, which another thread's opaque load sees soon after, never torn. Counting
 * costs the engine thread a store per event and allocates nothing; the map of rejections per reason is built only
 * when {@link #statistics} is asked for.
 */
public final class EngineCounters {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final RejectReason[] REASONS = RejectReason.values();

    static final int RECEIVED = 0;
    static final int ACCEPTED = 1;
    static final int HELD = 2;
    static final int EXECUTIONS = 3;
    static final int CANCELS = 4;
    static final int COMMITS = 5;
    static final int COMMIT_NANOS = 6;
    static final int COMMIT_MAX_NANOS = 7;
    static final int STRATEGY_QUARANTINES = 8;
    static final int PLUGIN_QUARANTINES = 9;
    /** Gate rejections, one slot per {@link RejectReason} by ordinal from here. */
    private static final int REJECTIONS = 10;

    private final long[] values = new long[REJECTIONS + REASONS.length];

    /** Engine thread only. */
    void increment(int counter) {
        SLOTS.setOpaque(values, counter, values[counter] + 1);
    }

    /** A new order the gate (or the duplicate check before it) refused; engine thread only. */
    void rejected(RejectReason reason) {
        increment(REJECTIONS + (reason == null ? RejectReason.OTHER : reason).ordinal());
    }

    /** One journal commit and how long it took; engine thread only. */
    void committed(long nanos) {
        increment(COMMITS);
        SLOTS.setOpaque(values, COMMIT_NANOS, values[COMMIT_NANOS] + nanos);
        if (nanos > values[COMMIT_MAX_NANOS]) {
            SLOTS.setOpaque(values, COMMIT_MAX_NANOS, nanos);
        }
    }

    /** A counter's value as of a recent moment; any thread. */
    long get(int counter) {
        return (long) SLOTS.getOpaque(values, counter);
    }

    /** Gate rejections of one reason so far; any thread. */
    long rejections(RejectReason reason) {
        return get(REJECTIONS + reason.ordinal());
    }

    /**
     * The counters now, every reject reason included (zero for those not seen), with the ring's figures the caller
     * read; any thread.
     */
    public EngineStatistics statistics(long ringDepth, long ringCapacity) {
        Map<RejectReason, Long> rejections = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : REASONS) {
            rejections.put(reason, rejections(reason));
        }
        return new EngineStatistics(get(RECEIVED), get(ACCEPTED), get(HELD), rejections, get(EXECUTIONS),
                get(CANCELS), ringDepth, ringCapacity, get(COMMITS), get(COMMIT_NANOS), get(COMMIT_MAX_NANOS),
                get(STRATEGY_QUARANTINES), get(PLUGIN_QUARANTINES));
    }
}
