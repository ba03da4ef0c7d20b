package io.alphintra.engine;

import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.ExecutionReport;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives what the engine publishes: every report once it is durable, and the market data it processes. Called on
 * the engine thread, in order: implementations must only hand the event to a thread of their own (a queue offer)
 * and return; they must never block. Events are immutable and may be kept.
 */
@ConsumerType
public interface EngineListener {

    /**
     * @param source     who sent the order, e.g. {@code strategy:momentum-1}
     * @param strategyId the strategy the order is attributed to, or null for a report about no known order
     */
    default void onReport(ExecutionReport report, String source, String strategyId) {
    }

    default void onTrade(Trade trade) {
    }

    default void onTopOfBook(TopOfBook topOfBook) {
    }
}
