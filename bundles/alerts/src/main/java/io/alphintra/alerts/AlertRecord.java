package io.alphintra.alerts;

/**
 * An alert as the service keeps it: one incident, with how often it was raised. Immutable: a later repeat or an
 * acknowledgement makes a new record with the same id.
 *
 * @param id the alert's number, increasing in the order alerts were first raised, never reused on this node
 * @param alert the latest raise of it (its message, severity and scope are the newest the raiser gave)
 * @param count how many times it was raised, 1 for the first
 * @param firstRaisedAtNanos when it was first raised, nanoseconds since the epoch
 * @param lastRaisedAtNanos when it was last raised, nanoseconds since the epoch
 * @param acknowledgement who acknowledged it, or null while it is open
 */
public record AlertRecord(long id, Alert alert, long count, long firstRaisedAtNanos, long lastRaisedAtNanos,
        Acknowledgement acknowledgement) {

    /** True once an operator took it on: it no longer de-duplicates, and is listed only with {@code --all}. */
    public boolean acknowledged() {
        return acknowledgement != null;
    }
}
