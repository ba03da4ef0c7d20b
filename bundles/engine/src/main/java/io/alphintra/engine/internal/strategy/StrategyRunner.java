package io.alphintra.engine.internal.strategy;

import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.BarSpec;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.Position;
import io.alphintra.sdk.strategy.Strategy;
import io.alphintra.sdk.strategy.StrategyConfig;
import io.alphintra.sdk.strategy.StrategyContext;
import io.alphintra.sdk.strategy.StrategyState;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One strategy instance on a thread of its own. The engine thread only offers events to its bounded queue, so a
 * strategy that blocks, throws or floods is quarantined while the engine and the other strategies run on:
 * <ul>
 *   <li>throws from a callback: quarantined at once;</li>
 *   <li>blocks: a callback running longer than {@code maxCallbackMillis} is noticed by the host's watchdog;</li>
 *   <li>does not keep up: its queue is full when the engine offers it an event;</li>
 *   <li>floods: more orders, cancels and replaces per second than {@code maxOrdersPerSecond}.</li>
 * </ul>
 * Stopping, for whatever reason, cancels the instance's working orders (unless configured not to) and keeps its
 * positions.
 */
final class StrategyRunner implements StrategyContext {
    private static final Logger LOG = LoggerFactory.getLogger(StrategyRunner.class);
    private static final long NOT_IN_CALLBACK = 0;

    enum Lifecycle { RUNNING, STOPPED, QUARANTINED }

    private final StrategySettings settings;
    private final Strategy strategy;
    private final TradingEngine engine;
    private final ScheduledExecutorService timers;
    private final FileStrategyState store;
    private final Map<InstrumentId, TopOfBookRecord> lastTop = new ConcurrentHashMap<>();
    private final BlockingQueue<Runnable> events;
    private final Thread thread;
    private final Logger strategyLog;
    private final Map<Long, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
    /** Per instrument, the kinds subscribed; checked by the engine thread for every event, so it allocates nothing. */
    private final Map<InstrumentId, Set<MarketDataType>> subscriptions = new ConcurrentHashMap<>();
    private final AtomicLong ordersSent = new AtomicLong();
    private final AtomicLong nextTimerId = new AtomicLong();
    private final AtomicLong clientOrderIds = new AtomicLong();

    private volatile Lifecycle lifecycle = Lifecycle.RUNNING;
    private volatile String stopReason;
    private volatile long callbackStartedNanos = NOT_IN_CALLBACK;
    private volatile String callbackName;
    private long windowStartNanos;
    private int windowCount;

    StrategyRunner(StrategySettings settings, Strategy strategy, TradingEngine engine,
                   ScheduledExecutorService timers, FileStrategyState store) {
        this.settings = settings;
        this.strategy = strategy;
        this.engine = engine;
        this.timers = timers;
        this.store = store;
        this.events = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.thread = new Thread(this::run, "alphintra-strategy-" + settings.instanceId());
        this.thread.setDaemon(true);
        this.strategyLog = LoggerFactory.getLogger("io.alphintra.strategy." + settings.instanceId());
    }

    void start() {
        thread.start();
        offer("onStart", () -> strategy.onStart(this));
    }

    String id() {
        return settings.instanceId();
    }

    StrategySettings settings() {
        return settings;
    }

    Lifecycle lifecycle() {
        return lifecycle;
    }

    String stopReason() {
        return stopReason;
    }

    long ordersSent() {
        return ordersSent.get();
    }

    boolean isSubscribed(InstrumentId instrumentId, MarketDataType type) {
        Set<MarketDataType> types = subscriptions.get(instrumentId);
        return types != null && types.contains(type);
    }

    void deliverTrade(Trade trade) {
        offer("onTrade", () -> strategy.onTrade(trade));
    }

    void deliverTopOfBook(TopOfBook top) {
        lastTop.put(top.instrumentId(), top.toRecord());
        offer("onTopOfBook", () -> strategy.onTopOfBook(top));
    }

    void deliverReport(ExecutionReport report) {
        offer("onExecution", () -> strategy.onExecution(report));
    }

    /** Called by the host's watchdog: quarantines a strategy stuck in one callback. */
    void checkCallbackTime(long nowNanos) {
        long started = callbackStartedNanos;
        if (started != NOT_IN_CALLBACK && lifecycle == Lifecycle.RUNNING
                && nowNanos - started > TimeUnit.MILLISECONDS.toNanos(settings.maxCallbackMillis())) {
            quarantine(callbackName + " has been running for " + TimeUnit.NANOSECONDS.toMillis(nowNanos - started)
                    + " ms (limit " + settings.maxCallbackMillis() + " ms)");
            thread.interrupt();
        }
    }

    /** Stops the instance: onStop (if it is not the culprit), then its orders and timers are cleaned up. */
    void stop(String reason) {
        if (lifecycle != Lifecycle.RUNNING) {
            return;
        }
        lifecycle = Lifecycle.STOPPED;
        stopReason = reason;
        LOG.info("Strategy {} stopping: {}", id(), reason);
        if (!events.offer(this::finish)) {
            finishFromOutside();
        }
    }

