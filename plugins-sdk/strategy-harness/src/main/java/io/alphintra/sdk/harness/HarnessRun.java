package io.alphintra.sdk.harness;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.alphintra.marketdata.BarAggregator;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.BarRecord;
import io.alphintra.sdk.marketdata.BarSpec;
import io.alphintra.sdk.marketdata.BarType;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.OrderBookDelta;
import io.alphintra.sdk.marketdata.OrderBookDeltaRecord;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.CancelRequest;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Fill;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.Position;
import io.alphintra.sdk.strategy.Strategy;
import io.alphintra.sdk.strategy.StrategyConfig;
import io.alphintra.sdk.strategy.StrategyContext;
import io.alphintra.sdk.strategy.StrategyState;
import io.alphintra.sdk.testkit.strategy.FakeStrategyState;
import io.alphintra.sdk.venue.ExchangeAdapter;
import io.alphintra.sdk.venue.InstrumentStatus;
import io.alphintra.sdk.venue.VenueListener;
import io.alphintra.simexchange.ManualVenue;

/**
 * One run of a strategy on a manual venue: the host between them, on the caller's thread.
 *
 * <p>As the engine, it is the venue's {@link VenueListener}, which only queues what the venue says (copies of
 * market data, reports), and the strategy's {@link StrategyContext}, which hands orders to the venue's adapter after
 * its own gate checks. The loop moves virtual time to the next thing due (a recorded print, a delayed request, a
 * venue's day end, a bar's end, a strategy timer) and then delivers what is queued, one callback at a time, so no
 * callback ever runs inside another. At one instant: bars that end, then what the venue does, then strategy timers.
 *
 * <p>The run ends when the recording is exhausted, the venue has answered every request and the time bars of the
 * last prints have closed, or when the strategy asks to stop; then {@link Strategy#onStop()} runs, the working
 * orders are cancelled, and what the venue answers is recorded but no longer delivered.
 */
final class HarnessRun implements StrategyContext, VenueListener {

    private static final long DAY_NANOS = 86_400_000_000_000L;

    private record BarKey(InstrumentId instrumentId, BarSpec spec) {
    }

    /** A report made by the harness's gate, not the venue: already booked on its order. */
    private record GateReport(ExecutionReport report) {
    }

    private final StrategyConfig config;
    private final Strategy strategy;
    private final ManualVenue venue;
    private final ExchangeAdapter adapter;
    private final Map<InstrumentId, Instrument> instruments = new LinkedHashMap<>();
    private final Thread owner = Thread.currentThread();
    private final ArrayDeque<Object> events = new ArrayDeque<>();
    private final Map<InstrumentId, Set<MarketDataType>> subscriptions = new HashMap<>();
    private final Map<BarKey, BarAggregator> bars = new LinkedHashMap<>();
    private final Map<InstrumentId, TopOfBookRecord> tops = new HashMap<>();
    private final Timers timers = new Timers();
    private final Orders orders = new Orders();
    private final Portfolio portfolio;
    private final List<Fill> fills = new ArrayList<>();
    private final FakeStrategyState state = new FakeStrategyState();
    private final List<LogEntry> log = new ArrayList<>();
    private long now;
    private long lastClientOrderId;
    private long lastCancelId;
    private boolean inCallback;
    private boolean stopping;
    private boolean stopped;
    private String stopRequest;

    HarnessRun(StrategyConfig config, Strategy strategy, ManualVenue venue, List<Instrument> listed,
            List<Money> deposits) {
        this.config = config;
        this.strategy = strategy;
        this.venue = venue;
        this.adapter = venue.adapter();
        listed.forEach(instrument -> instruments.put(instrument.id(), instrument));
        for (InstrumentId id : config.instruments()) {
            if (!instruments.containsKey(id)) {
                throw new IllegalArgumentException("instrument " + id + " of strategy instance '"
                        + config.instanceId() + "' has no recording; the harness lists " + instruments.keySet());
            }
        }
        this.portfolio = new Portfolio(config.accountId(), config.instanceId(), listed.get(0).quoteCurrency(),
                deposits);
    }

    HarnessResult run() {
        adapter.connect(this);
        // As the engine: the host watches every traded instrument's prints, to mark positions and build bars.
        config.instruments().forEach(id -> adapter.subscribe(id, MarketDataType.TRADES));
        now = venue.nowNanos();
        long start = now;
        drain();
        callback("onStart", null, () -> strategy.onStart(this));
        drain();
        long lastBarEnd = Long.MIN_VALUE;
        while (stopRequest == null) {
            if (venue.recordingFinished() && !orders.awaitingAnswers()) {
                // The bars the last prints are in still close, at their end, as they would live.
                if (lastBarEnd == Long.MIN_VALUE) {
                    lastBarEnd = nextBarEnd();
                }
                if (lastBarEnd == Long.MAX_VALUE || now >= lastBarEnd) {
                    break;
                }
            }
            step(Math.min(Math.min(venue.nextEventNanos(), timers.nextDueNanos()), nextBarEnd()));
        }
        String reason = stopRequest != null ? "requested by the strategy: " + stopRequest
                : "the recording ended";
        finish();
        return new HarnessResult(orders.histories(), fills, portfolio, log, state, start, now, reason);
    }

