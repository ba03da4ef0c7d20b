package io.alphintra.simexchange.internal.venue;

/**
 * How the adapter's calls reach a venue's {@link VenueCore}: through the venue thread's ring ({@link VenueRunner})
 * or, for a venue driven step by step in virtual time, on the caller's own thread ({@link CallerThreadDrive}).
 */
interface VenueDrive {

    void start();

    /** Ends the session with {@code reason} and stops; false if the venue did not stop in time. */
    boolean stop(String reason, long timeoutMillis);

    boolean isRunning();

    /** Hands a command to the core; false if it cannot take it (full ring, stopped venue). */
    boolean offer(VenueCommand kind, Object payload, Object extra, long value);

    /** The time to stamp on a refusal made outside the core, epoch nanoseconds. */
    long refusalTimeNanos();
}
