package io.alphintra.simexchange;

import org.osgi.annotation.versioning.ProviderType;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.venue.ExchangeAdapter;

/**
 * A simulated venue that moves in virtual time only when its owner says so, on its owner's thread: the thread that
 * built it. Every {@link #adapter()} call runs before it returns and answers through the
 * {@link io.alphintra.sdk.venue.VenueListener} from inside the call; a request with acknowledgement latency takes
 * effect when time has been advanced past it. Nothing runs in between, so the same calls give the same reports,
 * bit for bit.
 *
 * <p>A listener must not call the adapter back from inside its callbacks; it queues what it wants to do and does
 * it after the callback has returned, as the engine does. Such a call fails with {@link IllegalStateException}.
 */
@ProviderType
public interface ManualVenue {

    /** The venue as the host sees it; connect a listener before subscribing or sending orders. */
    ExchangeAdapter adapter();

    /** Venue time, epoch nanoseconds. */
    long nowNanos();

    /**
     * When the venue next does something by itself (a recorded print, a delayed request taking effect, a trading
     * day ending), epoch nanoseconds; {@link Long#MAX_VALUE} if nothing is scheduled.
     */
    long nextEventNanos();

    /** Moves venue time to {@code nanos}, doing everything due until then in time order; never moves back. */
    void advanceTo(long nanos);

    /** Whether every recorded print has been replayed. */
    boolean recordingFinished();

    /**
     * Halts an instrument, as a venue or a regulator does: the listener hears
     * {@link io.alphintra.sdk.venue.VenueListener#onInstrumentStatus onInstrumentStatus} {@code HALTED} with
     * {@code reason}, new orders and replaces in it are rejected with
     * {@link io.alphintra.sdk.order.RejectReason#VENUE_CLOSED VENUE_CLOSED} (cancels still work), and its recorded
     * prints pass unseen (not published, nothing fills) until {@link #resume}. Halting it again changes the reason.
     *
     * @throws IllegalArgumentException for an instrument the venue does not list, or a blank reason or one longer
     *     than 256 characters
     * @since 1.1
     */
    void halt(InstrumentId instrument, String reason);

    /**
     * Ends a halt: the listener hears {@code TRADING}, and the next print trades again. Does nothing for an
     * instrument that is not halted.
     *
     * @throws IllegalArgumentException for an instrument the venue does not list
     * @since 1.1
     */
    void resume(InstrumentId instrument);
}