    private void step(long target) {
        now = target;
        // Bars that end now go first, so that orders placed on them reach the venue before what it does now.
        bars.values().forEach(aggregator -> aggregator.advanceTo(target));
        drain();
        venue.advanceTo(target);
        drain();
        long timerId;
        while (stopRequest == null && (timerId = timers.pollDue(target)) != Timers.NONE) {
            long id = timerId;
            callback("onTimer", id, () -> strategy.onTimer(id, now));
            drain();
        }
    }

    private void finish() {
        stopping = true;
        callback("onStop", null, strategy::onStop);
        stopped = true;
        orders.working().stream().filter(order -> !order.cancelPending).forEach(this::sendCancel);
        drain();
        while (orders.awaitingAnswers()) {
            now = venue.nextEventNanos();
            venue.advanceTo(now);
            drain();
        }
    }

    /** The end of the earliest time bar that may be open: the aggregator emits it there, not at the next trade. */
    private long nextBarEnd() {
        long next = Long.MAX_VALUE;
        long dayStart = Math.floorDiv(now, DAY_NANOS) * DAY_NANOS;
        for (BarKey key : bars.keySet()) {
            if (key.spec().type() == BarType.TIME) {
                long size = key.spec().size();
                long end = dayStart + (Math.floorDiv(now - dayStart, size) + 1) * size;
                next = Math.min(next, Math.min(end, dayStart + DAY_NANOS));
            }
        }
        return next;
    }

    private void drain() {
        Object event;
        while ((event = events.poll()) != null) {
            if (event instanceof TradeRecord trade) {
                portfolio.mark(trade.instrumentId(), trade.price());
                bars.forEach((key, aggregator) -> {
                    if (key.instrumentId().equals(trade.instrumentId())) {
                        aggregator.onTrade(trade);
                    }
                });
                if (subscribed(trade.instrumentId(), MarketDataType.TRADES)) {
                    callback("onTrade", trade, () -> strategy.onTrade(trade));
                }
            } else if (event instanceof TopOfBookRecord top) {
                tops.put(top.instrumentId(), top);
                if (subscribed(top.instrumentId(), MarketDataType.TOP_OF_BOOK)) {
                    callback("onTopOfBook", top, () -> strategy.onTopOfBook(top));
                }
            } else if (event instanceof OrderBookDeltaRecord delta) {
                if (subscribed(delta.instrumentId(), MarketDataType.BOOK_DELTAS)) {
                    callback("onBookDelta", delta, () -> strategy.onBookDelta(delta));
                }
            } else if (event instanceof BarRecord bar) {
                if (bars.containsKey(new BarKey(bar.instrumentId(), bar.spec()))) {
                    callback("onBar", bar, () -> strategy.onBar(bar));
                }
            } else if (event instanceof GateReport gate) {
                callback("onExecution", gate.report(), () -> strategy.onExecution(gate.report()));
            } else {
                onReport((ExecutionReport) event);
            }
        }
    }

    private void onReport(ExecutionReport venueReport) {
        ExecutionReport report = orders.onVenueReport(venueReport);
        if (report.execType() == ExecType.TRADE) {
            Instrument instrument = instruments.get(report.instrumentId());
            Money fee = report.fee() != null ? report.fee()
                    : Money.of(instrument.quoteCurrency(), 0, instrument.priceScale() + instrument.quantityScale());
            Fill fill = new Fill(report.execId(), report.orderId(), report.clientOrderId(), report.instrumentId(),
                    report.side(), report.lastQuantity(), report.lastPrice(), fee, report.liquidity(),
                    report.transactTimeNanos());
            fills.add(fill);
            portfolio.book(instrument, fill);
        }
        callback("onExecution", report, () -> strategy.onExecution(report));
    }

    /**
     * Calls the strategy, unless it has stopped or asked to (then only onStop follows); what it throws fails the run
     * with the event and the time.
     */
    private void callback(String name, Object event, Runnable call) {
        if (stopped || stopRequest != null && !stopping) {
            return;
        }
        inCallback = true;
        try {
            call.run();
        } catch (RuntimeException | Error e) {
            throw new StrategyFailure(config.instanceId(), name + "(" + (event == null ? "" : event) + ")", now, e);
        } finally {
            inCallback = false;
        }
    }