    void quarantine(String reason) {
        if (lifecycle != Lifecycle.RUNNING) {
            return;
        }
        lifecycle = Lifecycle.QUARANTINED;
        stopReason = reason;
        LOG.error("Strategy {} QUARANTINED: {}. The engine and other strategies run on; its working orders are {}.",
                id(), reason, settings.cancelOrdersOnStop() ? "cancelled" : "left working");
        finishFromOutside();
    }

    private void offer(String name, Runnable event) {
        if (lifecycle != Lifecycle.RUNNING) {
            return;
        }
        if (!events.offer(() -> invoke(name, event))) {
            quarantine("it does not keep up: " + settings.queueCapacity() + " events are waiting for it");
        }
    }

    private void run() {
        while (true) {
            Runnable next;
            try {
                next = events.take();
            } catch (InterruptedException e) {
                if (lifecycle != Lifecycle.RUNNING) {
                    return;
                }
                continue;
            }
            next.run();
            if (lifecycle != Lifecycle.RUNNING && events.isEmpty()) {
                return;
            }
        }
    }

    private void invoke(String name, Runnable callback) {
        if (lifecycle != Lifecycle.RUNNING) {
            return;
        }
        callbackName = name;
        callbackStartedNanos = System.nanoTime();
        try {
            callback.run();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            LOG.error("Strategy {} threw from {}", id(), name, e);
            quarantine(name + " threw " + e);
        } finally {
            callbackStartedNanos = NOT_IN_CALLBACK;
        }
    }

    private void finish() {
        try {
            strategy.onStop();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Strategy {} threw from onStop", id(), e);
        }
        cleanUp();
    }

    /** Clean-up for a strategy that cannot be trusted to run onStop: it is stuck, throwing or flooding. */
    private void finishFromOutside() {
        cleanUp();
        thread.interrupt();
    }

    private void cleanUp() {
        scheduled.values().forEach(future -> future.cancel(false));
        scheduled.clear();
        subscriptions.forEach((instrumentId, types) -> {
            for (MarketDataType type : types) {
                try {
                    engine.unsubscribe(instrumentId, type);
                } catch (RuntimeException e) {
                    LOG.debug("Unsubscribing {} {} for {} failed", instrumentId, type, id(), e);
                }
            }
        });
        subscriptions.clear();
        if (settings.cancelOrdersOnStop()) {
            engine.orders().thenAccept(orders -> orders.stream()
                    .filter(order -> !order.status().isTerminal() && order.strategyId().equals(id()))
                    .forEach(order -> engine.cancel(order.clientOrderId(), "strategy-host:" + id())));
        }
    }

    // ---- StrategyContext: called on the strategy's own thread ----

