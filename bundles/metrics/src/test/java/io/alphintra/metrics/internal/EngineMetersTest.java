package io.alphintra.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.EngineStatistics;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.order.RejectReason;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EngineMetersTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final EngineMeters meters = new EngineMeters(registry);
    private final AtomicReference<Object> statistics = new AtomicReference<>(
            new UnsupportedOperationException("statistics"));

    @Test
    void anEngineWithoutStatisticsGetsNoMetersUntilItHasThem() {
        TradingEngine engine = engine();

        meters.refresh(engine);
        assertThat(registry.scrape()).doesNotContain("alphintra_");

        statistics.set(new EngineStatistics(12, 9, 2, Map.of(RejectReason.UNKNOWN_ACCOUNT, 3L), 4, 5, 7, 1024, 6,
                3_000_000, 1_500_000, 1, 2));
        meters.refresh(engine);
        String text = registry.scrape();

        assertThat(text).contains("alphintra_orders_received_total 12.0", "alphintra_orders_accepted_total 9.0",
                "alphintra_orders_held_total 2.0", "alphintra_gate_rejections_total{reason=\"UNKNOWN_ACCOUNT\"} 3.0",
                "alphintra_gate_rejections_total{reason=\"RISK_LIMIT\"} 0.0", "alphintra_executions_total 4.0",
                "alphintra_cancels_total 5.0", "alphintra_ring_depth 7.0", "alphintra_ring_capacity 1024.0",
                "alphintra_journal_commit_seconds_count 6", "alphintra_journal_commit_seconds_sum 0.003",
                "alphintra_journal_commit_max_seconds 0.0015", "alphintra_strategy_quarantines_total 1.0",
                "alphintra_plugin_quarantines_total 2.0");
        assertThat(text.lines().filter(line -> line.startsWith("alphintra_gate_rejections_total{")))
                .hasSize(RejectReason.values().length);
    }

    @Test
    void eachScrapeReadsTheStatisticsAgainAndAnEngineThatGoesAwayTakesItsMetersAlong() {
        TradingEngine engine = engine();
        statistics.set(stats(1));
        meters.refresh(engine);
        statistics.set(stats(5));
        meters.refresh(engine);

        assertThat(registry.scrape()).contains("alphintra_orders_received_total 5.0");

        meters.refresh(null);
        assertThat(registry.scrape()).doesNotContain("alphintra_");

        statistics.set(new IllegalStateException("engine stopping"));
        meters.refresh(engine);
        assertThat(registry.scrape()).doesNotContain("alphintra_");
    }

    private static EngineStatistics stats(long received) {
        return new EngineStatistics(received, 0, 0, Map.of(), 0, 0, 0, 1024, 0, 0, 0, 0, 0);
    }

    private TradingEngine engine() {
        return (TradingEngine) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TradingEngine.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("statistics")) {
                        Object answer = statistics.get();
                        if (answer instanceof RuntimeException e) {
                            throw e;
                        }
                        return answer;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
