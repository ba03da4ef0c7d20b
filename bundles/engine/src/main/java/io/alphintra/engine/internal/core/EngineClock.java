package io.alphintra.engine.internal.core;

import java.time.Instant;

/**
 * Wall-clock time in epoch nanoseconds, the engine's time outside backtests.
 *
 * <p>The engine reads it for every event, so it is {@link System#nanoTime()} anchored to the wall clock once per
 * JVM: no {@code Instant} per read, and readings on all threads are monotonic and comparable with each other (the
 * reconciliation compares times taken on a venue's thread with times taken on the engine thread). It follows the
 * wall clock's NTP slewing, which the monotonic clock also gets, but not a step of the wall clock (an operator
 * setting the time) until the next start.
 */
public final class EngineClock {
    private static final long EPOCH_MINUS_NANO_TIME = anchor();

    private EngineClock() {
    }

    public static long nowNanos() {
        return System.nanoTime() + EPOCH_MINUS_NANO_TIME;
    }

    private static long anchor() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
    }
}