    private boolean subscribed(InstrumentId instrumentId, MarketDataType type) {
        Set<MarketDataType> types = subscriptions.get(instrumentId);
        return types != null && types.contains(type);
    }

    private void sendCancel(Orders.Tracked order) {
        ClientOrderId requestId = ClientOrderId.of(config.instanceId() + "-cancel-" + ++lastCancelId);
        orders.cancelling(order, requestId);
        adapter.cancel(new CancelRequest(requestId, order.clientOrderId(), order.request.instrument().id(),
                order.request.side(), order.venueOrderId, config.attribution()));
    }

    // ---- VenueListener: the venue calls these from inside adapter calls and advances; they only queue ----------

    @Override
    public void onConnected() {
        // The venue connects at once and never drops a session on its own; there is nothing to reconcile.
    }

    @Override
    public void onDisconnected(String reason) {
        // Only the harness logs out, after the run.
    }

    @Override
    public void onTrade(Trade trade) {
        events.add(trade.toRecord());
    }

    @Override
    public void onTopOfBook(TopOfBook topOfBook) {
        events.add(topOfBook.toRecord());
    }

    @Override
    public void onBookDelta(OrderBookDelta delta) {
        events.add(delta.toRecord());
    }

    @Override
    public void onExecutionReport(ExecutionReport report) {
        events.add(report);
    }

    /** The harness keeps its books in memory: a report is as durable as it will be once queued. */
    @Override
    public CompletionStage<Void> bookExecutionReport(ExecutionReport report) {
        events.add(report);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onInstrumentStatus(InstrumentId instrumentId, InstrumentStatus status, String reason) {
        // The venue refuses orders in a halted instrument itself; the harness has no gate of its own to tell.
    }

    // ---- StrategyContext ----------------------------------------------------------------------------------------

    @Override
    public StrategyConfig config() {
        return config;
    }

    @Override
    public long nowNanos() {
        return now;
    }

    @Override
    public Optional<Instrument> instrument(InstrumentId instrumentId) {
        return Optional.ofNullable(instruments.get(instrumentId));
    }

    @Override
    public void subscribe(InstrumentId instrumentId, MarketDataType type) {
        requireCallback("subscribe");
        requireConfigured(instrumentId);
        if (type == MarketDataType.BARS) {
            throw new IllegalArgumentException("type = BARS: use subscribeBars(instrumentId, spec)");
        }
        if (subscriptions.computeIfAbsent(instrumentId, id -> EnumSet.noneOf(MarketDataType.class)).add(type)
                && type != MarketDataType.TRADES) {
            adapter.subscribe(instrumentId, type);
        }
    }

    @Override
    public void unsubscribe(InstrumentId instrumentId, MarketDataType type) {
        requireCallback("unsubscribe");
        Set<MarketDataType> types = subscriptions.get(instrumentId);
        if (types != null && types.remove(type) && type != MarketDataType.TRADES) {
            adapter.unsubscribe(instrumentId, type);
        }
    }

    /** Bars are built from the recorded trades, aligned to the venue's calendar (UTC days). */
    @Override
    public void subscribeBars(InstrumentId instrumentId, BarSpec spec) {
        requireCallback("subscribeBars");
        requireConfigured(instrumentId);
        if (spec == null) {
            throw new IllegalArgumentException("spec: required (was null)");
        }
        bars.computeIfAbsent(new BarKey(instrumentId, spec), key -> BarAggregator.builder(instrumentId, spec)
                .calendar(adapter.venue().calendar()).build(events::add));
    }

    @Override
    public void unsubscribeBars(InstrumentId instrumentId, BarSpec spec) {
        requireCallback("unsubscribeBars");
        bars.remove(new BarKey(instrumentId, spec));
    }

    @Override
    public Optional<TopOfBookRecord> topOfBook(InstrumentId instrumentId) {
        requireCallback("topOfBook");
        return subscribed(instrumentId, MarketDataType.TOP_OF_BOOK) ? Optional.ofNullable(tops.get(instrumentId))
                : Optional.empty();
    }

    @Override
    public ClientOrderId nextClientOrderId() {
        requireCallback("nextClientOrderId");
        return ClientOrderId.of(config.instanceId() + "-" + ++lastClientOrderId);
    }

    @Override
    public ClientOrderId submit(OrderRequest order) {
        requireOrdersAllowed("submit");
        if (order == null) {
            throw new IllegalArgumentException("order: required (was null)");
        }
        if (!order.attribution().equals(config.attribution())) {
            throw new IllegalArgumentException("order.attribution = " + order.attribution() + ": must be this"
                    + " instance's attribution " + config.attribution());
        }
        requireConfigured(order.instrument().id());
        if (orders.open(order) == null) {
            events.add(new GateReport(orders.rejectNew(orders.last(), RejectReason.DUPLICATE_CLIENT_ORDER_ID,
                    "client order id " + order.clientOrderId() + " was used before", now)));
        } else {
            adapter.submit(order);
        }
        return order.clientOrderId();
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        requireOrdersAllowed("cancel");
        Orders.Tracked order = requireOrder(clientOrderId);
        if (!order.isWorking()) {
            ClientOrderId requestId = ClientOrderId.of(config.instanceId() + "-cancel-" + ++lastCancelId);
            events.add(new GateReport(orders.rejectTooLate(ExecType.CANCEL_REJECTED, requestId, order, now)));
        } else if (!order.cancelPending) {
            sendCancel(order);
        }
    }

    @Override
    public ClientOrderId replace(ClientOrderId clientOrderId, long newQuantity, long newLimitPrice,
            long newStopPrice) {
        requireOrdersAllowed("replace");
        Orders.Tracked order = requireOrder(clientOrderId);
        ClientOrderId newId = nextClientOrderId();
        // Checks the new values against the grid, and that something changes, at the call.
        ReplaceRequest request = new ReplaceRequest(newId, order.clientOrderId(), order.request.instrument(),
                order.request.side(), newQuantity, newLimitPrice, newStopPrice, order.venueOrderId,
                config.attribution());
        if (!order.isWorking()) {
            events.add(new GateReport(orders.rejectTooLate(ExecType.REPLACE_REJECTED, newId, order, now)));
        } else {
            orders.replacing(order, request);
            adapter.replace(request);
        }
        return newId;
    }

    @Override
    public void cancelAll() {
        requireOrdersAllowed("cancelAll");
        orders.working().stream().filter(order -> !order.cancelPending).forEach(this::sendCancel);
    }

    @Override
    public long scheduleTimer(long delayNanos) {
        requireCallback("scheduleTimer");
        return timers.schedule(now, delayNanos, 0);
    }

    @Override
    public long scheduleRepeatingTimer(long initialDelayNanos, long periodNanos) {
        requireCallback("scheduleRepeatingTimer");
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("periodNanos = " + periodNanos + ": must be positive");
        }
        return timers.schedule(now, initialDelayNanos, periodNanos);
    }

