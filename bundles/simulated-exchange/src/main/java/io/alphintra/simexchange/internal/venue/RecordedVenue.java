package io.alphintra.simexchange.internal.venue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.TradingCalendar;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.venue.ExchangeAdapter;
import io.alphintra.simexchange.ManualVenue;
import io.alphintra.simexchange.Recording;
import io.alphintra.simexchange.internal.matching.SelfTradePrevention;
import io.alphintra.simexchange.internal.twin.InstrumentSpec;
import io.alphintra.simexchange.internal.twin.ReplayData;
import io.alphintra.simexchange.internal.twin.ReplayFormat;
import io.alphintra.simexchange.internal.twin.TwinSettings;

/**
 * A venue replaying recordings through its {@link RecordedMarket}, driven on its creator's thread: what
 * {@link io.alphintra.simexchange.SimulatedVenues} builds.
 */
public final class RecordedVenue implements ManualVenue {

    /** Bounds every maxPrice × maxQuantity as the configured venues do, so that fees and sums cannot overflow. */
    private static final long NOTIONAL_LIMIT = Long.MAX_VALUE / 4;
    /** Highest accepted price, as a multiple of the highest recorded one. */
    private static final long MAX_PRICE_FACTOR = 100;

    private final SimulatedVenue venue;
    private final CallerThreadDrive drive;

    private RecordedVenue(SimulatedVenue venue, CallerThreadDrive drive) {
        this.venue = venue;
        this.drive = drive;
    }

    /**
     * Loads the recordings and starts the venue at the first recorded print.
     *
     * @param instruments of one venue id, each replaying the recording at the same index
     * @param makerFeeRate tenths of a basis point, see {@link #feeRate}
     * @throws IllegalArgumentException for a recording that cannot be read or replayed, naming file, line and
     *     field
     */
    public static RecordedVenue create(List<Instrument> instruments, List<Recording> recordings, long ackLatencyNanos,
            int makerFeeRate, int takerFeeRate, int spreadTicks) {
        List<InstrumentSpec> specs = new ArrayList<>();
        List<ReplayData> tapes = new ArrayList<>();
        long start = Long.MAX_VALUE;
        for (int i = 0; i < instruments.size(); i++) {
            Instrument instrument = instruments.get(i);
            Recording recording = recordings.get(i);
            ReplayFormat format = ReplayFormat.valueOf(recording.format().name());
            ReplayData tape = ReplayData.load(recording.file(), format, instrument);
            tapes.add(tape);
            specs.add(spec(instrument, recording, format, tape));
            start = Math.min(start, tape.timeNanos(0));
        }
        Instrument first = instruments.get(0);
        Venue venue = new Venue(first.id().venueId(), "Recorded market", first.jurisdiction(),
                first.quoteCurrency(), TradingCalendar.alwaysOpen(ZoneOffset.UTC));
        // Indexes start small: this venue runs on its caller's thread, where growing costs throughput, not a
        // latency spike on a venue thread, and a test or backtest may build many venues.
        VenueSettings settings = new VenueSettings(venue, specs, makerFeeRate, takerFeeRate, ackLatencyNanos,
                SelfTradePrevention.CANCEL_RESTING, 50, 64, VenueSettings.MIN_ORDER_IDS,
                VenueSettings.DEFAULT_FINISHED_ORDER_WINDOW, Duration.ofSeconds(1).toNanos(), ClockMode.MANUAL,
                Instant.ofEpochSecond(0, start), TwinSettings.defaults(1).withEnabled(false),
                StateSettings.inMemory());
        CallerThreadDrive drive = new CallerThreadDrive(VenueCore.replaying(settings, tapes, start, spreadTicks));
        SimulatedVenue adapter = SimulatedVenue.onCallerThread(settings, drive);
        adapter.start();
        return new RecordedVenue(adapter, drive);
    }

    /**
     * A fee in basis points with at most one decimal, as the matching engine's tenths of a basis point.
     *
     * @throws IllegalArgumentException naming {@code field} and the text
     */
    public static int feeRate(String field, String bps) {
        if (bps == null) {
            throw new IllegalArgumentException(field + ": required (was null)");
        }
        try {
            return VenueSettings.feeRate(bps);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " = '" + bps + "': " + e.getMessage(), e);
        }
    }

    private static InstrumentSpec spec(Instrument instrument, Recording recording, ReplayFormat format,
            ReplayData tape) {
        long highest = 0;
        for (int i = 0; i < tape.size(); i++) {
            highest = Math.max(highest, tape.price(i));
        }
        long maxPrice = instrument.tickTable().floor(Math.multiplyExact(highest, MAX_PRICE_FACTOR));
        long maxQuantity = NOTIONAL_LIMIT / maxPrice;
        maxQuantity -= maxQuantity % instrument.lotSize();
        if (maxQuantity < instrument.minQuantity()) {
            throw new IllegalArgumentException(recording.file() + ": prices up to "
                    + instrument.formatPrice(highest) + " leave no order quantity of " + instrument.id()
                    + " within the venue's notional range");
        }
        // The largest quantity is also the quotes' size: a marketable order of any accepted size pays one spread.
        return new InstrumentSpec(instrument, maxPrice, maxQuantity, tape.price(0), 0, 0, maxQuantity,
                recording.file(), format);
    }

    @Override
    public ExchangeAdapter adapter() {
        return venue;
    }

    @Override
    public long nowNanos() {
        return drive.now();
    }

    @Override
    public long nextEventNanos() {
        return drive.nextDeadline();
    }

    @Override
    public void advanceTo(long nanos) {
        drive.advanceTo(nanos);
    }

    @Override
    public boolean recordingFinished() {
        return drive.recordingFinished();
    }

    @Override
    public void halt(InstrumentId instrument, String reason) {
        await(venue.halt(instrument, reason));
    }

    @Override
    public void resume(InstrumentId instrument) {
        await(venue.resume(instrument));
    }

    /** The drive runs each command before it returns: the stage is complete, and its failure is the caller's. */
    private static void await(CompletionStage<Void> stage) {
        try {
            stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
