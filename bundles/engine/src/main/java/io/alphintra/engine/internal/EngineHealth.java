package io.alphintra.engine.internal;

import io.alphintra.engine.TradingEngine;
import io.alphintra.http.HealthContributor;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The engine's part of {@code GET /health}: DOWN, with the reason, once the engine has halted (its journal failed,
 * or its thread met a fatal error), so that a load balancer or an operator sees at once that this node takes no
 * orders. Reads a volatile the engine thread set: costs nothing per request.
 */
@Component(service = HealthContributor.class)
public final class EngineHealth implements HealthContributor {
    private final TradingEngine engine;

    @org.osgi.service.component.annotations.Activate
    public EngineHealth(@Reference TradingEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "engine";
    }

    @Override
    public Optional<String> problem() {
        return engine.haltReason();
    }
}
