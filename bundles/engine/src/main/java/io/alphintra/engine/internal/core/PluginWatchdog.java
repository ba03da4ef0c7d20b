package io.alphintra.engine.internal.core;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the plugin calls the engine thread makes (pre-trade checks, rule sets): one that runs longer than its
 * budget gets the engine thread interrupted, so that an interruptible block (a sleep, a lock, a queue) ends. The
 * engine thread measures the call itself too, so a plugin that ignores the interrupt is still caught once it returns.
 *
 * <p>The engine thread pays two volatile writes and a CAS per call; the watchdog's own thread looks every half budget
 * and does nothing else. The interrupt is delivered at most once per call and always cleared by the engine thread
 * before it goes on (see {@link #end}), even when the watchdog fires just as the call returns.
 */
public final class PluginWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginWatchdog.class);
    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int INTERRUPTING = 2;
    private static final int INTERRUPTED = 3;

    private final long budgetNanos;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private volatile long startNanos;
    /** When the watchdog interrupted the running call; written before the interrupt is sent. */
    private volatile long interruptedAtNanos;
    private volatile Thread caller;
    private volatile String plugin;
    private volatile boolean closed;
    /** Whether the watchdog interrupted the last call {@link #end} ended; engine thread only. */
    private boolean interruptedLast;
    /** How long the last call {@link #end} ended went on after the watchdog interrupted it; engine thread only. */
    private long ranAfterInterruptNanos;
    private final Thread thread;

    /** @param budgetMillis longest call allowed; 0 or less: no watchdog, calls are only timed */
    public PluginWatchdog(long budgetMillis) {
        this.budgetNanos = budgetMillis <= 0 ? Long.MAX_VALUE : TimeUnit.MILLISECONDS.toNanos(budgetMillis);
        if (budgetMillis > 0) {
            thread = new Thread(this::watch, "alphintra-engine-watchdog");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
    }

    /** The watchdog of tests and benchmarks that set none: times calls, interrupts nothing. */
    public static PluginWatchdog none() {
        return new PluginWatchdog(0);
    }

    public long budgetMillis() {
        return budgetNanos == Long.MAX_VALUE ? 0 : TimeUnit.NANOSECONDS.toMillis(budgetNanos);
    }

    /** Engine thread, before the plugin call. */
    long begin(String pluginName) {
        long now = System.nanoTime();
        plugin = pluginName;
        caller = Thread.currentThread();
        startNanos = now;
        state.set(RUNNING);
        return now;
    }

    /**
     * Engine thread, after the plugin call (in a finally). Clears an interrupt the watchdog sent for this call.
     *
     * @return the call's duration in nanoseconds when it overran its budget, else -1
     */
    long end(long startedAt) {
        boolean interrupted = false;
        if (!state.compareAndSet(RUNNING, IDLE)) {
            // The watchdog is interrupting us or has: wait until its interrupt has landed, then clear it.
            while (state.get() == INTERRUPTING) {
                Thread.onSpinWait();
            }
            state.set(IDLE);
            interrupted = true;
        }
        // Always cleared, not only after the watchdog's interrupt: a plugin may set the flag itself (restoring an
        // interrupt it caught), and a flag left set would close the journal's channel on its next write.
        Thread.interrupted();
        interruptedLast = interrupted;
        long now = System.nanoTime();
        ranAfterInterruptNanos = interrupted ? now - interruptedAtNanos : 0;
        long took = now - startedAt;
        return interrupted || took > budgetNanos ? took : -1;
    }

    private void watch() {
        long look = Math.max(TimeUnit.MILLISECONDS.toNanos(5), budgetNanos / 2);
        while (!closed) {
            LockSupport.parkNanos(look);
            if (state.get() == RUNNING && System.nanoTime() - startNanos > budgetNanos
                    && state.compareAndSet(RUNNING, INTERRUPTING)) {
                Thread engine = caller;
                LOG.warn("Plugin {} has run on the engine thread for over {} ms; interrupting it", plugin,
                        budgetMillis());
                interruptedAtNanos = System.nanoTime();
                engine.interrupt();
                state.set(INTERRUPTED);
            }
        }
    }

    /** Whether the watchdog interrupted the call {@link #end} ended last. Engine thread only. */
    boolean interruptedLast() {
        return interruptedLast;
    }

    /**
     * Whether the call {@link #end} ended last ignored the watchdog's interrupt: it went on for more than a whole
     * budget after it. Measured from the interrupt, not from the call's start, since the watchdog looks only every
     * half budget: a plugin that stops at once when interrupted is never taken for one that ignores it.
     */
    boolean ignoredInterrupt() {
        return interruptedLast && ranAfterInterruptNanos > budgetNanos;
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }
}
