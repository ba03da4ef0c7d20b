package io.alphintra.metrics.internal;

import io.alphintra.engine.EngineStatistics;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.order.RejectReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's counters as meters, read from {@link TradingEngine#statistics()} once per scrape rather than once per
 * meter. They exist while the engine answers: registered at the first scrape that can read its statistics, removed at
 * a scrape that cannot (no engine running, or one that keeps no statistics), so that Prometheus sees the series end
 * rather than a stale value.
 */
final class EngineMeters {
    private static final Logger LOG = LoggerFactory.getLogger(EngineMeters.class);
    private static final double NANOS_PER_SECOND = 1e9;

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private volatile EngineStatistics latest;
    private boolean failureLogged;

    EngineMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Reads {@code engine}'s statistics (null: none running) for the scrape about to be written. */
    synchronized void refresh(TradingEngine engine) {
        EngineStatistics statistics = read(engine);
        if (statistics == null) {
            meters.forEach(registry::remove);
            meters.clear();
            return;
        }
        latest = statistics;
        if (meters.isEmpty()) {
            register();
        }
    }

    private EngineStatistics read(TradingEngine engine) {
        if (engine == null) {
            return null;
        }
        try {
            EngineStatistics statistics = engine.statistics();
            failureLogged = false;
            return statistics;
        } catch (UnsupportedOperationException noStatistics) {
            return null; // an engine that predates statistics (API 1.6): nothing to report
        } catch (RuntimeException e) {
            if (!failureLogged) {
                failureLogged = true;
                LOG.warn("The engine's statistics could not be read; its metrics are left out until they can: {}",
                        e.toString());
            }
            return null;
        }
    }

    private void register() {
        counter("alphintra.orders.received", "New orders offered to the gate, from every source",
                EngineStatistics::ordersReceived);
        counter("alphintra.orders.accepted", "Orders the gate accepted (held ones included)",
                EngineStatistics::ordersAccepted);
        counter("alphintra.orders.held", "Accepted orders held for an override", EngineStatistics::ordersHeld);
        for (RejectReason reason : RejectReason.values()) {
            meters.add(FunctionCounter.builder("alphintra.gate.rejections", this,
                            self -> self.latest.gateRejections().getOrDefault(reason, 0L).doubleValue())
                    .description("Orders the gate refused, by reason").tag("reason", reason.name())
                    .register(registry));
        }
        counter("alphintra.executions", "Venue executions booked (fills and partial fills)",
                EngineStatistics::executions);
        counter("alphintra.cancels", "Cancels offered to the engine", EngineStatistics::cancelsRequested);
        gauge("alphintra.ring.depth", "Commands waiting for the engine thread", null, s -> s.ringDepth());
        gauge("alphintra.ring.capacity", "Size of the engine's command ring", null, s -> s.ringCapacity());
        meters.add(FunctionTimer.builder("alphintra.journal.commit", this,
                        self -> self.latest.journalCommits(), self -> self.latest.journalCommitNanos(),
                        TimeUnit.NANOSECONDS)
                .description("Journal commits, each making a batch of records durable").register(registry));
        gauge("alphintra.journal.commit.max", "The longest journal commit since the engine started", "seconds",
                s -> s.journalCommitMaxNanos() / NANOS_PER_SECOND);
        counter("alphintra.strategy.quarantines", "Strategy instances quarantined",
                EngineStatistics::strategyQuarantines);
        counter("alphintra.plugin.quarantines", "Pre-trade checks and rule sets quarantined",
                EngineStatistics::pluginQuarantines);
    }

    private void counter(String name, String description, java.util.function.ToLongFunction<EngineStatistics> value) {
        meters.add(FunctionCounter.builder(name, this, self -> value.applyAsLong(self.latest))
                .description(description).register(registry));
    }

    private void gauge(String name, String description, String unit, ToDoubleFunction<EngineStatistics> value) {
        meters.add(Gauge.builder(name, this, self -> value.applyAsDouble(self.latest)).description(description)
                .baseUnit(unit).register(registry));
    }
}
