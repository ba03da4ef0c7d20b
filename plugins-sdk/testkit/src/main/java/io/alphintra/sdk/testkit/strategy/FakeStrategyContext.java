package io.alphintra.sdk.testkit.strategy;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.Bar;
import io.alphintra.sdk.marketdata.BarSpec;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.OrderBookDelta;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.Position;
import io.alphintra.sdk.strategy.Strategy;
import io.alphintra.sdk.strategy.StrategyConfig;
import io.alphintra.sdk.strategy.StrategyContext;
import io.alphintra.sdk.strategy.StrategyState;

/**
 * <b>Unit-test fake</b> of the host's {@link StrategyContext}, for testing a strategy's decisions without an
 * engine, a gate or a venue. It records what the strategy asks for (orders, cancels, replaces, subscriptions,
 * timers, log lines) and runs a virtual clock that the test moves. Nothing is sent anywhere: there is no pre-trade
 * gate, no matching and no fills unless the test delivers execution reports itself. Not for production use and
 * not a backtester.
 *
 * <p>It enforces the parts of the contract a strategy can get wrong on its own: orders must carry
 * {@link #attribution()} and trade configured instruments; calls outside a callback (after
 * {@link Strategy#onStop()}) and re-entrant delivery are refused; timer ids are unique; the state store has the
 * host's limits.
 *
 * <pre>{@code
 * FakeStrategyContext context = new FakeStrategyContext(config, List.of(AAPL), START_NANOS);
 * context.start(strategy);                       // calls onStart
 * context.deliverTrade(new TradeRecord(...));    // calls onTrade
 * context.advanceTimeBy(1_000_000_000L);         // fires due timers through onTimer
 * assertEquals(1, context.submittedOrders().size());
 * }</pre>
 */
public final class FakeStrategyContext implements StrategyContext {

    /** A replace the strategy asked for. */
    public record ReplaceCall(ClientOrderId clientOrderId, ClientOrderId newClientOrderId, long newQuantity,
            long newLimitPrice, long newStopPrice) {
    }

    /** A log line the strategy wrote. */
    public record LogLine(Level level, String message, Throwable error) {
    }

    private record Timer(long id, long dueNanos, long periodNanos) {
    }

    private final StrategyConfig config;
    private final Map<InstrumentId, Instrument> instruments = new LinkedHashMap<>();
    private final FakeStrategyState state = new FakeStrategyState();
    private final List<OrderRequest> submitted = new ArrayList<>();
    private final List<ClientOrderId> cancels = new ArrayList<>();
    private final List<ReplaceCall> replaces = new ArrayList<>();
    private final Set<String> subscriptions = new LinkedHashSet<>();
    private final Map<Long, Timer> timers = new HashMap<>();
    private final List<LogLine> log = new ArrayList<>();
    private final Map<InstrumentId, TopOfBookRecord> topOfBook = new HashMap<>();
    private final Map<InstrumentId, Position> positions = new LinkedHashMap<>();
    private final List<OpenOrder> openOrders = new ArrayList<>();
    private AccountSnapshot account;
    private Strategy strategy;
    private boolean stopped;
    private boolean stopping;
    private boolean inCallback;
    private long nowNanos;
    private long nextOrderId;
    private long nextTimerId;
    private int cancelAllCount;
    private String stopRequest;

    /**
     * @param config the instance's configuration
     * @param instruments reference data of the configured instruments
     * @param startNanos the virtual clock's start, epoch nanoseconds
     */
    public FakeStrategyContext(StrategyConfig config, List<? extends Instrument> instruments, long startNanos) {
        if (config == null) {
            throw new IllegalArgumentException("config: required (was null)");
        }
        this.config = config;
        for (Instrument instrument : instruments) {
            this.instruments.put(instrument.id(), instrument);
        }
        this.nowNanos = startNanos;
        this.account = new AccountSnapshot(config.accountId(), Currency.USD, Map.of(), List.of(), startNanos);
    }

    // ---------------------------------------------------------------- driving the strategy

    /** Calls {@link Strategy#onStart(StrategyContext)} and keeps the strategy for later deliveries. */
    public void start(Strategy strategy) {
        if (this.strategy != null) {
            throw new IllegalStateException("already started");
        }
        this.strategy = strategy;
        callback(() -> strategy.onStart(this));
    }

    /** Delivers a trade through {@code onTrade}, with the clock set to its receive time if that is later. */
    public void deliverTrade(Trade trade) {
        advanceClockTo(trade.receiveTimeNanos());
        callback(() -> strategy.onTrade(trade));
    }

    /** Delivers a quote through {@code onTopOfBook}; {@link #topOfBook(InstrumentId)} answers it afterwards. */
    public void deliverTopOfBook(TopOfBook quote) {
        advanceClockTo(quote.receiveTimeNanos());
        topOfBook.put(quote.instrumentId(), quote.toRecord());
        callback(() -> strategy.onTopOfBook(quote));
    }

