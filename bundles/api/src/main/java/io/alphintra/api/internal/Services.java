package io.alphintra.api.internal;

import io.alphintra.access.Authenticator;
import io.alphintra.alerts.AlertService;
import io.alphintra.cluster.ClusterService;
import io.alphintra.engine.StrategyControl;
import io.alphintra.engine.TradingEngine;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The services the API's handlers delegate to.
 *
 * @param limits the risk limits, while the risk-limits bundle is installed
 * @param version the version of the node (this bundle's), for {@code /status}
 */
record Services(TradingEngine engine, StrategyControl strategies, AlertService alerts, ClusterService cluster,
                Authenticator authenticator, Supplier<Optional<LimitsApi>> limits, String version) {

    LimitsApi requireLimits() {
        return limits.get().orElseThrow(() -> ApiError.unavailable("risk limits are not installed on this node"
                + " (feature alphintra-risk-limits)"));
    }
}
