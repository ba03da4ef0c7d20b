package io.alphintra.alerts;

/** How urgent an alert is; the log level it is written at follows it. */
public enum Severity {
    /** Worth knowing, nothing to do now (logged at INFO). */
    INFO,
    /** Needs a look soon: something degraded or a limit is near (logged at WARN). */
    WARNING,
    /** Needs a person now: trading is stopped, refused or at risk (logged at ERROR). */
    CRITICAL
}
