package io.alphintra.alerts;

import java.util.Objects;

/**
 * Who took an alert on, when, and what they noted.
 *
 * @param user the login that acknowledged it
 * @param atNanos when, nanoseconds since the epoch (UTC)
 * @param note what they said about it; empty when nothing
 */
public record Acknowledgement(String user, long atNanos, String note) {
    public Acknowledgement {
        Objects.requireNonNull(user, "acknowledging user");
        note = note == null ? "" : note;
    }
}
