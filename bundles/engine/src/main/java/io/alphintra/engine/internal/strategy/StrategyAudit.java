package io.alphintra.engine.internal.strategy;

/**
 * Where the strategy host reports quarantines for the audit trail, beside the ERROR log and
 * {@code alphintra:strategies}. The engine registers it as a service and journals each call; without one bound,
 * quarantines are only logged.
 */
public interface StrategyAudit {

    /**
     * An instance was quarantined: it no longer receives events and its working orders are being cancelled (unless
     * configured not to). Called once per quarantine, on a host thread — never the engine thread, so an
     * implementation may hand the record to the engine's ring — and it must not block for long.
     *
     * @param instanceId the strategy instance, the strategy id its orders carry
     * @param reason what it did, as operators see it
     * @param epochNanos when the host decided, wall clock
     */
    void quarantined(String instanceId, String reason, long epochNanos);
}
