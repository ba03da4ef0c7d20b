package io.alphintra.simexchange.internal.venue;

import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * The venue thread: the single writer of one venue's {@link VenueCore}.
 *
 * <p>Host threads hand it commands through a multi-producer Disruptor ring of pre-allocated slots
 * ({@link #offer}); a full ring answers {@code false} at once, so the host never blocks. The venue thread polls
 * the ring ({@link EventPoller}, no consumer thread of the Disruptor's own), runs the core's timers when they are
 * due in venue time, and parks until the next timer or the next command: a producer unparks it only when it has
 * announced that it is about to park, so an idle venue costs no CPU and a busy one no system calls.
 */
final class VenueRunner implements Runnable, VenueDrive {
    private static final Logger LOG = LoggerFactory.getLogger(VenueRunner.class);

    /**
     * Longest single park, so that a lost wake-up could never stall a venue for long. Everything the venue does
     * comes from a command (which unparks it) or a timer (whose deadline bounds the park), so this is only the
     * backstop: each wake-up costs an idle venue thread some 15-20 µs of CPU on a small VM, and at the former 50 ms
     * half the wake-ups of the five demo venues on an idle node were for nothing (138-193/s then, 64/s now).
     */
    private static final long MAX_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** A ring slot; producers fill it, the venue thread reads and clears it. */
    static final class Slot {
        VenueCommand kind;
        Object payload;
        Object extra;
        long value;
    }

    private final VenueCore core;
    private final ClockMode clockMode;
    private final RingBuffer<Slot> ring;
    private final EventPoller<Slot> poller;
    private final EventPoller.Handler<Slot> handler = this::onCommand;
    private final Thread thread;
    private final long wallOffsetNanos;
    private volatile boolean running = true;
    private volatile boolean parking;

    VenueRunner(VenueCore core, ClockMode clockMode, int queueSize, String threadName) {
        this.core = core;
        this.clockMode = clockMode;
        this.ring = RingBuffer.createMultiProducer(Slot::new, queueSize, new YieldingWaitStrategy());
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.wallOffsetNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()) - System.nanoTime();
        this.thread = new Thread(this, threadName);
        this.thread.setDaemon(true);
    }

    /** Wall-clock venue time, epoch nanoseconds, monotonic. */
    long wallClockNanos() {
        return wallOffsetNanos + System.nanoTime();
    }

    @Override
    public long refusalTimeNanos() {
        return wallClockNanos();
    }

    @Override
    public void start() {
        thread.start();
    }

    /** Stops the thread after the command in progress; the session ends with {@code reason}. */
    @Override
    public boolean stop(String reason, long timeoutMillis) {
        offer(VenueCommand.DISCONNECT, reason, null, 0);
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    @Override
    public boolean isRunning() {
        return running && thread.isAlive();
    }

    /** Hands a command to the venue thread; false if the ring is full or the venue has stopped. Never blocks. */
    @Override
    public boolean offer(VenueCommand kind, Object payload, Object extra, long value) {
        if (!running) {
            return false;
        }
        long sequence;
        try {
            sequence = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return false;
        }
        Slot slot = ring.get(sequence);
        slot.kind = kind;
        slot.payload = payload;
        slot.extra = extra;
        slot.value = value;
        ring.publish(sequence);
        if (parking) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    @Override
    public void run() {
        try {
            core.start();
            while (running) {
                if (clockMode == ClockMode.REALTIME) {
                    core.advanceTo(Math.max(core.now(), wallClockNanos()));
                }
                boolean worked = poller.poll(handler) == EventPoller.PollState.PROCESSING;
                if (clockMode == ClockMode.REALTIME) {
                    core.advanceTo(Math.max(core.now(), wallClockNanos()));
                } else if (clockMode == ClockMode.VIRTUAL && !worked && core.nextDeadline() != Long.MAX_VALUE) {
                    core.advanceToNextDeadline();
                    continue;
                }
                if (!worked) {
                    park();
                }
            }
            drain();
        } catch (Throwable e) {
            LOG.error("Venue thread {} failed; the venue is stopped", thread.getName(), e);
            running = false;
        } finally {
            core.close();
        }
    }

    private void park() {
        long wait = MAX_PARK_NANOS;
        if (clockMode == ClockMode.REALTIME && core.nextDeadline() != Long.MAX_VALUE) {
            wait = Math.min(wait, core.nextDeadline() - wallClockNanos());
        }
        if (wait <= 0) {
            return;
        }
        parking = true;
        // Re-check after announcing: a producer that claimed its slot (an atomic update of the cursor) before it
        // read 'parking' is caught here. The fence keeps the announcement before the reads on every platform.
        VarHandle.fullFence();
        if (ring.getCursor() == poller.getSequence().get() && running) {
            LockSupport.parkNanos(this, wait);
        }
        parking = false;
    }

    /** Commands published before the stop still get their answer (a disconnect or a failed future). */
    private void drain() throws Exception {
        poller.poll(handler);
    }

    private boolean onCommand(Slot slot, long sequence, boolean endOfBatch) {
        VenueCommand kind = slot.kind;
        Object payload = slot.payload;
        Object extra = slot.extra;
        long value = slot.value;
        slot.payload = null;
        slot.extra = null;
        try {
            kind.execute(core, payload, extra, value, running);
        } catch (RuntimeException e) {
            LOG.error("Venue thread {}: command {} failed", thread.getName(), kind, e);
            if (payload instanceof CompletableFuture<?> future) {
                future.completeExceptionally(e);
            }
        }
        return true;
    }
}
