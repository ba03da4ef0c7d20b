package io.alphintra.engine.internal.core;

import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.engine.internal.journal.JournalRetention;
import io.alphintra.engine.internal.snapshot.SnapshotInfo;
import io.alphintra.engine.internal.snapshot.SnapshotInput;
import io.alphintra.engine.internal.snapshot.SnapshotRecoveryException;
import io.alphintra.engine.internal.snapshot.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the engine takes snapshots, which one it recovers from, and which journal segments they make unnecessary
 * (decision 10). Snapshots live in {@code <journal>/snapshots}; the two newest are kept, and once a new one is
 * durable the segments wholly covered by the older kept one are archived to {@code <journal>/archive} or deleted.
 * Engine thread only.
 */
public final class Snapshotter {
    private static final Logger LOG = LoggerFactory.getLogger(Snapshotter.class);
    /** The newest, and the one recovery falls back to when the newest is damaged. */
    static final int KEEP = 2;

    private final Journal journal;
    private final SnapshotStore store;
    private final long everyRecords;
    private final JournalRetention retention;
    private final Path archive;

    /** The journal sequence the newest trusted snapshot covers; 0 while there is none. */
    private long covered;
    /** The journal sequence at which a snapshot is due by count; never when counting is off. */
    private long nextDue = Long.MAX_VALUE;
    private boolean requested;
    private final List<CompletableFuture<SnapshotInfo>> requests = new ArrayList<>();

    /**
     * @param everyRecords journal records between snapshots; 0 takes them only on request and at a clean stop
     */
    public Snapshotter(Journal journal, long everyRecords, JournalRetention retention) {
        if (everyRecords < 0) {
            throw new IllegalArgumentException("everyRecords = " + everyRecords + ": must be 0 (never by count) or more");
        }
        this.journal = journal;
        this.store = new SnapshotStore(journal.directory().resolve("snapshots"));
        this.everyRecords = everyRecords;
        this.retention = retention;
        this.archive = journal.directory().resolve("archive");
    }

    public SnapshotStore store() {
        return store;
    }

    public Path archive() {
        return archive;
    }

    /** Cheap enough for every end of batch: two comparisons, no allocation. */
    boolean due(long lastSequence) {
        return lastSequence >= nextDue || requested;
    }

    CompletableFuture<SnapshotInfo> request() {
        CompletableFuture<SnapshotInfo> answer = new CompletableFuture<>();
        requests.add(answer);
        requested = true;
        return answer;
    }

    /** Takes the snapshot that is due; a failure is logged and answered, and never stops the engine. */
    void takeDue(EngineCore core) {
        List<CompletableFuture<SnapshotInfo>> waiting = requests.isEmpty() ? List.of() : List.copyOf(requests);
        requests.clear();
        requested = false;
        SnapshotInfo info;
        try {
            info = take(core);
        } catch (IOException | RuntimeException e) {
            // The journal still holds every record: nothing is lost, recovery just replays more.
            scheduleAfter(journal.lastSequence());
            LOG.error("Engine snapshot at journal sequence {} failed; the engine goes on{}", journal.lastSequence(),
                    nextDue == Long.MAX_VALUE ? "" : " and tries again at sequence " + nextDue, e);
            waiting.forEach(answer -> answer.completeExceptionally(e));
            return;
        }
        waiting.forEach(answer -> answer.complete(info));
    }

    /**
     * Writes a snapshot of the engine as it is now, on the engine thread between batches, unless the newest one
     * already covers every journaled record.
     */
    SnapshotInfo take(EngineCore core) throws IOException {
        // Commits whatever the batch appended, so that the state written is exactly the journal up to `sequence`.
        journal.commit();
        long sequence = journal.lastSequence();
        Path file = store.path(sequence);
        if (sequence == covered) {
            return new SnapshotInfo(sequence, core.orderCount(), Files.exists(file) ? Files.size(file) : 0, 0,
                    Files.exists(file) ? file : null, false);
        }
        long started = System.nanoTime();
        String stateHash = core.stateHash();
        long bytes = store.write(sequence, EngineClock.nowNanos(), out -> core.writeSnapshot(out, stateHash));
        long millis = (System.nanoTime() - started) / 1_000_000;
        covered = sequence;
        scheduleAfter(sequence);
        LOG.info("Engine snapshot at journal sequence {}: {} orders, {} bytes in {} ms ({})", sequence,
                core.orderCount(), bytes, millis, file);
        retireCovered();
        return new SnapshotInfo(sequence, core.orderCount(), bytes, millis, file, true);
    }

