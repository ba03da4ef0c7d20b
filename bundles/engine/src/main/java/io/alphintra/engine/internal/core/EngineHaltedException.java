package io.alphintra.engine.internal.core;

/**
 * The answer to every request once the engine has halted: after a journal failure or a fatal error on the engine
 * thread it takes no more orders, and says why. A restart recovers every acknowledged order from the journal.
 */
public final class EngineHaltedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public EngineHaltedException(String reason, Throwable cause) {
        super("the engine has halted and takes no orders: " + reason, cause);
    }
}
