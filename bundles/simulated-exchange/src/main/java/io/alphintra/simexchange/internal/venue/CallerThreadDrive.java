package io.alphintra.simexchange.internal.venue;

/**
 * Runs every command on the caller's thread, at once, and moves venue time only when told: a venue that a test or
 * a backtest steps through virtual time deterministically, with no thread of its own. The thread that creates the
 * drive owns the core; calls from any other thread fail.
 *
 * <p>The venue calls its {@link io.alphintra.sdk.venue.VenueListener} from inside these calls. A listener must not
 * call the adapter back from there (queue the work, as the engine does): a command inside a command would run
 * while the core is half way through the first, so it is refused.
 */
final class CallerThreadDrive implements VenueDrive {

    private final VenueCore core;
    private final Thread owner = Thread.currentThread();
    private boolean running;
    private boolean busy;

    CallerThreadDrive(VenueCore core) {
        this.core = core;
    }

    @Override
    public void start() {
        run(core::start);
        running = true;
    }

    @Override
    public boolean stop(String reason, long timeoutMillis) {
        if (running) {
            run(() -> {
                core.disconnect(reason);
                core.close();
            });
            running = false;
        }
        return true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean offer(VenueCommand kind, Object payload, Object extra, long value) {
        if (!running) {
            return false;
        }
        run(() -> kind.execute(core, payload, extra, value, true));
        return true;
    }

    /** Venue time: a refusal happens only once the venue has stopped, and virtual time is all there is. */
    @Override
    public long refusalTimeNanos() {
        return core.now();
    }

    /** Moves venue time to {@code target} (never back), firing every timer due on the way. */
    void advanceTo(long target) {
        run(() -> core.advanceTo(target));
    }

    long now() {
        requireOwner();
        return core.now();
    }

    long nextDeadline() {
        requireOwner();
        return core.nextDeadline();
    }

    boolean recordingFinished() {
        requireOwner();
        return core.recordingFinished();
    }

    private void run(Runnable command) {
        requireOwner();
        if (busy) {
            throw new IllegalStateException("venue called from inside one of its own VenueListener callbacks; queue"
                    + " the call and make it after the callback has returned");
        }
        busy = true;
        try {
            command.run();
        } finally {
            busy = false;
        }
    }

    private void requireOwner() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("this venue is driven by thread '" + owner.getName() + "', not '"
                    + Thread.currentThread().getName() + "'");
        }
    }
}
