package io.alphintra.simexchange.internal.venue;

import io.alphintra.simexchange.internal.twin.ReplayData;
import java.util.ArrayList;
import java.util.List;

/**
 * The production {@link SimulatedVenue} (the same {@link VenueCore}: price-time book, session, reports) with the
 * settings of {@link BenchVenues} (ack latency 0, twin off, no fees, 24x7, one equity at 100.00), but driven on the
 * caller's thread by a {@link CallerThreadDrive} instead of its own {@code VenueRunner} thread: {@code submit} runs
 * the venue's matching before it returns and calls the {@code VenueListener} from inside that call. No recorded
 * market, no twin: the only orders in the book are the caller's. Venue time is moved to the wall clock by
 * {@link #advanceToWallClock()}, as the realtime {@code VenueRunner} does around each command it polls.
 */
public final class CallerThreadBenchVenue {
    private final SimulatedVenue adapter;
    private final CallerThreadDrive drive;
    private final long wallOffsetNanos;

    private CallerThreadBenchVenue(SimulatedVenue adapter, CallerThreadDrive drive, long wallOffsetNanos) {
        this.adapter = adapter;
        this.drive = drive;
        this.wallOffsetNanos = wallOffsetNanos;
    }

    /** Built on, and usable only from, the calling thread. */
    public static CallerThreadBenchVenue create(String venueId, String symbol) {
        // BenchVenues builds the settings (and an unstarted VenueRunner, never started here: no venue thread)
        VenueSettings settings = BenchVenues.create(venueId, symbol, 1024).settings();
        List<ReplayData> replays = new ArrayList<>();
        for (int i = 0; i < settings.instruments().size(); i++) {
            replays.add(null);
        }
        long wallOffset = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        VenueCore core = new VenueCore(settings, replays, wallOffset + System.nanoTime());
        CallerThreadDrive drive = new CallerThreadDrive(core);
        return new CallerThreadBenchVenue(SimulatedVenue.onCallerThread(settings, drive), drive, wallOffset);
    }

    public SimulatedVenue adapter() {
        return adapter;
    }

    /** Venue time to now (epoch nanoseconds from the monotonic clock), firing any timer due on the way. */
    public void advanceToWallClock() {
        drive.advanceTo(wallOffsetNanos + System.nanoTime());
    }
}
