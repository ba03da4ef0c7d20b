package io.alphintra.engine.internal.command;

import io.alphintra.engine.JournalDiskUse;
import io.alphintra.engine.TradingEngine;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code alphintra:journal}: what the journal takes on disk, archive included, and the space left. */
@Service
@Command(scope = "alphintra", name = "journal", description = "Shows the journal's disk use: live and archived segments"
        + " and the space left on its disk")
public class JournalCommand implements Action {

    @Reference
    TradingEngine engine;

    @Override
    public Object execute() {
        JournalDiskUse use = engine.journalDiskUse();
        System.out.println("Directory  " + use.directory());
        System.out.println("Live       " + use.liveSegments() + " segments, " + megabytes(use.liveBytes()));
        System.out.println("Archived   " + use.archivedSegments() + " segments, " + megabytes(use.archivedBytes())
                + " (alphintra:journal-prune --older-than <days> deletes old ones)");
        System.out.println("Disk left  " + megabytes(use.usableBytes()));
        return null;
    }

    static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
