package io.alphintra.simexchange.internal.venue;

/** How a venue's clock moves. Venue time is epoch nanoseconds in every mode. */
public enum ClockMode {
    /** Venue time is the wall clock; timers (latency, twin events, session changes) wait for it. The server. */
    REALTIME,
    /** Venue time jumps to the next timer whenever no command is waiting: as fast as possible. */
    VIRTUAL,
    /** Venue time moves only when the host calls {@code advanceTime}: deterministic tests. */
    MANUAL
}
