package io.alphintra.streams.internal;

import io.alphintra.alerts.AlertRecord;
import io.alphintra.engine.PositionView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.portfolio.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher: one thread of the bundle's own that drains the event ring, encodes each event once and writes the
 * text to every client subscribed to it. It owns the subscription tables; the event loops change them only through
 * commands it runs between events, so no table is ever shared between threads and subscribing never races an event.
 *
 * <p>Positions are not built per fill on the engine thread: after a fill (or a trade in an instrument someone holds,
 * which moves the unrealised P&amp;L) the dispatcher asks the engine for its positions at most once a second, and sends
 * the ones that changed since the last snapshot (a client that just subscribed gets them all).
 */
final class StreamHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);
    /**
     * Events that may wait for the dispatcher. It encodes and hands on thousands a millisecond, so only a stall of
     * its thread fills the ring; then the newest events are dropped rather than the engine slowed.
     */
    static final int RING_CAPACITY = 1 << 14;
    /** Instruments one client may subscribe to one by one (beyond, it subscribes to {@code *}). */
    static final int MAX_INSTRUMENTS_PER_CLIENT = 1_000;
    static final short GOING_AWAY = 1001;
    private static final int BATCH = 1_024;
    private static final long SNAPSHOT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long IDLE_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Reference data can change when a venue is reconfigured; cached grids are forgotten this often. */
    private static final long INSTRUMENT_CACHE_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long DROP_REPORT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final TradingEngine engine;
    private final EventRing ring;
    private final EngineFeed feed;
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean wantsAlerts;

    // Everything below belongs to the dispatcher thread.
    private final Set<StreamClient> clients = new HashSet<>();
    private final Map<InstrumentId, List<StreamClient>> market = new HashMap<>();
    private final List<StreamClient> marketAll = new ArrayList<>();
    private final List<StreamClient> executions = new ArrayList<>();
    private final List<StreamClient> positions = new ArrayList<>();
    private final List<StreamClient> alerts = new ArrayList<>();
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    private final Set<InstrumentId> unknownInstruments = new HashSet<>();
    private long instrumentsCachedAt = System.nanoTime();
    private final Map<PositionKey, PositionView> positionsSent = new HashMap<>();
    private Set<InstrumentId> heldInstruments = Set.of();
    private boolean positionsDirty;
    private boolean snapshotInFlight;
    private long nextSnapshotAt = System.nanoTime();
    private long dropsReported;
    private long dropsReportedAt = System.nanoTime();

    StreamHub(TradingEngine engine) {
        this(engine, RING_CAPACITY);
    }

    StreamHub(TradingEngine engine, int ringCapacity) {
        this.engine = engine;
        this.ring = new EventRing(ringCapacity);
        this.feed = new EngineFeed(ring);
        this.thread = new Thread(this::run, "alphintra-streams-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** The listener to register with the engine. */
    EngineFeed feed() {
        return feed;
    }

    /** An alert delivered by the alerts bundle, on its subscriber thread: offered to the ring, never waited on. */
    void onAlert(AlertRecord record) {
        if (wantsAlerts) {
            ring.offer(EventRing.ALERT, record, null, null);
        }
    }

    /** A stream authenticated and may now subscribe. Any thread. */
    void open(StreamClient client) {
        submit(() -> clients.add(client));
    }

    /** A subscribe or unsubscribe; acknowledged to the client (or refused with an error) by the dispatcher. */
    void request(StreamClient client, ClientRequest.Subscription request) {
        submit(() -> apply(client, request));
    }

    /** A stream ended: it is forgotten. Any thread. */
    void remove(StreamClient client) {
        submit(() -> forget(client));
    }

    /** Events refused because the ring was full. */
    long dropped() {
        return ring.dropped();
    }

    /** Stops the dispatcher and closes every stream with 1001 (going away). */
    @Override
    public void close() {
        running = false;
        ring.wake();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("The stream dispatcher did not stop within 5 s; it is a daemon thread and ends with the JVM");
        }
    }

    private void submit(Runnable command) {
        commands.add(command);
        ring.wake();
    }

    private void run() {
        while (running) {
            try {
                Runnable command;
                while ((command = commands.poll()) != null) {
                    command.run();
                }
                int handled = 0;
                while (handled < BATCH && ring.poll(this::onEvent)) {
                    handled++;
                }
                long now = System.nanoTime();
                requestPositionsIfDue(now);
                reportDrops(now);
                if (handled == 0) {
                    ring.await(parkNanos(now), () -> !commands.isEmpty() || !running);
                }
            } catch (RuntimeException | LinkageError e) {
                // One bad event or command must not end every stream: it is logged and the dispatcher goes on.
                LOG.error("The stream dispatcher failed on an event or command; it goes on", e);
            }
        }
        for (StreamClient client : clients) {
            client.outbox.close(GOING_AWAY, "the node's streams are stopping");
        }
        clients.clear();
    }

    private long parkNanos(long now) {
        if (!positions.isEmpty() && positionsDirty && !snapshotInFlight) {
            return Math.max(1, Math.min(IDLE_PARK_NANOS, nextSnapshotAt - now));
        }
        return IDLE_PARK_NANOS;
    }

    private void onEvent(int kind, Object event, String source, String strategy) {
        switch (kind) {
            case EventRing.TOP_OF_BOOK -> onTopOfBook((TopOfBook) event);
            case EventRing.TRADE -> onTrade((Trade) event);
            case EventRing.REPORT -> onReport((ExecutionReport) event, source, strategy);
            case EventRing.ALERT -> sendAll(alerts, MessageEncoder.alert((AlertRecord) event));
            default -> throw new IllegalStateException("unknown event kind " + kind);
        }
    }

    private void onTopOfBook(TopOfBook top) {
        List<StreamClient> subscribed = market.get(top.instrumentId());
        if (subscribed == null && marketAll.isEmpty()) {
            return;
        }
        Instrument instrument = instrument(top.instrumentId());
        if (instrument != null) {
            sendMarket(subscribed, MessageEncoder.topOfBook(top, instrument));
        }
    }

    private void onTrade(Trade trade) {
        if (heldInstruments.contains(trade.instrumentId())) {
            positionsDirty = true; // a new mark for an open position: its unrealised P&L moved
        }
        List<StreamClient> subscribed = market.get(trade.instrumentId());
        if (subscribed == null && marketAll.isEmpty()) {
            return;
        }
        Instrument instrument = instrument(trade.instrumentId());
        if (instrument != null) {
            sendMarket(subscribed, MessageEncoder.trade(trade, instrument));
        }
    }

    private void onReport(ExecutionReport report, String source, String strategy) {
        if (report.execType() == ExecType.TRADE) {
            positionsDirty = true;
        }
        if (executions.isEmpty()) {
            return;
        }
        Instrument instrument = instrument(report.instrumentId());
        if (instrument != null) {
            sendAll(executions, MessageEncoder.report(report, source, strategy, instrument));
        }
    }

    private void sendMarket(List<StreamClient> subscribed, String frame) {
        if (subscribed != null) {
            for (StreamClient client : subscribed) {
                if (!client.marketAll) { // it gets the frame below, once
                    client.outbox.send(frame);
                }
            }
        }
        sendAll(marketAll, frame);
    }

    private static void sendAll(List<StreamClient> subscribed, String frame) {
        for (StreamClient client : subscribed) {
            client.outbox.send(frame);
        }
    }

    private void apply(StreamClient client, ClientRequest.Subscription request) {
        if (!clients.contains(client)) {
            return; // closed before its request came up
        }
        if (request.subscribe() && request.channel() == Channel.MARKET && request.instrument() != null) {
            if (instrument(request.instrument()) == null) {
                client.outbox.send(MessageEncoder.error("NOT_FOUND", "no connected venue lists instrument "
                        + request.instrument() + " (see GET /api/v1/instruments)", "/instrument"));
                return;
            }
            if (!client.instruments.contains(request.instrument())
                    && client.instruments.size() >= MAX_INSTRUMENTS_PER_CLIENT) {
                client.outbox.send(MessageEncoder.error(RequestParser.VALIDATION_FAILED, "already subscribed to "
                        + MAX_INSTRUMENTS_PER_CLIENT + " instruments: subscribe to * instead", "/instrument"));
                return;
            }
        }
        switch (request.channel()) {
            case MARKET -> {
                if (request.instrument() == null) {
                    client.marketAll = toggle(marketAll, client, client.marketAll, request.subscribe());
                } else if (request.subscribe()) {
                    if (client.instruments.add(request.instrument())) {
                        market.computeIfAbsent(request.instrument(), id -> new ArrayList<>()).add(client);
                    }
                } else if (client.instruments.remove(request.instrument())) {
                    leave(request.instrument(), client);
                }
            }
            case EXECUTIONS -> client.executions = toggle(executions, client, client.executions, request.subscribe());
            case POSITIONS -> {
                boolean was = client.positions;
                client.positions = toggle(positions, client, was, request.subscribe());
                if (client.positions && !was) {
                    client.positionsFresh = true;
                    positionsDirty = true;
                }
            }
            case ALERTS -> client.alerts = toggle(alerts, client, client.alerts, request.subscribe());
            default -> throw new IllegalStateException("unknown channel " + request.channel());
        }
        updateInterest();
        client.outbox.send(MessageEncoder.acknowledgement(request));
    }

    /** Adds the client to or removes it from {@code list}; returns whether it is now in it. */
    private static boolean toggle(List<StreamClient> list, StreamClient client, boolean in, boolean subscribe) {
        if (subscribe && !in) {
            list.add(client);
        } else if (!subscribe && in) {
            list.remove(client);
        }
        return subscribe;
    }

    private void leave(InstrumentId instrument, StreamClient client) {
        List<StreamClient> subscribed = market.get(instrument);
        if (subscribed != null) {
            subscribed.remove(client);
            if (subscribed.isEmpty()) {
                market.remove(instrument);
            }
        }
    }

    private void forget(StreamClient client) {
        if (!clients.remove(client)) {
            return;
        }
        for (InstrumentId instrument : client.instruments) {
            leave(instrument, client);
        }
        client.instruments.clear();
        marketAll.remove(client);
        executions.remove(client);
        positions.remove(client);
        alerts.remove(client);
        updateInterest();
    }

    private void updateInterest() {
        boolean anyMarket = !market.isEmpty() || !marketAll.isEmpty();
        // Trades also mark open positions, so positions subscribers need them too.
        feed.interest(anyMarket, anyMarket || !positions.isEmpty(), !executions.isEmpty() || !positions.isEmpty());
        wantsAlerts = !alerts.isEmpty();
    }

    private void requestPositionsIfDue(long now) {
        if (positions.isEmpty() || !positionsDirty || snapshotInFlight || now - nextSnapshotAt < 0) {
            return;
        }
        positionsDirty = false;
        snapshotInFlight = true;
        nextSnapshotAt = now + SNAPSHOT_INTERVAL_NANOS;
        // Completed on the engine thread: the answer only becomes a command for the dispatcher.
        engine.positions().whenComplete((views, failure) -> submit(() -> onPositions(views, failure)));
    }

    private void onPositions(List<PositionView> views, Throwable failure) {
        snapshotInFlight = false;
        if (failure != null) {
            positionsDirty = true; // asked again after the interval
            LOG.debug("Positions for the streams not available now: {}", failure.toString());
            return;
        }
        Set<InstrumentId> held = new HashSet<>();
        for (PositionView view : views) {
            Position position = view.position();
            if (!position.isFlat()) {
                held.add(position.instrumentId());
            }
            PositionKey key = new PositionKey(position.accountId(), position.strategyId(), position.instrumentId());
            boolean changed = !view.equals(positionsSent.put(key, view));
            Instrument instrument = instrument(position.instrumentId());
            if (instrument == null) {
                continue;
            }
            String frame = null;
            for (StreamClient client : positions) {
                if (changed || client.positionsFresh) {
                    frame = frame != null ? frame : MessageEncoder.position(view, instrument);
                    client.outbox.send(frame);
                }
            }
        }
        for (StreamClient client : positions) {
            client.positionsFresh = false;
        }
        heldInstruments = held;
    }

    /** The instrument's reference data, cached; null (logged once) when no connected venue lists it. */
    private Instrument instrument(InstrumentId id) {
        long now = System.nanoTime();
        if (now - instrumentsCachedAt > INSTRUMENT_CACHE_NANOS) {
            instruments.clear();
            unknownInstruments.clear();
            instrumentsCachedAt = now;
        }
        Instrument cached = instruments.get(id);
        if (cached != null) {
            return cached;
        }
        Optional<Instrument> found = engine.instrument(id);
        if (found.isEmpty()) {
            if (unknownInstruments.add(id)) {
                LOG.debug("No reference data for {}: its events are not streamed", id);
            }
            return null;
        }
        instruments.put(id, found.get());
        return found.get();
    }

    private void reportDrops(long now) {
        long dropped = ring.dropped();
        if (dropped != dropsReported && now - dropsReportedAt >= DROP_REPORT_NANOS) {
            LOG.warn("The stream dispatcher fell behind: {} events dropped since the last report ({} in all); the"
                    + " engine never waited for it", dropped - dropsReported, dropped);
            dropsReported = dropped;
            dropsReportedAt = now;
        }
    }

    private record PositionKey(String account, String strategy, InstrumentId instrument) {
    }
}
