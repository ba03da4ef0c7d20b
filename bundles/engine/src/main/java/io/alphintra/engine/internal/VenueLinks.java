package io.alphintra.engine.internal;

import io.alphintra.engine.internal.core.EngineCore;
import io.alphintra.engine.internal.core.EngineLoop;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.OrderBookDelta;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.engine.internal.core.EngineClock;
import io.alphintra.sdk.venue.ExchangeAdapter;
import io.alphintra.sdk.venue.InstrumentStatus;
import io.alphintra.sdk.venue.VenueListener;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange adapters the engine routes to, one per venue. Only the engine holds them: no other bundle is handed
 * an adapter (direct and exclusive control of order flow, RTS 6 / 15c3-5). Adapters call back on their own threads;
 * everything they report is queued onto the engine loop.
 */
final class VenueLinks implements EngineCore.Venues {
    private static final Logger LOG = LoggerFactory.getLogger(VenueLinks.class);

    private final class Link implements VenueListener {
        final ExchangeAdapter adapter;
        final Venue venue;
        final EngineLoop loop;
        volatile boolean connected;

        Link(ExchangeAdapter adapter, Venue venue, EngineLoop loop) {
            this.adapter = adapter;
            this.venue = venue;
            this.loop = loop;
        }

        @Override
        public void onConnected() {
            connected = true;
            LOG.info("Venue {} connected; booking the executions it made while away, then reconciling open orders",
                    venue.id());
            resubscribe(this);
            long askedAt = EngineClock.nowNanos();
            loop.query(core -> core.oldestWorkingAcceptedAt(venue.id()))
                    .thenCompose(this::replayExecutionsSince)
                    .thenCompose(replayed -> adapter.openOrders().thenApply(orders -> {
                        loop.reconcile(venue.id(), orders, askedAt, replayed,
                                cancelsOnDisconnect.test(venue.id()));
                        return orders.size();
                    }))
                    .whenComplete((listed, failure) -> {
                        if (failure != null) {
                            LOG.error("Venue {} could not be reconciled after it connected: {}; its orders keep the"
                                    + " state the engine had", venue.id(), failure.toString(), failure);
                        }
                    });
        }

        /**
         * Publishes every execution the venue made since {@code sinceNanos} onto the engine (which books each
         * execution id once) and completes with whether the venue could replay them; nothing to ask when no order
         * works there.
         */
        private CompletionStage<Boolean> replayExecutionsSince(long sinceNanos) {
            if (sinceNanos == Long.MAX_VALUE) {
                return CompletableFuture.completedFuture(true);
            }
            CompletionStage<List<ExecutionReport>> executions;
            try {
                // Venue and engine clocks differ: asking from a little earlier costs only repeats, which are dropped.
                executions = adapter.executionsSince(sinceNanos - CLOCK_SLACK_NANOS);
            } catch (RuntimeException | LinkageError e) {
                executions = CompletableFuture.failedFuture(e);
            }
            return executions.handle((reports, failure) -> {
                if (failure != null) {
                    LOG.error("Venue {} cannot replay the executions it made while the engine was away ({}): an"
                            + " order it no longer lists will be cancelled AND flagged for reconciliation, since it"
                            + " may have filled unseen", venue.id(), failure.toString());
                    return false;
                }
                int booked = 0;
                for (ExecutionReport report : reports) {
                    // Fills and how orders ended; a repeat of an earlier acknowledgement could only set a status back.
                    if (report.execType() == io.alphintra.sdk.order.ExecType.TRADE || report.status().isTerminal()) {
                        loop.venueReport(report);
                        booked++;
                    }
                }
                LOG.info("Venue {} replayed {} executions since {} for reconciliation", venue.id(), booked,
                        sinceNanos);
                return true;
            });
        }

        @Override
        public void onDisconnected(String reason) {
            connected = false;
            LOG.warn("Venue {} disconnected: {}", venue.id(), reason);
        }

        @Override
        public void onTrade(Trade trade) {
            loop.trade(trade);
        }

        @Override
        public void onTopOfBook(TopOfBook topOfBook) {
            loop.topOfBook(topOfBook);
        }

        @Override
        public void onBookDelta(OrderBookDelta delta) {
            // Depth is not used by the engine itself; strategies subscribe to it through the strategy host.
        }

        @Override
        public void onExecutionReport(ExecutionReport report) {
            loop.venueReport(report);
        }

        @Override
        public CompletionStage<Void> bookExecutionReport(ExecutionReport report) {
            return loop.venueReportDurably(report).thenApply(booked -> null);
        }

        @Override
        public void onInstrumentStatus(InstrumentId instrumentId, InstrumentStatus status, String reason) {
            if (instrumentId == null || status == null || !instrumentId.venueId().equals(venue.id())) {
                LOG.warn("Venue {} reported status {} for instrument {}, ignored", venue.id(), status, instrumentId);
                return;
            }
            InstrumentStatus before = statuses.put(instrumentId, status);
            if (before != status) {
                LOG.info("Venue {}: {} is {} ({})", venue.id(), instrumentId, status, reason);
            }
        }
    }

    /** Slack subtracted from the engine's time when asking a venue for the executions it made since then. */
    private static final long CLOCK_SLACK_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

    /** Which venues' sessions take their orders with them when they drop (PT12); set before any adapter is added. */
    private volatile java.util.function.Predicate<String> cancelsOnDisconnect = venueId -> false;

    void cancelOnDisconnect(java.util.function.Predicate<String> venues) {
        cancelsOnDisconnect = venues;
    }

