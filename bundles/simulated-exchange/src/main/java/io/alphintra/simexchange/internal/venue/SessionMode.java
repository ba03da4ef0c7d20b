package io.alphintra.simexchange.internal.venue;

/** Whether a venue keeps the trading sessions of its configured calendar or never closes. */
public enum SessionMode {
    /** Open only in the configured sessions, minus holidays and early closes: the real venue's hours. */
    CALENDAR,
    /**
     * Open at every time of every day, as a 24x7 venue in the configured time zone: the trading day rolls at local
     * midnight. The configured sessions, holidays and early closes are still validated, so switching back to
     * {@link #CALENDAR} cannot fail on them, but they are not in force. A demo node is started at any hour and its
     * markets must move whatever the hour is where the venue's real exchange is.
     */
    CONTINUOUS
}