    private void requireOwnThread() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("strategy " + id() + ": the context may only be used from its callbacks");
        }
        if (lifecycle != Lifecycle.RUNNING) {
            throw new IllegalStateException("strategy " + id() + " is " + lifecycle + " (" + stopReason + ")");
        }
    }

    @Override
    public StrategyConfig config() {
        return settings.config();
    }

    @Override
    public long nowNanos() {
        return io.alphintra.engine.internal.core.EngineClock.nowNanos();
    }

    @Override
    public Optional<Instrument> instrument(InstrumentId instrumentId) {
        return engine.instrument(instrumentId);
    }

    @Override
    public void subscribe(InstrumentId instrumentId, MarketDataType type) {
        requireOwnThread();
        requireConfigured(instrumentId);
        if (subscriptions.computeIfAbsent(instrumentId, key -> ConcurrentHashMap.newKeySet()).add(type)) {
            engine.subscribe(instrumentId, type);
        }
    }

    @Override
    public void unsubscribe(InstrumentId instrumentId, MarketDataType type) {
        requireOwnThread();
        Set<MarketDataType> types = subscriptions.get(instrumentId);
        if (types != null && types.remove(type)) {
            engine.unsubscribe(instrumentId, type);
        }
    }

    @Override
    public void subscribeBars(InstrumentId instrumentId, BarSpec spec) {
        throw new UnsupportedOperationException("bars are not delivered to strategies yet: subscribe to TRADES and"
                + " build bars with the market-data bundle");
    }

    @Override
    public void unsubscribeBars(InstrumentId instrumentId, BarSpec spec) {
        requireOwnThread();
    }

    @Override
    public Optional<TopOfBookRecord> topOfBook(InstrumentId instrumentId) {
        return Optional.ofNullable(lastTop.get(instrumentId));
    }

    @Override
    public ClientOrderId nextClientOrderId() {
        return ClientOrderId.of(id() + "-" + Long.toString(System.currentTimeMillis(), 36) + "-"
                + clientOrderIds.incrementAndGet());
    }

    @Override
    public ClientOrderId submit(OrderRequest order) {
        requireOwnThread();
        if (!order.attribution().equals(settings.config().attribution())) {
            throw new IllegalArgumentException("attribution = " + order.attribution() + ": must be this instance's "
                    + settings.config().attribution());
        }
        requireConfigured(order.instrument().id());
        countRequest();
        ordersSent.incrementAndGet();
        engine.submit(order, "strategy:" + id());
        return order.clientOrderId();
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        requireOwnThread();
        countRequest();
        engine.cancel(clientOrderId, "strategy:" + id());
    }

    @Override
    public ClientOrderId replace(ClientOrderId clientOrderId, long newQuantity, long newLimitPrice,
                                 long newStopPrice) {
        requireOwnThread();
        countRequest();
        try {
            ExecutionReport answer = engine.replace(clientOrderId, newQuantity, newLimitPrice, newStopPrice,
                    "strategy:" + id()).toCompletableFuture().get(5, TimeUnit.SECONDS);
            if (answer.execType() == io.alphintra.sdk.order.ExecType.REPLACE_REJECTED) {
                throw new IllegalArgumentException("replace of " + clientOrderId + " refused: " + answer.text());
            }
            return answer.clientOrderId();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the engine did not accept the replace: " + e.getMessage(), e);
        }
    }

    @Override
    public void cancelAll() {
        requireOwnThread();
        openOrders().forEach(order -> cancel(order.clientOrderId()));
    }

    @Override
    public long scheduleTimer(long delayNanos) {
        requireOwnThread();
        long id = nextTimerId.incrementAndGet();
        scheduled.put(id, timers.schedule(() -> {
            scheduled.remove(id);
            offer("onTimer", () -> strategy.onTimer(id, nowNanos()));
        }, delayNanos, TimeUnit.NANOSECONDS));
        return id;
    }

    @Override
    public long scheduleRepeatingTimer(long initialDelayNanos, long periodNanos) {
        requireOwnThread();
        long id = nextTimerId.incrementAndGet();
        scheduled.put(id, timers.scheduleAtFixedRate(() -> offer("onTimer", () -> strategy.onTimer(id, nowNanos())),
                initialDelayNanos, periodNanos, TimeUnit.NANOSECONDS));
        return id;
    }

    @Override
    public boolean cancelTimer(long timerId) {
        ScheduledFuture<?> future = scheduled.remove(timerId);
        return future != null && future.cancel(false);
    }

    @Override
    public StrategyState state() {
        return store;
    }

    @Override
    public Optional<Position> position(InstrumentId instrumentId) {
        return positions().stream().filter(p -> p.instrumentId().equals(instrumentId)).findFirst();
    }

    @Override
    public List<Position> positions() {
        requireOwnThread();
        try {
            return engine.positions().toCompletableFuture().get(5, TimeUnit.SECONDS).stream()
                    .map(view -> view.position()).filter(position -> position.strategyId().equals(id())).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("the engine did not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public List<OpenOrder> openOrders() {
        requireOwnThread();
        try {
            Set<ClientOrderId> ours = engine.orders().toCompletableFuture().get(5, TimeUnit.SECONDS).stream()
                    .filter(order -> !order.status().isTerminal() && order.strategyId().equals(id()))
                    .map(order -> order.clientOrderId()).collect(java.util.stream.Collectors.toSet());
            return engine.openOrders().toCompletableFuture().get(5, TimeUnit.SECONDS).stream()
                    .filter(order -> ours.contains(order.clientOrderId())).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("the engine did not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public AccountSnapshot account() {
        throw new UnsupportedOperationException("account snapshots reach strategies with the portfolio");
    }

    @Override
    public void log(Level level, String message) {
        log(level, message, null);
    }

    @Override
    public void log(Level level, String message, Throwable error) {
        switch (level) {
            case ERROR -> strategyLog.error(message, error);
            case WARNING -> strategyLog.warn(message, error);
            case INFO -> strategyLog.info(message, error);
            case DEBUG -> strategyLog.debug(message, error);
            default -> strategyLog.trace(message, error);
        }
    }

    @Override
    public void requestStop(String reason) {
        requireOwnThread();
        stop("requested by the strategy: " + reason);
    }

    private void requireConfigured(InstrumentId instrumentId) {
        if (!settings.config().instruments().contains(instrumentId)) {
            throw new IllegalArgumentException("instrument = '" + instrumentId + "': not among the instruments "
                    + settings.config().instruments() + " configured for " + id());
        }
    }

    private void countRequest() {
        long now = System.nanoTime();
        if (now - windowStartNanos > TimeUnit.SECONDS.toNanos(1)) {
            windowStartNanos = now;
            windowCount = 0;
        }
        if (++windowCount > settings.maxOrdersPerSecond()) {
            quarantine("it floods: more than " + settings.maxOrdersPerSecond() + " order requests in one second");
            throw new IllegalStateException("strategy " + id() + " quarantined for flooding");
        }
    }
}
