package io.alphintra.engine.internal.command;

import io.alphintra.engine.EngineStatistics;
import io.alphintra.engine.TradingEngine;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code alphintra:engine}: the engine's state digest, order counts and counters since its start. Two nodes (or one node before a crash and
 * after its recovery) that print the same digest hold the same orders, fills and positions.
 */
@Service
@Command(scope = "alphintra", name = "engine", description = "Shows the engine's state digest and order counts")
public class EngineCommand implements Action {

    @Reference
    TradingEngine engine;

    @Override
    public Object execute() throws Exception {
        var halted = engine.haltReason();
        if (halted.isPresent()) {
            // A halted engine answers no query; say why, which is what an operator needs now.
            System.out.println("State      HALTED: " + halted.get());
            engine.quarantinedPlugins().forEach((id, why) -> System.out.println("Quarantined " + id + ": " + why));
            return null;
        }
        System.out.println("State      RUNNING");
        engine.quarantinedPlugins().forEach((id, why) -> System.out.println("Quarantined " + id + ": " + why));
        var orders = engine.orders().toCompletableFuture().get(10, TimeUnit.SECONDS);
        long working = orders.stream().filter(o -> !o.status().isTerminal()).count();
        System.out.println("Orders     " + orders.size() + " (" + working + " working)");
        System.out.println("State hash " + engine.stateHash().toCompletableFuture().get(10, TimeUnit.SECONDS));
        EngineStatistics stats = engine.statistics();
        long rejected = stats.gateRejections().values().stream().mapToLong(Long::longValue).sum();
        System.out.println("Since start " + stats.ordersReceived() + " orders received, " + stats.ordersAccepted()
                + " accepted (" + stats.ordersHeld() + " held), " + rejected + " rejected; " + stats.executions()
                + " executions; " + stats.cancelsRequested() + " cancels");
        System.out.println("Journal    " + stats.journalCommits() + " commits, mean "
                + (stats.journalCommits() == 0 ? 0 : stats.journalCommitNanos() / stats.journalCommits() / 1000)
                + " us, longest " + stats.journalCommitMaxNanos() / 1000 + " us; ring " + stats.ringDepth() + " of "
                + stats.ringCapacity() + " slots waiting");
        return null;
    }
}
