package io.alphintra.engine;

import io.alphintra.sdk.order.RejectReason;
import java.util.Map;

/**
 * Counters the engine keeps as it works, for metrics: readable from any thread at any time without stopping the
 * engine (each value is as of a recent moment; the counters are not read atomically together). Counters only grow
 * from the engine's start.
 *
 * @param ordersReceived        new orders offered to the gate, from every source
 * @param ordersAccepted        accepted by the gate (held ones included)
 * @param ordersHeld            accepted held for an override
 * @param gateRejections        refused by the gate, per reason
 * @param executions            venue executions booked (fills and partial fills)
 * @param cancelsRequested      cancels offered to the engine
 * @param ringDepth             commands waiting for the engine thread now
 * @param ringCapacity          the size of its ring
 * @param journalCommits        journal commits (each makes a batch of records durable)
 * @param journalCommitNanos    total time those commits took
 * @param journalCommitMaxNanos the longest commit since the engine started
 * @param strategyQuarantines   strategy instances quarantined
 * @param pluginQuarantines     pre-trade checks and rule sets quarantined
 * @since 1.6
 */
public record EngineStatistics(long ordersReceived, long ordersAccepted, long ordersHeld,
                               Map<RejectReason, Long> gateRejections, long executions, long cancelsRequested,
                               long ringDepth, long ringCapacity, long journalCommits, long journalCommitNanos,
                               long journalCommitMaxNanos, long strategyQuarantines, long pluginQuarantines) {
    public EngineStatistics {
        gateRejections = Map.copyOf(gateRejections);
    }
}
