package io.alphintra.engine.internal.core;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine thread's default way to wait for work: the {@link SleepingWaitStrategy} while work comes often, and
 * progressively longer sleeps once the ring has been idle for a while, so that an idle node costs little CPU.
 *
 * <p>A wait for the next event goes through these phases, and every wait starts again at the first (the progress
 * lives on the waiting thread's stack: an event resets it):
 * <ol>
 *   <li>{@code spinTries} busy spins ({@link Thread#onSpinWait});</li>
 *   <li>{@code yieldTries} {@link Thread#yield}s;</li>
 *   <li>parks of {@code minParkNanos} (100 ns, as the sleeping strategy's; Linux's default timer slack makes each
 *   about 50–60 µs) until the ring has been idle for {@code backoffAfterNanos} (1 ms): under load this is the
 *   sleeping strategy, with its latency and its cost (some 20,000 wake-ups per second while it parks);</li>
 *   <li>then parks that double from {@link #FIRST_BACKOFF_PARK_NANOS} (50 µs, about what a park of the sleeping
 *   phase really takes) up to {@code maxParkNanos}.</li>
 * </ol>
 * A thread in the last phase announces itself, and the producer that publishes next, or the Disruptor's halt,
 * unparks it at once ({@link #signalAllWhenBlocking}, which the Disruptor calls on every publish and every alert;
 * it costs a producer one volatile read while the consumer is not parked there, and an {@code unpark} when it is).
 * On a multi-producer ring, as the engine's is, that wake-up cannot be missed: the producer claims its slot with an
 * atomic update of the cursor before it reads the announcement, and the consumer reads the cursor after a full
 * fence that follows its announcement. The timed park is the backstop: should a wake-up ever be missed (a
 * single-producer ring publishes with a release store only), the event waits at most the park in progress, which
 * is at most the time already spent idle and at most {@code maxParkNanos}.
 *
 * <p>Quiet mode. A wake-up costs the engine thread some 15–50 µs of CPU on the development VM, and a yield 1.6 µs,
 * so an idle node whose market twins publish some 60 bursts of market data a second would still spend a few
 * percent of a core getting back to sleep after each burst (100 yields, a millisecond of 55 µs sleeps, then the
 * doubling parks). After a wait that lasted at least {@code backoffAfterNanos}, and until the ring has been busy for
 * {@code backoffAfterNanos} again, waits are quiet: {@code quietYieldTries} yields instead of {@code yieldTries},
 * no sleeping phase, and the announced parks double from {@code backoffAfterNanos} rather than 50 µs (the next event
 * wakes the thread whatever the park). A steady flow leaves quiet mode one {@code backoffAfterNanos} after it
 * starts; from then on the strategy behaves as the sleeping strategy until the ring is idle again.
 *
 * <p>The barrier's alert is checked on every round, so a halt stops a waiting thread at once. The strategy never
 * throws {@link com.lmax.disruptor.TimeoutException}. It is meant for one consumer per ring, as the engine's ring
 * has (its quiet mode is that consumer's history): with several, the one that parked last is woken early and the
 * others within their park in progress.
 */
public final class BackoffWaitStrategy implements WaitStrategy {
    /** The first park of the backoff phase: about what a 100 ns park of the sleeping phase really takes on Linux. */
    static final long FIRST_BACKOFF_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    static final int DEFAULT_SPIN_TRIES = 100;
    static final int DEFAULT_YIELD_TRIES = 100;
    static final int DEFAULT_QUIET_YIELD_TRIES = 10;
    static final long DEFAULT_MIN_PARK_NANOS = 100;
    static final long DEFAULT_BACKOFF_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    static final long DEFAULT_MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final int spinTries;
    private final int yieldTries;
    private final int quietYieldTries;
    private final long minParkNanos;
    private final long backoffAfterNanos;
    private final long maxParkNanos;
    /** Told of every park, before it; for tests. */
    private final ParkObserver observer;
    /** The consumer parked in the backoff phase, for a producer or an alert to wake; null while none is. */
    private volatile Thread deepParked;
    /** Waits that begin before this {@link System#nanoTime} are quiet. The consumer's own: read and written by it. */
    private long quietUntil;

    public BackoffWaitStrategy() {
        this(DEFAULT_SPIN_TRIES, DEFAULT_YIELD_TRIES, DEFAULT_QUIET_YIELD_TRIES, DEFAULT_MIN_PARK_NANOS,
                DEFAULT_BACKOFF_AFTER_NANOS, DEFAULT_MAX_PARK_NANOS);
    }

    /**
     * @param spinTries         busy spins before the first yield
     * @param yieldTries        yields before the first park
     * @param quietYieldTries   yields before the first park of a quiet wait
     * @param minParkNanos      the sleeping phase's park
     * @param backoffAfterNanos idle time after which the parks grow; the same time of activity ends quiet mode
     * @param maxParkNanos      the longest park: the longest a missed wake-up could delay an event
     */
    public BackoffWaitStrategy(int spinTries, int yieldTries, int quietYieldTries, long minParkNanos,
                               long backoffAfterNanos, long maxParkNanos) {
        this(spinTries, yieldTries, quietYieldTries, minParkNanos, backoffAfterNanos, maxParkNanos, null);
    }

    BackoffWaitStrategy(int spinTries, int yieldTries, int quietYieldTries, long minParkNanos, long backoffAfterNanos,
                        long maxParkNanos, ParkObserver observer) {
        if (spinTries < 0 || yieldTries < 0 || quietYieldTries < 0 || minParkNanos < 1 || backoffAfterNanos < 0
                || maxParkNanos < minParkNanos) {
            throw new IllegalArgumentException("spinTries, yieldTries, quietYieldTries, backoffAfterNanos >= 0,"
                    + " minParkNanos >= 1, maxParkNanos >= minParkNanos");
        }
        this.spinTries = spinTries;
        this.yieldTries = yieldTries;
        this.quietYieldTries = quietYieldTries;
        this.minParkNanos = minParkNanos;
        this.backoffAfterNanos = backoffAfterNanos;
        this.maxParkNanos = maxParkNanos;
        this.observer = observer;
        this.quietUntil = System.nanoTime();
    }

    /** Sees each park the waiting thread is about to make (tests). */
    @FunctionalInterface
    interface ParkObserver {
        void parking(long nanos);
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException {
        long available;
        for (int spins = 0; (available = dependentSequence.get()) < sequence; spins++) {
            if (spins == spinTries) {
                return waitIdle(sequence, dependentSequence, barrier);
            }
            barrier.checkAlert();
            Thread.onSpinWait();
        }
        return available;
    }

    /** Past the spins: yields, sleeping parks, announced parks; then records whether the ring was idle long. */
    private long waitIdle(long sequence, Sequence dependentSequence, SequenceBarrier barrier) throws AlertException {
        long idleSince = System.nanoTime();
        boolean quiet = idleSince - quietUntil < 0;
        int yields = quiet ? quietYieldTries : yieldTries;
        long sleepingPhase = quiet ? 0 : backoffAfterNanos;
        long available;
        int tries = 0;
        long park = 0;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            if (tries < yields) {
                tries++;
                Thread.yield();
            } else if (park == 0 && System.nanoTime() - idleSince < sleepingPhase) {
                if (observer != null) {
                    observer.parking(minParkNanos);
                }
                LockSupport.parkNanos(this, minParkNanos);
            } else {
                park = park != 0 ? Math.min(maxParkNanos, 2 * park) : firstBackoffPark(quiet);
                parkAnnounced(sequence, dependentSequence, barrier, park);
            }
        }
        long now = System.nanoTime();
        if (now - idleSince >= backoffAfterNanos) {
            quietUntil = now + backoffAfterNanos;
        }
        return available;
    }

    /** 50 µs; in a quiet wait, which expects another long idle, {@code backoffAfterNanos} (never above the cap). */
    private long firstBackoffPark(boolean quiet) {
        long first = quiet ? Math.max(FIRST_BACKOFF_PARK_NANOS, backoffAfterNanos) : FIRST_BACKOFF_PARK_NANOS;
        return Math.min(maxParkNanos, Math.max(minParkNanos, first));
    }

    /**
     * Parks after announcing it, and after looking once more: a producer claims its slot (an atomic update of the
     * cursor) before it reads the announcement, and the halt raises its alert before it does, so either this
     * thread sees the event or the alert, or its producer sees this thread and unparks it.
     */
    private void parkAnnounced(long sequence, Sequence dependentSequence, SequenceBarrier barrier, long nanos)
            throws AlertException {
        deepParked = Thread.currentThread();
        VarHandle.fullFence(); // the announcement before the reads below, on every platform
        try {
            barrier.checkAlert();
            if (dependentSequence.get() < sequence) {
                if (observer != null) {
                    observer.parking(nanos);
                }
                LockSupport.parkNanos(this, nanos);
            }
        } finally {
            deepParked = null;
        }
    }

    /** On every publish and alert: wakes the consumer if it is parked in the backoff phase. */
    @Override
    public void signalAllWhenBlocking() {
        Thread parked = deepParked;
        if (parked != null) {
            LockSupport.unpark(parked);
        }
    }

    @Override
    public String toString() {
        return "BackoffWaitStrategy{spinTries=" + spinTries + ", yieldTries=" + yieldTries + ", quietYieldTries="
                + quietYieldTries + ", minParkNanos="
                + minParkNanos + ", backoffAfterNanos=" + backoffAfterNanos + ", maxParkNanos=" + maxParkNanos + '}';
    }
}
