package io.alphintra.engine.internal.core;

import java.time.Instant;

/** Wall-clock time in epoch nanoseconds, the engine's time outside backtests. */
public final class EngineClock {
    private EngineClock() {
    }

    public static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
