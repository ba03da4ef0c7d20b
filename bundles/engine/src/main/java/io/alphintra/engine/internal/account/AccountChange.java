package io.alphintra.engine.internal.account;

/**
 * One change to the account reference data, as the engine journals and logs it.
 *
 * @param kind what happened
 * @param accountId the account, or null for a configuration refused before its id could be read
 * @param source the configuration's PID (or PIDs)
 * @param detail the reference data now in force (added), what changed (changed), what was removed, or why a
 *     configuration was refused
 */
public record AccountChange(Kind kind, String accountId, String source, String detail) {

    public enum Kind {
        /** An account put in force; also every account in force when the engine starts. */
        ADDED,
        CHANGED,
        /** Its configuration was deleted: its new orders are refused as of an unknown account. */
        REMOVED,
        /** A configuration that failed validation; what was in force before stays. */
        REFUSED
    }

    @Override
    public String toString() {
        return "account " + (accountId == null ? "(id unreadable)" : accountId) + " " + kind.name().toLowerCase(
                java.util.Locale.ROOT) + " (" + source + "): " + detail;
    }
}
