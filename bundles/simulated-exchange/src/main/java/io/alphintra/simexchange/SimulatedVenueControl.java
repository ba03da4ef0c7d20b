package io.alphintra.simexchange;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

import io.alphintra.sdk.instrument.InstrumentId;

/**
 * Operators' controls of the simulated venues a node runs: one OSGi service for all of them, the instrument id
 * naming the venue. A halt is what a venue or a regulator does to an instrument (a volatility pause, news pending):
 * the venue refuses new orders and replaces in it with {@code VENUE_CLOSED} (cancels still work), its market stops
 * trading it, and the host hears {@link io.alphintra.sdk.venue.VenueListener#onInstrumentStatus onInstrumentStatus}
 * {@code HALTED}; a venue with a journal keeps the halt across a restart. Each call returns at once; the venue
 * applies it on its own thread and the stage completes once it has.
 *
 * @since 1.1
 */
@ProviderType
public interface SimulatedVenueControl {

    /**
     * Halts an instrument; halting it again changes the reason.
     *
     * @param reason for operators and the host, e.g. {@code news pending}; not blank, at most 256 characters
     * @return completes when the venue has halted it; fails with {@link IllegalArgumentException} when no simulated
     *     venue of this node lists the instrument, with {@link IllegalStateException} when its venue is stopped or
     *     its command queue is full
     * @throws IllegalArgumentException for a null instrument, or a blank or longer reason
     */
    CompletionStage<Void> halt(InstrumentId instrument, String reason);

    /**
     * Ends a halt: the instrument trades again (the host hears {@code TRADING}, or {@code CLOSED} outside the venue's
     * sessions). Resuming an instrument that is not halted does nothing.
     *
     * @return as for {@link #halt}
     * @throws IllegalArgumentException for a null instrument
     */
    CompletionStage<Void> resume(InstrumentId instrument);
}
