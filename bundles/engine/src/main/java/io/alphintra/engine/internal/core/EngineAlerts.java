package io.alphintra.engine.internal.core;

/**
 * Where the engine reports what people must act on (a halt, an order to reconcile, a quarantined plugin, a kill
 * switch): the alerts bundle in a node, nothing in tests and benchmarks. Called on the engine thread: an
 * implementation hands the alert over and returns, never blocks.
 */
@FunctionalInterface
public interface EngineAlerts {
    EngineAlerts NONE = (key, critical, message) -> { };

    /**
     * @param key      what the alert is about, stable for repeats of the same condition (e.g. {@code engine.halt})
     * @param critical whether trading is stopped or money is in doubt, rather than a warning
     */
    void raise(String key, boolean critical, String message);
}
