package io.alphintra.engine.internal;

import java.util.Optional;

/**
 * Why the engine refused to start, for {@link EngineHealth}: a component that fails to activate registers no
 * service, so only this bundle-wide note can tell {@code /health} that the node is not taking orders and why.
 */
final class EngineStartup {
    private static volatile String refusal;

    private EngineStartup() {
    }

    static void refused(String reason) {
        refusal = reason;
    }

    static void started() {
        refusal = null;
    }

    static Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }
}
