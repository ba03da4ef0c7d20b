package io.alphintra.simexchange.internal.venue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.order.CancelRequest;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.venue.ExchangeAdapter;
import io.alphintra.sdk.venue.VenueCapabilities;
import io.alphintra.sdk.venue.VenueListener;
import io.alphintra.simexchange.internal.twin.InstrumentSpec;
import io.alphintra.simexchange.internal.twin.ReplayData;

/**
 * The exchange adapter of one simulated venue. Every method returns at once: it puts a command on the venue
 * thread's ring ({@link VenueRunner}) and the answer comes back through the {@link VenueListener} on the venue
 * thread. When the ring is full (the host outruns the venue) a request is refused with
 * {@link RejectReason#THROTTLED} on the caller's thread instead of blocking it. A venue built
 * {@linkplain #onCallerThread on the caller's thread} runs each command there instead, before the call returns.
 */
public final class SimulatedVenue implements ExchangeAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedVenue.class);

    private final VenueSettings settings;
    private final VenueCapabilities capabilities;
    private final List<Instrument> instruments;
    private final VenueDrive drive;
    private volatile VenueListener lastListener;

    private SimulatedVenue(VenueSettings settings, VenueDrive drive) {
        this.settings = settings;
        this.capabilities = new VenueCapabilities(EnumSet.allOf(OrderType.class), EnumSet.allOf(TimeInForce.class),
                true, settings.bookDepth(),
                EnumSet.of(MarketDataType.TRADES, MarketDataType.TOP_OF_BOOK, MarketDataType.BOOK_DELTAS));
        List<Instrument> list = new ArrayList<>();
        for (InstrumentSpec spec : settings.instruments()) {
            list.add(spec.instrument());
        }
        this.instruments = List.copyOf(list);
        this.drive = drive;
    }

    /**
     * Builds a venue, loading its replay files; nothing runs until {@link #start()}.
     *
     * @throws io.alphintra.simexchange.internal.twin.ReplayException naming file, line and field of bad data
     */
    public static SimulatedVenue create(VenueSettings settings) {
        List<ReplayData> replays = new ArrayList<>();
        for (InstrumentSpec spec : settings.instruments()) {
            replays.add(spec.replayFile() == null ? null
                    : ReplayData.load(spec.replayFile(), spec.replayFormat(), spec.instrument()));
        }
        long start = settings.clockMode() == ClockMode.REALTIME
                ? Math.multiplyExact(System.currentTimeMillis(), 1_000_000L)
                : SessionSchedule.toNanos(settings.clockStart());
        return new SimulatedVenue(settings, new VenueRunner(new VenueCore(settings, replays, start),
                settings.clockMode(), settings.commandQueueSize(), "alphintra-venue-" + settings.venue().id()));
    }

    /** A venue whose commands run on the thread that owns {@code drive}, in the virtual time it is moved to. */
    static SimulatedVenue onCallerThread(VenueSettings settings, CallerThreadDrive drive) {
        return new SimulatedVenue(settings, drive);
    }

    public VenueSettings settings() {
        return settings;
    }

    public void start() {
        drive.start();
        LOG.info("Venue {} ({}, {}, {}) started with {} instruments, clock {}, twin {}", settings.venue().id(),
                settings.venue().name(), settings.venue().jurisdiction(), settings.venue().currency(),
                instruments.size(), settings.clockMode(), settings.twin().enabled() ? "on" : "off");
    }

    /** Ends the session ({@code onDisconnected(reason)}) and stops the venue thread. */
    public void stop(String reason) {
        if (!drive.stop(reason, 5_000)) {
            LOG.error("Venue {}: the venue thread did not stop within 5 s", settings.venue().id());
        }
    }

    public boolean isRunning() {
        return drive.isRunning();
    }

    @Override
    public Venue venue() {
        return settings.venue();
    }

    @Override
    public VenueCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public void connect(VenueListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener: required (was null)");
        }
        lastListener = listener;
        if (!drive.offer(VenueCommand.CONNECT, listener, null, 0)) {
            listener.onDisconnected(drive.isRunning() ? "venue command queue full" : "venue stopped");
        }
    }

    @Override
    public void disconnect() {
        if (!drive.offer(VenueCommand.DISCONNECT, "logged out", null, 0)) {
            LOG.warn("Venue {}: logout not queued ({})", settings.venue().id(),
                    drive.isRunning() ? "queue full" : "venue stopped");
        }
    }

    @Override
    public CompletionStage<List<Instrument>> instruments() {
        return CompletableFuture.completedFuture(instruments);
    }

    @Override
    public void subscribe(InstrumentId instrumentId, MarketDataType type) {
        requireNonNull("instrumentId", instrumentId);
        requireNonNull("type", type);
        if (!drive.offer(VenueCommand.SUBSCRIBE, instrumentId, type, 0)) {
            LOG.warn("Venue {}: subscription {} {} not queued", settings.venue().id(), instrumentId, type);
        }
    }

    @Override
    public void unsubscribe(InstrumentId instrumentId, MarketDataType type) {
        requireNonNull("instrumentId", instrumentId);
        requireNonNull("type", type);
        drive.offer(VenueCommand.UNSUBSCRIBE, instrumentId, type, 0);
    }

    @Override
    public void submit(OrderRequest order) {
        requireNonNull("order", order);
        if (!drive.offer(VenueCommand.REQUEST, order, null, 0)) {
            refuse(ExecutionReport.builder().clientOrderId(order.clientOrderId()).instrumentId(order.instrument().id())
                    .side(order.side()).execType(ExecType.REJECTED).status(OrderStatus.REJECTED)
                    .orderQuantity(order.quantity()));
        }
    }

    @Override
    public void cancel(CancelRequest request) {
        requireNonNull("request", request);
        if (!drive.offer(VenueCommand.REQUEST, request, null, 0)) {
            refuse(ExecutionReport.builder().clientOrderId(request.clientOrderId())
                    .originalClientOrderId(request.originalClientOrderId()).instrumentId(request.instrumentId())
                    .side(request.side()).execType(ExecType.CANCEL_REJECTED).status(OrderStatus.REJECTED)
                    .orderQuantity(1));
        }
    }

    @Override
    public void replace(ReplaceRequest request) {
        requireNonNull("request", request);
        if (!drive.offer(VenueCommand.REQUEST, request, null, 0)) {
            refuse(ExecutionReport.builder().clientOrderId(request.clientOrderId())
                    .originalClientOrderId(request.originalClientOrderId()).instrumentId(request.instrument().id())
                    .side(request.side()).execType(ExecType.REPLACE_REJECTED).status(OrderStatus.REJECTED)
                    .orderQuantity(request.instrument().lotSize()));
        }
    }

    @Override
    public CompletionStage<List<OpenOrder>> openOrders() {
        CompletableFuture<List<OpenOrder>> future = new CompletableFuture<>();
        if (!drive.offer(VenueCommand.OPEN_ORDERS, future, null, 0)) {
            future.completeExceptionally(new IllegalStateException(drive.isRunning()
                    ? "venue command queue full" : "venue " + settings.venue().id() + " stopped"));
        }
        return future;
    }

    /**
     * The venue's fills and order outcomes for this host at or after {@code sinceEpochNanos} (venue time), in venue
     * order, each exactly as it was reported (same {@code execId}); kept across restarts when the venue has a
     * journal, within {@code history.days} and {@code history.maxReports}.
     */
    @Override
    public CompletionStage<List<ExecutionReport>> executionsSince(long sinceEpochNanos) {
        CompletableFuture<List<ExecutionReport>> future = new CompletableFuture<>();
        if (!drive.offer(VenueCommand.EXECUTIONS, future, null, sinceEpochNanos)) {
            future.completeExceptionally(new IllegalStateException(drive.isRunning()
                    ? "venue command queue full" : "venue " + settings.venue().id() + " stopped"));
        }
        return future;
    }

    /**
     * Halts an instrument: new orders and replaces are refused with {@code VENUE_CLOSED}, the book stops trading,
     * and the host hears {@code HALTED} with {@code reason}. The stage completes once the venue thread has done so;
     * it fails with {@link IllegalArgumentException} for an instrument the venue does not list.
     *
     * @param reason not blank, at most 256 characters
     * @throws IllegalArgumentException for a blank or longer reason
     */
    public CompletionStage<Void> halt(InstrumentId instrumentId, String reason) {
        requireNonNull("instrumentId", instrumentId);
        VenueCore.requireHaltReason(instrumentId, reason);
        return statusCommand(VenueCommand.HALT, instrumentId, new VenueCommand.Halt(instrumentId, reason));
    }

    /** Ends a halt: the host hears {@code TRADING} (or {@code CLOSED} outside sessions); as {@link #halt}. */
    public CompletionStage<Void> resume(InstrumentId instrumentId) {
        requireNonNull("instrumentId", instrumentId);
        return statusCommand(VenueCommand.RESUME, instrumentId, instrumentId);
    }

    private CompletionStage<Void> statusCommand(VenueCommand kind, InstrumentId instrumentId, Object extra) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (settings.instrument(instrumentId) == null) {
            done.completeExceptionally(new IllegalArgumentException("instrument " + instrumentId + ": not listed on "
                    + settings.venue().id()));
        } else if (!drive.offer(kind, done, extra, 0)) {
            done.completeExceptionally(new IllegalStateException(drive.isRunning()
                    ? "venue command queue full" : "venue " + settings.venue().id() + " stopped"));
        }
        return done;
    }

    /** Simulates a lost session: {@code onDisconnected(reason)} now, a reconnect after the configured delay. */
    public void dropSession(String reason) {
        drive.offer(VenueCommand.DROP, reason, null, 0);
    }

    /**
     * Moves a MANUAL clock forward by {@code nanos}, firing every timer due; the stage completes with the new venue
     * time once the venue thread has done so.
     */
    public CompletionStage<Long> advanceTime(long nanos) {
        if (settings.clockMode() != ClockMode.MANUAL) {
            throw new IllegalStateException("advanceTime needs clock.mode = manual, not " + settings.clockMode());
        }
        if (nanos < 0) {
            throw new IllegalArgumentException("nanos = " + nanos + ": time only moves forward");
        }
        CompletableFuture<Long> done = new CompletableFuture<>();
        if (!drive.offer(VenueCommand.ADVANCE, done, null, nanos)) {
            done.completeExceptionally(new IllegalStateException("venue command queue full or stopped"));
        }
        return done;
    }

    /** A refusal on the caller's thread: the ring is full or the venue stopped. */
    private void refuse(ExecutionReport.Builder builder) {
        boolean stopped = !drive.isRunning();
        ExecutionReport report = builder.execId(settings.venue().id() + "-T" + System.nanoTime())
                .rejectReason(stopped ? RejectReason.VENUE_DISCONNECTED : RejectReason.THROTTLED)
                .text(stopped ? "venue " + settings.venue().id() + " stopped"
                        : "venue command queue full (" + settings.commandQueueSize() + ")")
                .transactTimeNanos(drive.refusalTimeNanos()).receiveTimeNanos(drive.refusalTimeNanos()).build();
        VenueListener listener = lastListener;
        if (listener != null) {
            listener.onExecutionReport(report);
        } else {
            LOG.warn("Venue {}: {} refused with no session: {}", settings.venue().id(), report.clientOrderId(),
                    report.text());
        }
    }

    private static void requireNonNull(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": required (was null)");
        }
    }
}
