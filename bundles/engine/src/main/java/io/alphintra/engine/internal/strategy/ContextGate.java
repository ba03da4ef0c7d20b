package io.alphintra.engine.internal.strategy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a strategy instance's context may still hand requests to the engine: orders, cancels, replaces, timers and
 * subscriptions. It is revoked once, for good, when the instance stops or is quarantined, before either is announced.
 *
 * <p>A request is admitted at the point where it is handed over: {@link #enter} just before the engine call,
 * {@link #exit} just after. A request that was admitted before the revocation may still be on its way (the engine's
 * ring can be full for a snapshot's pause); {@link #drained()} says when none is, so the host announces the
 * quarantine and sweeps the instance's working orders only after every request it ever admitted has reached the
 * engine, and none can follow. A check at the start of a context method alone would let a thread that was already
 * past it slip one more order in after the sweep.
 *
 * <p>Lock-free and allocation-free on the way in: one compare-and-set per request, an exception only when refused.
 */
final class ContextGate {
    private static final long REVOKED = 1L << 62;

    private final String instanceId;
    /** The {@link #REVOKED} bit, plus the number of requests being handed over right now. */
    private final AtomicLong state = new AtomicLong();
    /** Why it was revoked; set once, before the bit, so every refusal can say why. */
    private final AtomicReference<String> revocation = new AtomicReference<>();

    ContextGate(String instanceId) {
        this.instanceId = instanceId;
    }

    /**
     * Admits one request to be handed to the engine now; {@link #exit()} must follow once it is handed over.
     *
     * @param what the context method, for the refusal
     * @throws IllegalStateException once revoked, saying why
     */
    void enter(String what) {
        while (true) {
            long current = state.get();
            if ((current & REVOKED) != 0) {
                throw new IllegalStateException("strategy " + instanceId + ": " + what + " refused: "
                        + revocation.get());
            }
            if (state.compareAndSet(current, current + 1)) {
                return;
            }
        }
    }

    void exit() {
        state.decrementAndGet();
    }

    /**
     * Refuses every later {@link #enter}.
     *
     * @param why what refusals say, e.g. "its context was revoked when it was quarantined: ..."
     * @return true for the one call that revoked it; later calls change nothing
     */
    boolean revoke(String why) {
        if (!revocation.compareAndSet(null, why)) {
            return false;
        }
        state.getAndAdd(REVOKED);
        return true;
    }

    /** Why it was revoked; null while it is not. */
    String revocation() {
        return revocation.get();
    }

    boolean revoked() {
        return (state.get() & REVOKED) != 0;
    }

    /** Revoked, and no request admitted before is still being handed over: nothing more can reach the engine. */
    boolean drained() {
        return state.get() == REVOKED;
    }
}