    public void deliverBookDelta(OrderBookDelta delta) {
        advanceClockTo(delta.receiveTimeNanos());
        callback(() -> strategy.onBookDelta(delta));
    }

    /** Delivers a bar, with the clock set to the bar's end if that is later. */
    public void deliverBar(Bar bar) {
        advanceClockTo(bar.endTimeNanos());
        callback(() -> strategy.onBar(bar));
    }

    /** Delivers an execution report the test made up (there is no venue behind this fake). */
    public void deliverExecution(ExecutionReport report) {
        callback(() -> strategy.onExecution(report));
    }

    /** Moves the virtual clock forward by {@code nanos}, firing due timers in time order through onTimer. */
    public void advanceTimeBy(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("nanos = " + nanos + ": the clock only moves forward");
        }
        advanceTimeTo(Math.addExact(nowNanos, nanos));
    }

    /** Moves the virtual clock to {@code targetNanos}, firing due timers in time order through onTimer. */
    public void advanceTimeTo(long targetNanos) {
        if (targetNanos < nowNanos) {
            throw new IllegalArgumentException("targetNanos = " + targetNanos + ": before now = " + nowNanos);
        }
        while (true) {
            Timer next = timers.values().stream().filter(t -> t.dueNanos() <= targetNanos)
                    .min((a, b) -> a.dueNanos() != b.dueNanos() ? Long.compare(a.dueNanos(), b.dueNanos())
                            : Long.compare(a.id(), b.id()))
                    .orElse(null);
            if (next == null || stopped) {
                break;
            }
            nowNanos = next.dueNanos();
            if (next.periodNanos() > 0) {
                timers.put(next.id(), new Timer(next.id(), next.dueNanos() + next.periodNanos(), next.periodNanos()));
            } else {
                timers.remove(next.id());
            }
            callback(() -> strategy.onTimer(next.id(), nowNanos));
        }
        nowNanos = targetNanos;
    }

    /** Calls {@link Strategy#onStop()}; the context accepts no orders afterwards. */
    public void stop() {
        stopping = true;
        callback(strategy::onStop);
        stopped = true;
    }

    // ---------------------------------------------------------------- what the test sets up

    /** Sets the strategy's position in an instrument, as the host would after fills. */
    public void setPosition(Position position) {
        positions.put(position.instrumentId(), position);
    }

    /** Sets the working orders {@link #openOrders()} answers. */
    public void setOpenOrders(List<OpenOrder> orders) {
        openOrders.clear();
        openOrders.addAll(orders);
    }

    public void setAccount(AccountSnapshot account) {
        this.account = account;
    }

    // ---------------------------------------------------------------- what the test inspects

    /** Orders the strategy submitted, in order. */
    public List<OrderRequest> submittedOrders() {
        return List.copyOf(submitted);
    }

    /** Client order ids the strategy asked to cancel, in order. */
    public List<ClientOrderId> cancelledOrders() {
        return List.copyOf(cancels);
    }

    public List<ReplaceCall> replaces() {
        return List.copyOf(replaces);
    }

    /** How often {@link #cancelAll()} was called. */
    public int cancelAllCount() {
        return cancelAllCount;
    }

    /** Active subscriptions as {@code INSTRUMENT/TYPE} or {@code INSTRUMENT/BARS/SPEC}. */
    public Set<String> subscriptions() {
        return Set.copyOf(subscriptions);
    }

    /** Ids of timers that have not fired (one-shot) or are repeating, in id order. */
    public Set<Long> pendingTimers() {
        return new TreeMap<>(timers).keySet();
    }

    public List<LogLine> logLines() {
        return List.copyOf(log);
    }

    /** The reason of {@link #requestStop(String)}, if the strategy asked to stop. */
    public Optional<String> stopRequest() {
        return Optional.ofNullable(stopRequest);
    }

    public boolean isStopped() {
        return stopped;
    }

    // ---------------------------------------------------------------- StrategyContext

    @Override
    public StrategyConfig config() {
        return config;
    }

    @Override
    public long nowNanos() {
        return nowNanos;
    }

    @Override
    public Optional<Instrument> instrument(InstrumentId instrumentId) {
        return Optional.ofNullable(instruments.get(instrumentId));
    }

    @Override
    public void subscribe(InstrumentId instrumentId, MarketDataType type) {
        requireConfigured(instrumentId);
        if (type == MarketDataType.BARS) {
            throw new IllegalArgumentException("type = BARS: use subscribeBars(instrumentId, spec)");
        }
        subscriptions.add(instrumentId + "/" + type);
    }

    @Override
    public void unsubscribe(InstrumentId instrumentId, MarketDataType type) {
        subscriptions.remove(instrumentId + "/" + type);
    }

    @Override
    public void subscribeBars(InstrumentId instrumentId, BarSpec spec) {
        requireConfigured(instrumentId);
        subscriptions.add(instrumentId + "/BARS/" + spec);
    }

    @Override
    public void unsubscribeBars(InstrumentId instrumentId, BarSpec spec) {
        subscriptions.remove(instrumentId + "/BARS/" + spec);
    }

    @Override
    public Optional<TopOfBookRecord> topOfBook(InstrumentId instrumentId) {
        return Optional.ofNullable(topOfBook.get(instrumentId));
    }

    @Override
    public ClientOrderId nextClientOrderId() {
        return ClientOrderId.of(config.instanceId() + "-" + (++nextOrderId));
    }

    @Override
    public ClientOrderId submit(OrderRequest order) {
        requireActive("submit");
        if (order == null) {
            throw new IllegalArgumentException("order: required (was null)");
        }
        if (!order.attribution().equals(attribution())) {
            throw new IllegalArgumentException("order.attribution = " + order.attribution() + ": must be this"
                    + " instance's attribution " + attribution());
        }
        requireConfigured(order.instrument().id());
        submitted.add(order);
        return order.clientOrderId();
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        requireActive("cancel");
        if (clientOrderId == null) {
            throw new IllegalArgumentException("clientOrderId: required (was null)");
        }
        cancels.add(clientOrderId);
    }

    @Override
    public ClientOrderId replace(ClientOrderId clientOrderId, long newQuantity, long newLimitPrice,
            long newStopPrice) {
        requireActive("replace");
        if (clientOrderId == null) {
            throw new IllegalArgumentException("clientOrderId: required (was null)");
        }
        if (newQuantity == ReplaceRequest.UNCHANGED && newLimitPrice == ReplaceRequest.UNCHANGED
                && newStopPrice == ReplaceRequest.UNCHANGED) {
            throw new IllegalArgumentException("newQuantity, newLimitPrice, newStopPrice: all UNCHANGED; a replace"
                    + " must change at least one");
        }
        ClientOrderId newId = nextClientOrderId();
        replaces.add(new ReplaceCall(clientOrderId, newId, newQuantity, newLimitPrice, newStopPrice));
        return newId;
    }

    @Override
    public void cancelAll() {
        requireActive("cancelAll");
        cancelAllCount++;
    }

    @Override
    public long scheduleTimer(long delayNanos) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("delayNanos = " + delayNanos + ": must not be negative");
        }
        long id = ++nextTimerId;
        timers.put(id, new Timer(id, Math.addExact(nowNanos, delayNanos), 0));
        return id;
    }

    @Override
    public long scheduleRepeatingTimer(long initialDelayNanos, long periodNanos) {
        if (initialDelayNanos < 0 || periodNanos <= 0) {
            throw new IllegalArgumentException("initialDelayNanos = " + initialDelayNanos + ", periodNanos = "
                    + periodNanos + ": the delay must not be negative and the period must be positive");
        }
        long id = ++nextTimerId;
        timers.put(id, new Timer(id, Math.addExact(nowNanos, initialDelayNanos), periodNanos));
        return id;
    }

    @Override
    public boolean cancelTimer(long timerId) {
        return timers.remove(timerId) != null;
    }

    @Override
    public StrategyState state() {
        return state;
    }

    @Override
    public Optional<Position> position(InstrumentId instrumentId) {
        return Optional.ofNullable(positions.get(instrumentId));
    }

    @Override
    public List<Position> positions() {
        return List.copyOf(positions.values());
    }

    @Override
    public List<OpenOrder> openOrders() {
        return List.copyOf(openOrders);
    }

    @Override
    public AccountSnapshot account() {
        return account;
    }

    @Override
    public void log(Level level, String message) {
        log.add(new LogLine(level, message, null));
    }

    @Override
    public void log(Level level, String message, Throwable error) {
        log.add(new LogLine(level, message, error));
    }

    @Override
    public void requestStop(String reason) {
        stopRequest = reason;
    }

    private void callback(Runnable call) {
        if (strategy == null) {
            throw new IllegalStateException("start(strategy) first");
        }
        if (stopped) {
            throw new IllegalStateException("the strategy was stopped; the host delivers nothing after onStop");
        }
        if (inCallback) {
            throw new IllegalStateException("re-entrant delivery: the host never calls a strategy from inside one of"
                    + " its callbacks");
        }
        inCallback = true;
        try {
            call.run();
        } finally {
            inCallback = false;
        }
    }

    private void requireActive(String call) {
        if (stopping) {
            throw new IllegalStateException(call + ": the strategy is stopping or stopped and may send no orders");
        }
        if (!inCallback) {
            throw new IllegalStateException(call + ": only allowed from inside a strategy callback");
        }
    }

    private void requireConfigured(InstrumentId instrumentId) {
        if (instrumentId == null) {
            throw new IllegalArgumentException("instrumentId: required (was null)");
        }
        if (!config.instruments().contains(instrumentId)) {
            throw new IllegalArgumentException("instrumentId = " + instrumentId + ": not in the configuration of "
                    + config.instanceId() + " " + config.instruments());
        }
    }

    private void advanceClockTo(long nanos) {
        if (nanos > nowNanos) {
            advanceTimeTo(nanos);
        }
    }
}
