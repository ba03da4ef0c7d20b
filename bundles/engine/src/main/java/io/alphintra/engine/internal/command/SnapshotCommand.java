package io.alphintra.engine.internal.command;

import io.alphintra.engine.internal.snapshot.SnapshotInfo;
import io.alphintra.engine.internal.snapshot.SnapshotService;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code alphintra:snapshot}: writes an engine snapshot now (after the batch in progress), so that the next start
 * replays only what follows it, and retires the journal segments the older kept snapshot covers.
 */
@Service
@Command(scope = "alphintra", name = "snapshot", description = "Writes an engine snapshot now")
public class SnapshotCommand implements Action {

    @Reference
    SnapshotService snapshots;

    @Override
    public Object execute() throws Exception {
        // Minutes, not seconds: the engine thread writes every order it holds (working, and up to
        // finishedOrdersKept finished ones), millions on a busy node.
        SnapshotInfo info = snapshots.snapshot().toCompletableFuture().get(10, TimeUnit.MINUTES);
        if (info.written()) {
            System.out.println("Snapshot at journal sequence " + info.sequence() + ": " + info.orders() + " orders, "
                    + info.bytes() + " bytes in " + info.millis() + " ms");
        } else {
            System.out.println("Snapshot at journal sequence " + info.sequence() + " is current: nothing journaled"
                    + " since");
        }
        if (info.file() != null) {
            System.out.println(info.file());
        }
        return null;
    }
}
