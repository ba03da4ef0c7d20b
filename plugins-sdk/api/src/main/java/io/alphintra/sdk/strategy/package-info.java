/**
 * The strategy plugin contract.
 *
 * <p>A plugin bundle registers a {@link io.alphintra.sdk.strategy.StrategyFactory} service; the engine creates one
 * {@link io.alphintra.sdk.strategy.Strategy} per configured instance ({@link io.alphintra.sdk.strategy.StrategyConfig})
 * and drives it on an engine thread. The strategy reaches the world only through its
 * {@link io.alphintra.sdk.strategy.StrategyContext}: market data subscriptions, orders through the host's
 * pre-trade gate, timers, queries, a small persistent state. It never sees a venue adapter or another strategy,
 * which is the "no bypass" control (PT10): with the Security Manager gone, the API shape is the protection.
 *
 * <p>Callbacks run one at a time on the engine thread, must not block, and an exception quarantines the
 * instance; see {@link io.alphintra.sdk.strategy.Strategy} for the full contract.
 */
@Export
@Version("1.0.0")
package io.alphintra.sdk.strategy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