    /**
     * Installs the newest usable snapshot into {@code core}: intact, covering no more than the journal holds, and
     * not needing records the journal no longer holds. A snapshot that is not usable is logged and the previous one
     * tried; without one, the whole journal is replayed if it still starts at sequence 1.
     *
     * @return the sequence to replay the journal from
     * @throws SnapshotRecoveryException when neither a snapshot nor the whole journal can rebuild the state
     */
    long restore(EngineCore core) throws IOException {
        long first = journal.firstSequence();
        long last = journal.lastSequence();
        List<SnapshotStore.Entry> entries = store.list();
        if (last == 0 && !entries.isEmpty()) {
            throw new SnapshotRecoveryException("The engine will not start: " + store.directory() + " holds "
                    + entries.size() + " snapshots up to journal sequence " + entries.get(0).sequence()
                    + ", but the journal in " + journal.directory() + " holds no records: its segments were removed"
                    + " or the directory replaced. Restoring from a snapshot without its journal would lose every"
                    + " order after it. Put the journal's segments back (from a backup, or from " + archive
                    + "), or, to start with no orders and positions at all, move " + store.directory()
                    + " aside. Nothing was changed on disk.");
        }
        List<String> problems = new ArrayList<>();
        List<SnapshotStore.Entry> unusable = new ArrayList<>();
        for (SnapshotStore.Entry entry : entries) {
            String problem;
            if (entry.sequence() > last) {
                problem = "it covers journal sequences up to " + entry.sequence() + ", but the journal ends at "
                        + last + " (the journal lost records it held when the snapshot was taken, or was restored"
                        + " from an older copy)";
                unusable.add(entry);
            } else if (entry.sequence() < first - 1) {
                problem = "it needs the journal from sequence " + (entry.sequence() + 1) + ", which starts at "
                        + first;
            } else {
                problem = verify(entry);
                if (problem == null) {
                    problem = install(core, entry);
                }
                if (problem != null) {
                    unusable.add(entry);
                }
            }
            if (problem == null) {
                settle(unusable);
                covered = entry.sequence();
                scheduleAfter(covered);
                return covered + 1;
            }
            problems.add(entry.path() + ": " + problem);
            LOG.warn("Snapshot {} is not used: {}; trying {}", entry.path(), problem,
                    entries.indexOf(entry) + 1 < entries.size() ? "the previous one"
                            : first == 1 ? "the whole journal" : "nothing else");
        }
        if (first == 1) {
            if (!problems.isEmpty()) {
                LOG.warn("No usable snapshot; replaying the whole journal");
            }
            settle(unusable);
            scheduleAfter(0);
            return 1;
        }
        throw new SnapshotRecoveryException("The engine will not start: the journal in " + journal.directory()
                + " starts at sequence " + first + " (the segments before it were "
                + (Files.isDirectory(archive) ? "archived to " + archive + " or deleted" : "deleted")
                + " after snapshots), so only a snapshot covering sequence " + (first - 1) + " or later can rebuild"
                + " the state, and "
                + (problems.isEmpty() ? "there is none in " + store.directory()
                : "none can: " + String.join("; ", problems))
                + ". Starting without them would lose acknowledged orders and fills. Put an intact snapshot into "
                + store.directory() + " (from a backup or replica), or put the journal's earlier segments back into "
                + journal.directory() + (Files.isDirectory(archive) ? " from " + archive : "")
                + " (every one from segment-00000000000000000001.journal on, or from the one after a usable"
                + " snapshot), and start again. Nothing was changed on disk.");
    }

    private String verify(SnapshotStore.Entry entry) {
        try {
            return store.problem(entry);
        } catch (IOException e) {
            return "it cannot be read: " + e;
        }
    }

    /** @return null when installed and verified, else why not (the engine is then as empty as before) */
    private String install(EngineCore core, SnapshotStore.Entry entry) {
        long started = System.nanoTime();
        EngineSnapshot.Content content;
        try (SnapshotInput in = store.open(entry)) {
            content = EngineSnapshot.read(in);
        } catch (IOException | RuntimeException e) {
            return "it cannot be read: " + e.getMessage();
        }
        try {
            core.install(content);
            // The checksum proved the bytes; this proves the codec: a defect must never silently change positions.
            String restored = core.stateHash();
            if (!restored.equals(content.stateHash())) {
                core.resetState();
                return "the state it restores hashes to " + restored + ", not to " + content.stateHash()
                        + " as when it was taken (a defect of the snapshot's reader or writer)";
            }
            LOG.info("Restored snapshot {} (journal sequence {}, taken {}, {} orders) in {} ms; state hash {}",
                    entry.path(), entry.sequence(), Instant.ofEpochSecond(0, store.takenAt(entry)),
                    content.orders().size(), (System.nanoTime() - started) / 1_000_000, restored);
            return null;
        } catch (IOException | RuntimeException e) {
            core.resetState();
            return "it cannot be restored: " + e;
        }
    }

    /** Once recovery knows it can proceed (a refusal changes nothing on disk). */
    private void settle(List<SnapshotStore.Entry> unusable) throws IOException {
        for (Path leftover : store.deleteTemporaries()) {
            LOG.info("Removed {}: a snapshot whose writing a crash interrupted (never used)", leftover);
        }
        for (SnapshotStore.Entry entry : unusable) {
            Path aside = store.setAside(entry);
            LOG.warn("Snapshot {} set aside as {}, out of the rotation, for investigation", entry.path(), aside);
        }
    }

    /** Keeps the two newest snapshots and retires the segments the older one covers. */
    private void retireCovered() {
        try {
            List<SnapshotStore.Entry> kept = store.prune(KEEP);
            if (kept.size() < KEEP) {
                return;
            }
            SnapshotStore.Entry older = kept.get(KEEP - 1);
            List<Path> retired = journal.retire(older.sequence(),
                    retention == JournalRetention.ARCHIVE ? archive : null);
            if (!retired.isEmpty()) {
                LOG.info("Journal segments {} to {} ({} files) {}: snapshot {} covers them", retired.get(0).getFileName(),
                        retired.get(retired.size() - 1).getFileName(), retired.size(),
                        retention == JournalRetention.ARCHIVE ? "archived to " + archive : "deleted",
                        older.path().getFileName());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Keeping snapshots and journal segments as they are ({}); the next snapshot tries again",
                    e.toString());
        }
    }

    private void scheduleAfter(long sequence) {
        nextDue = everyRecords == 0 || sequence > Long.MAX_VALUE - everyRecords ? Long.MAX_VALUE
                : sequence + everyRecords;
    }
}