    @Override
    public boolean cancelTimer(long timerId) {
        requireCallback("cancelTimer");
        return timers.cancel(timerId);
    }

    @Override
    public StrategyState state() {
        requireCallback("state");
        return state;
    }

    @Override
    public Optional<Position> position(InstrumentId instrumentId) {
        requireCallback("position");
        return portfolio.position(instrumentId);
    }

    @Override
    public List<Position> positions() {
        requireCallback("positions");
        return portfolio.positions();
    }

    @Override
    public List<OpenOrder> openOrders() {
        requireCallback("openOrders");
        return orders.working().stream().map(Orders.Tracked::toOpenOrder).toList();
    }

    @Override
    public AccountSnapshot account() {
        requireCallback("account");
        return portfolio.snapshot(now);
    }

    @Override
    public void log(Level level, String message) {
        log(level, message, null);
    }

    @Override
    public void log(Level level, String message, Throwable error) {
        requireCallback("log");
        log.add(new LogEntry(now, level, message, error));
    }

    @Override
    public void requestStop(String reason) {
        requireCallback("requestStop");
        stopRequest = String.valueOf(reason);
    }

    private void requireCallback(String call) {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException(call + ": the context belongs to the thread running the harness, '"
                    + owner.getName() + "'");
        }
        if (!inCallback) {
            throw new IllegalStateException(call + ": only allowed from inside a strategy callback");
        }
    }

    private void requireOrdersAllowed(String call) {
        requireCallback(call);
        if (stopping) {
            throw new IllegalStateException(call + ": the strategy is stopping and may send no orders");
        }
    }

    private void requireConfigured(InstrumentId instrumentId) {
        if (instrumentId == null) {
            throw new IllegalArgumentException("instrumentId: required (was null)");
        }
        if (!config.instruments().contains(instrumentId)) {
            throw new IllegalArgumentException("instrument = '" + instrumentId + "': not among the instruments "
                    + config.instruments() + " configured for " + config.instanceId());
        }
    }

    private Orders.Tracked requireOrder(ClientOrderId clientOrderId) {
        if (clientOrderId == null) {
            throw new IllegalArgumentException("clientOrderId: required (was null)");
        }
        Orders.Tracked order = orders.find(clientOrderId);
        if (order == null) {
            throw new IllegalArgumentException("clientOrderId = " + clientOrderId + ": no order of strategy instance '"
                    + config.instanceId() + "' carried it");
        }
        return order;
    }
}
