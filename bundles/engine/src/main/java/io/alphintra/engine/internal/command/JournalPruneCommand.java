package io.alphintra.engine.internal.command;

import io.alphintra.shell.support.Inputs;
import io.alphintra.engine.TradingEngine;
import java.time.Duration;
import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code alphintra:journal-prune}: deletes archived journal segments older than a number of days. */
@Service
@Command(scope = "alphintra", name = "journal-prune", description = "Deletes archived journal segments last modified"
        + " more than --older-than days ago; live segments are never touched")
public class JournalPruneCommand implements Action {

    @Reference
    TradingEngine engine;

    @Option(name = "--older-than", required = true, description = "Age in whole days, at least 1, e.g. 90")
    String olderThanDays;

    @Override
    public Object execute() throws Exception {
        int days = Inputs.count("--older-than", olderThanDays, 1, 36_500);
        Instant cutoff = Instant.now().minus(Duration.ofDays(days));
        int deleted = engine.pruneJournalArchive(cutoff);
        System.out.println("Deleted " + deleted + " archived segments last modified before " + cutoff + "; archive now "
                + JournalCommand.megabytes(engine.journalDiskUse().archivedBytes()));
        return null;
    }
}
