package io.alphintra.streams.internal;

import io.alphintra.sdk.instrument.InstrumentId;
import java.util.HashSet;
import java.util.Set;

/**
 * One open stream as the dispatcher sees it: where its frames go and what it subscribed to. The subscription fields
 * are the dispatcher thread's alone; the event loop changes them only by sending the hub a command.
 */
final class StreamClient {
    final String name;
    final ClientOutbox outbox;

    boolean marketAll;
    final Set<InstrumentId> instruments = new HashSet<>();
    boolean executions;
    boolean positions;
    boolean alerts;
    /** Subscribed to positions and not yet sent a whole snapshot: the next one goes to it in full. */
    boolean positionsFresh;

    StreamClient(String name, ClientOutbox outbox) {
        this.name = name;
        this.outbox = outbox;
    }

    @Override
    public String toString() {
        return name;
    }
}
