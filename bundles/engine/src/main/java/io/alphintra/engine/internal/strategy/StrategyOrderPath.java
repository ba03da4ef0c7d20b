package io.alphintra.engine.internal.strategy;

import io.alphintra.sdk.order.OrderRequest;

/**
 * The engine's order path for orders attributed to a strategy. Registered by the engine in this unexported package,
 * so only the strategy host, in the engine's bundle, can attribute an order to a strategy; the exported
 * {@link io.alphintra.engine.TradingEngine} refuses any attribution but the operators' ({@link
 * StrategyHost#OPERATOR_STRATEGY_ID}).
 */
public interface StrategyOrderPath {

    /** As {@link io.alphintra.engine.TradingEngine#send}, for an order of the instance named by {@code source}. */
    void sendAsStrategy(OrderRequest order, String source);

    /**
     * Sets the message throttle (PT6) of the instance sending as {@code source}: {@code maxMessagesPerSecond} of its
     * own, 0 for the engine's per-strategy rate; called before the instance's first request. A path that throttles
     * nothing (a test's or benchmark's engine) has nothing to set.
     */
    default void throttleStrategy(String source, int maxMessagesPerSecond) {
    }
}
