package io.alphintra.simexchange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.simexchange.internal.venue.RecordedVenue;

/**
 * Builds simulated venues outside the server, for tests and backtests.
 *
 * <pre>{@code
 * ManualVenue venue = SimulatedVenues.builder()
 *         .instrument(btcUsd, Recording.trades(Path.of("trades.csv")))
 *         .ackLatency(Duration.ofMillis(5))
 *         .buildManual();
 * }</pre>
 *
 * <h2>The replayed market</h2>
 * A venue built here has no twin: its market is the recording. At each print's recorded time the venue publishes
 * the print as a trade, exactly as recorded (its own book trades are not published, so the tape does not depend on
 * the host's orders), fills the host's orders that the print went through (bids at or above its price, asks at or
 * below, best first, at the host order's price, by at most the printed quantity rounded down to lots), then quotes
 * {@link Builder#spreadTicks(int) spreadTicks} below and above the print for the largest quantity the venue
 * accepts, behind any host order that the quote would cross. A resting limit order therefore fills only when the
 * recording trades at or through its price, and a marketable order pays the spread. Host stop orders trigger on
 * the prints. Prints with a quantity that rounds to zero are skipped.
 *
 * <p>The venue is open around the clock (UTC); DAY orders expire at midnight UTC. It starts at the first recorded
 * print, accepts every order type and time in force of the SDK, checks orders against the instruments given here,
 * and charges {@link Builder#fees(String, String) fees} on each fill like the server's venues.
 */
@ProviderType
public final class SimulatedVenues {

    private SimulatedVenues() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects a venue's instruments and settings; not thread-safe. */
    public static final class Builder {

        private static final long MAX_LATENCY_NANOS = Duration.ofMinutes(1).toNanos();

        private final List<Instrument> instruments = new ArrayList<>();
        private final List<Recording> recordings = new ArrayList<>();
        private long ackLatencyNanos;
        private int makerFeeRate;
        private int takerFeeRate;
        private int spreadTicks = 1;

        private Builder() {
        }

        /**
         * Lists an instrument and the recording that is its market. Every instrument of a venue has the same venue
         * id.
         */
        public Builder instrument(Instrument instrument, Recording recording) {
            if (instrument == null || recording == null) {
                throw new IllegalArgumentException("instrument = " + instrument + ", recording = " + recording
                        + ": both are required");
            }
            if (!instruments.isEmpty() && !instruments.get(0).id().venueId().equals(instrument.id().venueId())) {
                throw new IllegalArgumentException("instrument " + instrument.id() + ": a venue lists instruments of"
                        + " one venue id, here " + instruments.get(0).id().venueId());
            }
            for (Instrument listed : instruments) {
                if (listed.id().equals(instrument.id())) {
                    throw new IllegalArgumentException("instrument " + instrument.id() + ": listed twice");
                }
            }
            instruments.add(instrument);
            recordings.add(recording);
            return this;
        }

        /** Venue time from a request's arrival to its effect and report; zero (the default) to one minute. */
        public Builder ackLatency(Duration latency) {
            if (latency == null || latency.isNegative() || latency.toNanos() > MAX_LATENCY_NANOS) {
                throw new IllegalArgumentException("ackLatency = " + latency + ": must be between 0 and one minute");
            }
            ackLatencyNanos = latency.toNanos();
            return this;
        }

        /**
         * Fees in basis points with at most one decimal, e.g. {@code fees("1", "2.5")}: charged on each fill in the
         * quote currency, rounded up to the notional scale. Zero by default.
         */
        public Builder fees(String makerBps, String takerBps) {
            makerFeeRate = RecordedVenue.feeRate("makerBps", makerBps);
            takerFeeRate = RecordedVenue.feeRate("takerBps", takerBps);
            return this;
        }

        /** How many ticks the replayed market's quotes stand off each print; 1 by default. */
        public Builder spreadTicks(int ticks) {
            if (ticks < 1) {
                throw new IllegalArgumentException("spreadTicks = " + ticks + ": must be at least 1");
            }
            spreadTicks = ticks;
            return this;
        }

        /**
         * Loads the recordings and builds the venue for the calling thread, which alone may use it.
         *
         * @throws IllegalArgumentException for a recording that cannot be read or replayed; the message names the
         *     file, the line and the field
         */
        public ManualVenue buildManual() {
            if (instruments.isEmpty()) {
                throw new IllegalArgumentException("instruments: none listed; a venue needs at least one");
            }
            return RecordedVenue.create(instruments, recordings, ackLatencyNanos, makerFeeRate, takerFeeRate,
                    spreadTicks);
        }

    }
}
