package io.alphintra.engine.internal;

import io.alphintra.engine.TradingEngine;
import io.alphintra.http.HealthContributor;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The engine's part of {@code GET /health}: DOWN, with the reason, once the engine has halted (its journal failed,
 * or its thread met a fatal error), so that a load balancer or an operator sees at once that this node takes no
 * orders; and DOWN when the engine refused to start (a configuration it cannot use). Reads volatiles: costs nothing
 * per request. While the engine is starting (or was stopped on purpose) it reports nothing.
 */
@Component(service = HealthContributor.class)
public final class EngineHealth implements HealthContributor {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TradingEngine engine;

    public EngineHealth() {
    }

    /** With the engine already bound, as Declarative Services would bind it (tests). */
    EngineHealth(TradingEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "engine";
    }

    @Override
    public Optional<String> problem() {
        TradingEngine running = engine;
        return running != null ? running.haltReason() : EngineStartup.refusal();
    }
}
