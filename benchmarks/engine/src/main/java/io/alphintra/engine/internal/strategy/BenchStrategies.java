package io.alphintra.engine.internal.strategy;

import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.strategy.StrategyConfig;
import io.alphintra.sdk.strategy.StrategyFactory;
import java.util.List;
import java.util.Map;

/**
 * Runs a strategy on the production {@link StrategyHost} (its own thread and bounded queue, the watchdog) without a
 * framework: the host's factory bind and configuration are package-private, hence this class's package.
 */
public final class BenchStrategies {
    private BenchStrategies() {
    }

    /** A host on {@code engine}; its state directory is {@code karaf.home}/var/strategies. */
    public static StrategyHost host(TradingEngine engine) {
        return new StrategyHost(engine, engine::send);
    }

    /**
     * Installs {@code factory} and configures one instance of it on {@code instrument}.
     *
     * @param queueCapacity events that may wait for the strategy before it is quarantined (at most 4,194,304)
     */
    public static void run(StrategyHost host, StrategyFactory factory, String instanceId, InstrumentId instrument,
                           int queueCapacity) {
        host.addStrategyFactory(factory);
        host.configure(new StrategySettings(new StrategyConfig(instanceId, factory.type(), List.of(instrument),
                new Attribution(instanceId, "bench", "ACC-S", "algo", "house"), Map.of()), false, 100_000, 10_000,
                queueCapacity));
    }

    /** RUNNING, STOPPED or QUARANTINED, with the reason. */
    public static String state(StrategyHost host, String instanceId) {
        return host.instances().stream().filter(view -> view.id().equals(instanceId))
                .map(view -> view.state() + (view.reason() == null ? "" : " (" + view.reason() + ")"))
                .findFirst().orElse("UNKNOWN");
    }

    public static void stop(StrategyHost host) {
        host.deactivate();
    }
}