    /** What each venue last said about whether an instrument trades; absent: nothing said, taken as trading. */
    private final Map<InstrumentId, InstrumentStatus> statuses = new ConcurrentHashMap<>();

    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private final Map<InstrumentId, Instrument> instruments = new ConcurrentHashMap<>();
    /** How many subscribers each (instrument, type) has; the venue is asked once. */
    private final Map<String, Integer> subscriptions = new ConcurrentHashMap<>();

    /** Connects a newly installed adapter; a second adapter for a venue already served is refused. */
    void add(ExchangeAdapter adapter, EngineLoop loop, boolean watchMarket) {
        Venue venue;
        try {
            venue = adapter.venue();
        } catch (RuntimeException e) {
            LOG.error("Exchange adapter {} does not say which venue it serves; not used", adapter, e);
            return;
        }
        Link link = new Link(adapter, venue, loop);
        if (links.putIfAbsent(venue.id(), link) != null) {
            LOG.error("A second exchange adapter for venue {} was installed and is not used: {}", venue.id(), adapter);
            return;
        }
        try {
            adapter.instruments().whenComplete((list, failure) -> {
                if (failure != null) {
                    LOG.error("Venue {} could not list its instruments", venue.id(), failure);
                } else {
                    list.forEach(instrument -> instruments.put(instrument.id(), instrument));
                    LOG.info("Venue {} lists {} instruments", venue.id(), list.size());
                    if (watchMarket) {
                        for (Instrument instrument : list) {
                            try {
                                subscribe(instrument.id(), MarketDataType.TRADES);
                                subscribe(instrument.id(), MarketDataType.TOP_OF_BOOK);
                            } catch (RuntimeException e) {
                                LOG.warn("Cannot watch {}: {}", instrument.id(), e.getMessage());
                            }
                        }
                    }
                }
            });
            adapter.connect(link);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Exchange adapter of venue {} failed to connect", venue.id(), e);
        }
    }

    void remove(ExchangeAdapter adapter) {
        links.values().removeIf(link -> {
            if (link.adapter != adapter) {
                return false;
            }
            link.connected = false;
            instruments.keySet().removeIf(id -> id.venueId().equals(link.venue.id()));
            statuses.keySet().removeIf(id -> id.venueId().equals(link.venue.id()));
            try {
                adapter.disconnect();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Exchange adapter of venue {} failed to disconnect", link.venue.id(), e);
            }
            return true;
        });
    }

    void subscribe(InstrumentId instrumentId, MarketDataType type) {
        Link link = links.get(instrumentId.venueId());
        if (link == null || !instruments.containsKey(instrumentId)) {
            throw new IllegalArgumentException("instrument = '" + instrumentId + "': no connected venue lists it");
        }
        if (subscriptions.merge(instrumentId + "/" + type, 1, Integer::sum) == 1 && link.connected) {
            try {
                link.adapter.subscribe(instrumentId, type);
            } catch (RuntimeException | LinkageError e) {
                subscriptions.merge(instrumentId + "/" + type, -1, Integer::sum);
                throw new IllegalStateException("venue " + link.venue.id() + " refused the subscription to "
                        + type + " of " + instrumentId + ": " + e.getMessage(), e);
            }
        }
    }

    /** A venue session starts without subscriptions: ask again for every one still counted. */
    private void resubscribe(Link link) {
        subscriptions.forEach((key, count) -> {
            int slash = key.lastIndexOf('/');
            InstrumentId id = InstrumentId.parse(key.substring(0, slash));
            if (count > 0 && id.venueId().equals(link.venue.id())) {
                try {
                    link.adapter.subscribe(id, MarketDataType.valueOf(key.substring(slash + 1)));
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("Venue {} refused the subscription {}", link.venue.id(), key, e);
                }
            }
        });
    }

    void unsubscribe(InstrumentId instrumentId, MarketDataType type) {
        Integer left = subscriptions.computeIfPresent(instrumentId + "/" + type, (key, count) -> count > 1 ? count - 1
                : null);
        Link link = links.get(instrumentId.venueId());
        if (left == null && link != null) {
            try {
                link.adapter.unsubscribe(instrumentId, type);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Venue {} failed to unsubscribe {} of {}", link.venue.id(), type, instrumentId, e);
            }
        }
    }

    void disconnectAll() {
        links.values().forEach(link -> remove(link.adapter));
    }

    @Override
    public ExchangeAdapter adapter(String venueId) {
        Link link = links.get(venueId);
        return link == null ? null : link.adapter;
    }

    @Override
    public boolean connected(String venueId) {
        Link link = links.get(venueId);
        return link != null && link.connected;
    }

    @Override
    public Venue venue(String venueId) {
        Link link = links.get(venueId);
        return link == null ? null : link.venue;
    }

    /** Every venue whose adapter is registered, by id. */
    List<Venue> venues() {
        return links.values().stream().map(link -> link.venue).sorted(Comparator.comparing(Venue::id)).toList();
    }

    /** Every instrument the registered venues listed, by instrument id ({@code SYMBOL@VENUE}). */
    List<Instrument> instruments() {
        return instruments.values().stream().sorted(Comparator.comparing(instrument -> instrument.id().toString()))
                .toList();
    }

    @Override
    public Optional<Instrument> instrument(InstrumentId instrumentId) {
        return Optional.ofNullable(instruments.get(instrumentId));
    }

    @Override
    public boolean halted(InstrumentId instrumentId) {
        return statuses.get(instrumentId) == InstrumentStatus.HALTED;
    }
}
