package io.alphintra.streams.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one client has been sent and not yet had written: the slow-client policy. A client may have at most
 * {@code limit} frames queued and not yet written to the network; the one after that closes it with 4008, so that a
 * client that stops reading costs the node a bounded amount of memory and never holds anybody else up. Nothing here
 * waits: a send counts, hands the frame to the sink and returns.
 */
final class ClientOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(ClientOutbox.class);
    /** Closed because it did not read fast enough (the protocol's own code, in the 4000-4999 private range). */
    static final short CANNOT_KEEP_UP = 4008;

    private final String name;
    private final FrameSink sink;
    private final int limit;
    private final Runnable onCannotKeepUp;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable written = pending::decrementAndGet;

    /**
     * @param name the client as logs name it, e.g. {@code stream 7 from 127.0.0.1:50312}
     * @param onCannotKeepUp told when the client is closed with 4008 (counted by the endpoint)
     */
    ClientOutbox(String name, FrameSink sink, int limit, Runnable onCannotKeepUp) {
        this.name = name;
        this.sink = sink;
        this.limit = limit;
        this.onCannotKeepUp = onCannotKeepUp;
    }

    /**
     * Sends one frame, unless the client already has {@code limit} frames waiting: then it is closed with 4008.
     *
     * @return false when the frame was not sent because the client is closed (now or before)
     */
    boolean send(String frame) {
        if (closed.get()) {
            return false;
        }
        if (pending.get() >= limit) {
            String reason = "client cannot keep up: " + limit + " messages buffered";
            if (close(CANNOT_KEEP_UP, reason)) {
                LOG.warn("Closed {} with {}: {}", name, CANNOT_KEEP_UP, reason);
                onCannotKeepUp.run();
            }
            return false;
        }
        pending.incrementAndGet();
        sink.write(frame, written);
        return true;
    }

    /**
     * Closes the stream with {@code code} and {@code reason}, once: later closes and sends do nothing.
     *
     * @return true when this call closed it
     */
    boolean close(short code, String reason) {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        sink.close(code, reason);
        return true;
    }

    /** Marks it closed without a close frame (the client went away). */
    void closed() {
        closed.set(true);
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Frames sent and not yet written. */
    int pending() {
        return pending.get();
    }

    int limit() {
        return limit;
    }
}
