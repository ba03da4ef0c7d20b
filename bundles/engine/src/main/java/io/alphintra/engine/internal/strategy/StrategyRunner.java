package io.alphintra.engine.internal.strategy;

import io.alphintra.engine.OrderQuery;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.engine.internal.core.EngineClock;
import io.alphintra.engine.internal.core.InstrumentKeyed;
import io.alphintra.engine.internal.core.LatestTopOfBook;
import io.alphintra.marketdata.BarAggregator;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.BarSpec;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.Position;
import io.alphintra.sdk.strategy.Strategy;
import io.alphintra.sdk.strategy.StrategyConfig;
import io.alphintra.sdk.strategy.StrategyContext;
import io.alphintra.sdk.strategy.StrategyState;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One strategy instance on a thread of its own. The engine thread only copies events into the instance's
 * {@link EventRing} and never waits, so a strategy that blocks, throws or floods is quarantined while the engine and
 * the other strategies run on:
 * <ul>
 *   <li>throws from a callback: quarantined at once;</li>
 *   <li>blocks: a callback running longer than {@code maxCallbackMillis} is noticed by the host's watchdog;</li>
 *   <li>does not keep up: {@code queueCapacity} events are waiting when the engine offers it one more;</li>
 *   <li>floods: more orders, cancels and replaces per second than {@code maxOrdersPerSecond}.</li>
 * </ul>
 * Quarantine is logged at ERROR, shown by {@code alphintra:strategies} and reported to the {@link StrategyAudit}.
 * Stopping, for whatever reason, cancels the instance's working orders (unless configured not to) and keeps its
 * positions.
 *
 * <p>Quarantine and stop are final for this runner: first the context is revoked ({@link ContextGate}), so nothing
 * the instance sends, cancels, replaces, schedules or subscribes reaches the engine any more, from whatever thread and
 * however it ignores interrupts; only once every request it had already handed over has arrived is the quarantine
 * logged, audited and its orders swept. A start makes a new runner, which the host refuses while this one's thread
 * lives.
 *
 * <p>Timers, the start and the stop travel through a second, linked queue: they come from other threads than the
 * engine's, are rare, and need no copy.
 */
final class StrategyRunner implements StrategyContext {
    private static final Logger LOG = LoggerFactory.getLogger(StrategyRunner.class);
    private static final long QUERY_TIMEOUT_SECONDS = 5;
    /** Idle rounds spent spinning, then yielding, before the thread parks until the engine wakes it. */
    private static final int SPINS = 100;
    private static final int PARK_AFTER = SPINS + 10;

    private static final BiConsumer<Strategy, Trade> ON_TRADE = Strategy::onTrade;
    private static final BiConsumer<BarAggregator, Trade> BAR_ON_TRADE = BarAggregator::onTrade;
    private static final BiConsumer<Strategy, TopOfBook> ON_TOP_OF_BOOK = Strategy::onTopOfBook;
    private static final BiConsumer<Strategy, ExecutionReport> ON_EXECUTION = Strategy::onExecution;

    enum Lifecycle { RUNNING, STOPPED, QUARANTINED }

    /** A lifecycle state with its reason and since when; replaced whole, so a reader never sees a mix. */
    record Status(Lifecycle lifecycle, String reason, Instant since) {
    }

    /** A scheduled timer; its future is set just after it is entered in {@link #scheduled}. */
    private static final class PendingTimer {
        volatile ScheduledFuture<?> future;
    }

    /**
     * One configured instrument's subscriptions. The engine thread reads the two volatile flags for every event;
     * the rest belongs to the strategy's thread, except {@code atEngine}, which the clean-up may also touch and
     * which is guarded by the runner's subscription lock.
     */
    private static final class Interest {
        final int key;
        final InstrumentId instrumentId;
        volatile boolean trades;
        volatile boolean tops;
        final Set<MarketDataType> subscribed = EnumSet.noneOf(MarketDataType.class);
        final Set<MarketDataType> atEngine = EnumSet.noneOf(MarketDataType.class);
        final List<BarAggregator> bars = new ArrayList<>();
        final LatestTopOfBook top = new LatestTopOfBook();

        Interest(int key, InstrumentId instrumentId) {
            this.key = key;
            this.instrumentId = instrumentId;
        }
    }

    private final StrategySettings settings;
    private final Strategy strategy;
    private final TradingEngine engine;
    /** Where its orders go: the path only the host has, which may attribute an order to a strategy. */
    private final StrategyOrderPath orders;
    private final AccountSource accounts;
    private final StrategyAudit audit;
    private final ScheduledExecutorService executor;
    private final FileStrategyState store;
    /** Keyed by the configured instruments, fixed at construction, so the engine thread reads it without locks. */
    private final Map<InstrumentId, Interest> interests = new HashMap<>();
    /**
     * Who the engine records as the sender of this instance's orders. One instance for all of them: every order keeps
     * it, and the journal encodes it once and copies it after, which a new string per order would defeat.
     */
    private final String source;
    /** {@link #interests} by the engine's instrument key, filled as events come; engine thread only. */
    private Object[] interestByEngineKey = new Object[16];
    private static final Object NO_INTEREST = new Object();
    private final Interest[] interestsByKey;
    private final Object subscriptionLock = new Object();
    private final EventRing events;
    private final BlockingQueue<Runnable> controls;
    private final Thread thread;
    private final Logger strategyLog;
    /**
     * Pending timers by id. The map decides: a timer fires only while its entry is here, and cancelling removes it,
     * so an entry never outlives its timer (the future is set just after the entry, by the strategy's thread).
     */
    private final Map<Long, PendingTimer> scheduled = new ConcurrentHashMap<>();
    private final ContextGate gate;
    private final long minTimerNanos;
    /** Strategy thread only: the refusal of a timer beyond the bound is logged once per run. */
    private boolean timerBoundLogged;
    private final AtomicBoolean finishingFromOutside = new AtomicBoolean();
    private final AtomicLong ordersSent = new AtomicLong();
    private final AtomicLong nextTimerId = new AtomicLong();
    private final AtomicLong clientOrderIds = new AtomicLong();
    private final Status running = new Status(Lifecycle.RUNNING, null, Instant.now());
    private final AtomicReference<Status> status = new AtomicReference<>(running);
    private final AtomicBoolean cleanedUp = new AtomicBoolean();
    private volatile boolean terminated;
    private volatile boolean parked;

    /**
     * Odd while a callback runs. Only the strategy's thread writes it, with ordered stores rather than a clock read
     * per event; the watchdog compares it between its rounds to tell a stuck callback from a busy strategy.
     */
    private final AtomicLong callbackSequence = new AtomicLong();
    private long callbacks;
    private String callbackName;
    private long watchedSequence;
    private long watchedSinceNanos;
    /** Set by the strategy's thread while it waits for an answer of the engine's inside a callback. */
    private volatile boolean waitingOnEngine;

    private long windowStartNanos;
    private int windowCount;
    private final long[] executionTimes;
    private final long executionWindowNanos;
    private int executionCursor;
    private long executionsSeen;

    StrategyRunner(StrategySettings settings, Strategy strategy, TradingEngine engine, StrategyOrderPath orders,
                   AccountSource accounts, StrategyAudit audit, ScheduledExecutorService executor,
                   FileStrategyState store) {
        this.settings = settings;
        this.orders = orders;
        this.executionTimes = new long[settings.maxExecutions()];
        this.executionWindowNanos = TimeUnit.MILLISECONDS.toNanos(settings.executionWindowMillis());
        this.source = "strategy:" + settings.instanceId();
        this.strategy = strategy;
        this.engine = engine;
        this.accounts = accounts;
        this.audit = audit;
        this.executor = executor;
        this.store = store;
        List<InstrumentId> instruments = settings.config().instruments();
        this.interestsByKey = new Interest[instruments.size()];
        for (int key = 0; key < instruments.size(); key++) {
            interestsByKey[key] = new Interest(key, instruments.get(key));
            interests.put(instruments.get(key), interestsByKey[key]);
        }
        this.events = new EventRing(settings.queueCapacity());
        this.controls = new LinkedBlockingQueue<>(settings.queueCapacity());
        this.thread = new Thread(this::run, "alphintra-strategy-" + settings.instanceId());
        this.thread.setDaemon(true);
        this.strategyLog = LoggerFactory.getLogger("io.alphintra.strategy." + settings.instanceId());
        this.gate = new ContextGate(settings.instanceId());
        this.minTimerNanos = TimeUnit.MILLISECONDS.toNanos(settings.minTimerMillis());
    }

    void start() {
        orders.throttleStrategy(source, settings.maxMessagesPerSecond());
        thread.start();
        control(() -> call("onStart", Strategy::onStart, strategy, this));
    }

    String id() {
        return settings.instanceId();
    }

    StrategySettings settings() {
        return settings;
    }

    Status status() {
        return status.get();
    }

    long ordersSent() {
        return ordersSent.get();
    }

    boolean threadAlive() {
        return thread.isAlive();
    }

    /**
     * Waits up to {@code millis} for this runner's thread to end, as it does soon after a stop or quarantine unless
     * a callback ignores the interrupt.
     *
     * @return true if it has ended
     */
    boolean awaitThreadEnd(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** The thread as operators need it to find it: name, id, state and where it is. */
    String describeThread() {
        StackTraceElement[] stack = thread.getStackTrace();
        return "'" + thread.getName() + "' (thread id " + thread.getId() + ", " + thread.getState()
                + (stack.length > 0 ? ", at " + stack[0] : "") + ")";
    }

    private boolean isRunning() {
        return status.get() == running;
    }

    // ---- the engine thread: copies into the ring, never waits, allocates nothing ----

    void deliverTrade(Trade trade) {
        Interest interest = interest(trade, trade.instrumentId());
        if (interest != null && interest.trades && isRunning()) {
            offered(events.offerTrade(interest.key, trade));
        }
    }

    void deliverTopOfBook(TopOfBook top) {
        Interest interest = interest(top, top.instrumentId());
        if (interest != null && interest.tops && isRunning()) {
            offered(events.offerTopOfBook(interest.key, top));
        }
    }

    /**
     * This instance's interest in an event's instrument, or null. Engine thread. The engine's own events carry its
     * instrument key: the answer is then kept by key (the configured instruments never change), so an event for
     * any instrument costs an array read instead of hashing its id — per strategy instance, for every event.
     */
    private Interest interest(Object event, InstrumentId instrumentId) {
        if (!(event instanceof InstrumentKeyed keyed)) {
            return interests.get(instrumentId);
        }
        int key = keyed.instrumentKey();
        if (key >= interestByEngineKey.length) {
            interestByEngineKey = Arrays.copyOf(interestByEngineKey, Math.max(2 * interestByEngineKey.length,
                    key + 1));
        }
        Object known = interestByEngineKey[key];
        if (known == null) {
            Interest interest = interests.get(instrumentId);
            known = interest == null ? NO_INTEREST : interest;
            interestByEngineKey[key] = known;
        }
        return known == NO_INTEREST ? null : (Interest) known;
    }

    void deliverReport(ExecutionReport report) {
        if (isRunning()) {
            offered(events.offerReport(report));
            if (report.execType() == ExecType.TRADE) {
                countExecution(report.receiveTimeNanos());
            }
        }
    }

    /**
     * The execution throttle (PT7, RTS 6 Art 15): the times of its last {@code maxExecutions} fills, in a ring; one
     * more within the window disables the instance until an authorised user starts it again. Engine thread; the ring
     * is allocated once, so counting allocates nothing.
     */
    private void countExecution(long atNanos) {
        int limit = executionTimes.length;
        long oldest = executionTimes[executionCursor];
        executionTimes[executionCursor] = atNanos;
        executionCursor = executionCursor + 1 == limit ? 0 : executionCursor + 1;
        if (++executionsSeen > limit && atNanos - oldest < executionWindowNanos) {
            quarantine("execution throttle: " + (limit + 1) + " executions within "
                    + settings.executionWindowMillis() + " ms, over its limit of " + limit
                    + " (maxExecutions); an authorised user re-enables it with alphintra:strategies start " + id());
        }
    }

    private void offered(boolean accepted) {
        if (!accepted) {
            quarantine("it does not keep up: " + events.capacity() + " events are waiting for it");
        } else if (parked) {
            LockSupport.unpark(thread);
        }
    }

    /** From timer threads and the host: the start, timers. */
    private void control(Runnable task) {
        if (!isRunning()) {
            return;
        }
        if (!controls.offer(task)) {
            quarantine("it does not keep up: " + settings.queueCapacity() + " timer events are waiting for it");
        } else if (parked) {
            LockSupport.unpark(thread);
        }
    }

    // ---- supervision: the watchdog, stop and quarantine ----

    /** Called by the host's watchdog every round: quarantines a strategy stuck in one callback. */
    void checkCallbackTime(long nowNanos) {
        long sequence = callbackSequence.get();
        if (sequence != watchedSequence) {
            watchedSequence = sequence;
            watchedSinceNanos = nowNanos;
            return;
        }
        if ((sequence & 1) == 0 || terminated) {
            return;
        }
        if (waitingOnEngine) {
            // Waiting for the engine's answer, which a snapshot may hold up for a second: the callback's budget
            // counts the strategy's own time, and starts again when the answer comes.
            watchedSinceNanos = nowNanos;
            return;
        }
        long stuckNanos = nowNanos - watchedSinceNanos;
        if (stuckNanos > TimeUnit.MILLISECONDS.toNanos(settings.maxCallbackMillis())) {
            String reason = callbackName + " has been running for at least " + TimeUnit.NANOSECONDS.toMillis(stuckNanos)
                    + " ms (limit " + settings.maxCallbackMillis() + " ms)";
            if (!quarantine(reason) && !finishingFromOutside.get()) {
                LOG.error("Strategy {} is stopping but {}; its clean-up runs without it", id(), reason);
                finishFromOutside();
            }
        }
    }

    /**
     * Stops the instance: its context is revoked, then onStop runs (if it is not the culprit) and its orders and
     * timers are cleaned up.
     */
    void stop(String reason) {
        if (!gate.revoke("its context was revoked when it stopped: " + reason)) {
            return;
        }
        status.set(new Status(Lifecycle.STOPPED, reason, Instant.now()));
        LOG.info("Strategy {} stopping: {}", id(), reason);
        if (controls.offer(this::finish)) {
            LockSupport.unpark(thread);
        } else {
            finishFromOutside();
        }
    }

    /**
     * Revokes the context at once; the ERROR log, the audit record and the sweep of its orders follow once every
     * request it handed over before has reached the engine, so none of its requests comes after them.
     *
     * @return false if the instance was no longer running
     */
    boolean quarantine(String reason) {
        if (!gate.revoke("its context was revoked when it was quarantined: " + reason)) {
            return false;
        }
        Status quarantined = new Status(Lifecycle.QUARANTINED, reason, Instant.now());
        status.set(quarantined);
        whenDrained(() -> {
            LOG.error("Strategy {} QUARANTINED: {}. The engine and other strategies run on; its working orders are"
                    + " {}. Restart it with alphintra:strategies start {}", id(), reason,
                    settings.cancelOrdersOnStop() ? "cancelled" : "left working", id());
            try {
                audit.quarantined(id(), reason, quarantined.since().getEpochSecond() * 1_000_000_000L
                        + quarantined.since().getNano());
            } catch (RuntimeException e) {
                LOG.error("The audit record of strategy {}'s quarantine failed", id(), e);
            }
            cleanUpAndEnd();
        });
        return true;
    }

    /**
     * Runs {@code task} on the host's executor once the revoked context has drained: off the detecting thread, which
     * may be the engine thread (it must neither wait on nor feed itself), or the strategy's, which a request of its
     * own may hold in the engine's full ring. A request on its way takes no longer than the engine's ring stays full.
     */
    private void whenDrained(Runnable task) {
        Runnable attempt = new Runnable() {
            @Override
            public void run() {
                if (gate.drained()) {
                    task.run();
                } else {
                    try {
                        executor.schedule(this, 1, TimeUnit.MILLISECONDS);
                    } catch (RejectedExecutionException e) {
                        drainOnOwnThread(task);
                    }
                }
            }
        };
        try {
            executor.execute(attempt);
        } catch (RejectedExecutionException e) {
            drainOnOwnThread(task);
        }
    }

    /**
     * The host is stopping and its executor takes no more tasks: a short-lived thread waits for the drain instead,
     * at most as long as the engine answers a query, since the detecting thread must not wait.
     */
    private void drainOnOwnThread(Runnable task) {
        Thread drainer = new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(QUERY_TIMEOUT_SECONDS);
            while (!gate.drained() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            if (!gate.drained()) {
                LOG.error("Strategy {}: a request it was handing to the engine did not arrive within {} s; its"
                        + " clean-up goes on without waiting for it", id(), QUERY_TIMEOUT_SECONDS);
            }
            task.run();
        }, "alphintra-strategy-" + id() + "-clean-up");
        drainer.setDaemon(true);
        drainer.start();
    }

    private void finish() {
        enterCallback("onStop");
        try {
            strategy.onStop();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Strategy {} threw from onStop", id(), e);
        } finally {
            exitCallback();
        }
        cleanUp();
        terminate();
    }

    /** Clean-up for a stopping strategy that cannot be trusted to run onStop: it is stuck. Once. */
    private void finishFromOutside() {
        if (finishingFromOutside.compareAndSet(false, true)) {
            whenDrained(this::cleanUpAndEnd);
        }
    }

    private void cleanUpAndEnd() {
        finishingFromOutside.set(true);
        cleanUp();
        terminate();
        thread.interrupt();
    }

    private void terminate() {
        terminated = true;
        LockSupport.unpark(thread);
    }

    private void cleanUp() {
        if (!cleanedUp.compareAndSet(false, true)) {
            return;
        }
        scheduled.values().forEach(timer -> {
            ScheduledFuture<?> future = timer.future;
            if (future != null) {
                future.cancel(false);
            }
        });
        scheduled.clear();
        synchronized (subscriptionLock) {
            for (Interest interest : interestsByKey) {
                interest.trades = false;
                interest.tops = false;
                for (MarketDataType type : interest.atEngine) {
                    try {
                        engine.unsubscribe(interest.instrumentId, type);
                    } catch (RuntimeException e) {
                        LOG.debug("Unsubscribing {} {} for {} failed", interest.instrumentId, type, id(), e);
                    }
                }
                interest.atEngine.clear();
            }
        }
        if (settings.cancelOrdersOnStop()) {
            cancelWorkingOrders(null);
        }
    }

    /**
     * Cancels the instance's working orders a page at a time from {@code cursor} on: each page costs the engine
     * thread a bounded walk, and the next is asked for only once the previous was answered, so a sweep on a large
     * book leaves the engine free for other events in between.
     */
    private void cancelWorkingOrders(String cursor) {
        engine.orders(new OrderQuery(id(), null, null, null, true, cursor, OrderQuery.MAX_LIMIT))
                .thenAccept(page -> {
                    page.orders().forEach(order -> engine.cancel(order.clientOrderId(), "strategy-host:" + id()));
                    if (page.nextCursor() != null) {
                        cancelWorkingOrders(page.nextCursor());
                    }
                }).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        LOG.error("Strategy {}: its working orders could not all be cancelled at its stop ({});"
                                + " alphintra:orders --working --strategy {} lists them for alphintra:order-cancel",
                                id(), failure.toString(), id());
                    }
                });
    }

    // ---- the strategy's thread ----

    private void run() {
        int idleRounds = 0;
        while (!terminated) {
            if (runControls() + deliverEvents() > 0) {
                idleRounds = 0;
            } else {
                idle(idleRounds);
                idleRounds = Math.min(idleRounds + 1, PARK_AFTER);
            }
        }
    }

    private int runControls() {
        int ran = 0;
        Runnable task;
        while (!terminated && (task = controls.poll()) != null) {
            task.run();
            ran++;
        }
        return ran;
    }

    private int deliverEvents() {
        long next = events.consumed();
        long end = events.published();
        int delivered = 0;
        while (next < end && isRunning()) {
            deliver(next);
            events.delivered(next++);
            delivered++;
        }
        return delivered;
    }

    private void deliver(long sequence) {
        switch (events.kind(sequence)) {
            case EventRing.TRADE -> onTradeEvent(interestsByKey[events.key(sequence)], events.trade(sequence));
            case EventRing.TOP_OF_BOOK -> {
                Interest interest = interestsByKey[events.key(sequence)];
                TopOfBook top = events.topOfBook(sequence);
                if (interest.tops) {
                    interest.top.remember(top);
                    call("onTopOfBook", ON_TOP_OF_BOOK, strategy, top);
                }
            }
            case EventRing.REPORT -> call("onExecution", ON_EXECUTION, strategy, events.report(sequence));
            default -> throw new IllegalStateException("unknown event kind " + events.kind(sequence));
        }
    }

    private void onTradeEvent(Interest interest, Trade trade) {
        if (interest.subscribed.contains(MarketDataType.TRADES)) {
            call("onTrade", ON_TRADE, strategy, trade);
        }
        List<BarAggregator> bars = interest.bars;
        for (int i = 0; i < bars.size(); i++) {
            call("onBar", BAR_ON_TRADE, bars.get(i), trade);
        }
    }

    /**
     * Waits for work: spins briefly (a busy feed keeps the thread hot), then parks. The flag is set before looking
     * once more, and producers publish before reading it, so an event that arrives meanwhile always wakes us.
     */
    private void idle(int idleRounds) {
        if (idleRounds < SPINS) {
            Thread.onSpinWait();
        } else if (idleRounds < PARK_AFTER) {
            Thread.yield();
        } else {
            parked = true;
            if (events.isEmpty() && controls.isEmpty() && !terminated) {
                LockSupport.park(this);
            }
            parked = false;
            Thread.interrupted(); // only a quarantine interrupts, and it terminates the loop; park must block again
        }
    }

    /** Runs one callback, guarded: what it throws quarantines the instance. */
    private <A, B> void call(String name, BiConsumer<A, B> callback, A target, B event) {
        if (!isRunning()) {
            return;
        }
        enterCallback(name);
        try {
            callback.accept(target, event);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            LOG.error("Strategy {} threw from {}", id(), name, e);
            quarantine(name + " threw " + e);
        } finally {
            exitCallback();
        }
    }

    private void enterCallback(String name) {
        callbackName = name;
        callbackSequence.lazySet(++callbacks);
    }

    private void exitCallback() {
        callbackSequence.lazySet(++callbacks);
    }

    // ---- StrategyContext: called on the strategy's own thread ----

    private void requireOwnThread() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("strategy " + id() + ": the context may only be used from its callbacks");
        }
        if (gate.revoked()) {
            throw new IllegalStateException("strategy " + id() + ": " + gate.revocation());
        }
    }

    @Override
    public StrategyConfig config() {
        return settings.config();
    }

    @Override
    public long nowNanos() {
        return EngineClock.nowNanos();
    }

    @Override
    public Optional<Instrument> instrument(InstrumentId instrumentId) {
        return engine.instrument(instrumentId);
    }

    @Override
    public void subscribe(InstrumentId instrumentId, MarketDataType type) {
        requireOwnThread();
        Interest interest = configured(instrumentId);
        if (type == MarketDataType.BARS) {
            throw new IllegalArgumentException("type = BARS: use subscribeBars(instrumentId, spec)");
        }
        if (interest.subscribed.add(type)) {
            try {
                updateEngineSubscriptions(interest);
            } catch (RuntimeException e) {
                interest.subscribed.remove(type);
                throw e;
            }
        }
    }

    @Override
    public void unsubscribe(InstrumentId instrumentId, MarketDataType type) {
        requireOwnThread();
        Interest interest = interests.get(instrumentId);
        if (interest != null && interest.subscribed.remove(type)) {
            updateEngineSubscriptions(interest);
        }
    }

    /**
     * Bars are built here, from the instrument's trades, on its venue's calendar (sessions and time zone), as the
     * strategy harness builds them, so a strategy sees the same bars live as in its tests; UTC days while the venue
     * is not registered.
     */
    @Override
    public void subscribeBars(InstrumentId instrumentId, BarSpec spec) {
        requireOwnThread();
        Interest interest = configured(instrumentId);
        if (spec == null) {
            throw new IllegalArgumentException("spec: required (was null)");
        }
        if (barAggregator(interest, spec) != null) {
            return;
        }
        BarAggregator.Builder builder = BarAggregator.builder(instrumentId, spec);
        engine.venue(instrumentId.venueId()).ifPresent(venue -> builder.calendar(venue.calendar()));
        BarAggregator aggregator = builder.build(strategy::onBar);
        interest.bars.add(aggregator);
        try {
            updateEngineSubscriptions(interest);
        } catch (RuntimeException e) {
            interest.bars.remove(aggregator);
            throw e;
        }
    }

    /** Drops the bar being built; harmless if not subscribed. */
    @Override
    public void unsubscribeBars(InstrumentId instrumentId, BarSpec spec) {
        requireOwnThread();
        Interest interest = interests.get(instrumentId);
        BarAggregator aggregator = interest == null ? null : barAggregator(interest, spec);
        if (aggregator != null) {
            interest.bars.remove(aggregator);
            updateEngineSubscriptions(interest);
        }
    }

    private static BarAggregator barAggregator(Interest interest, BarSpec spec) {
        for (BarAggregator aggregator : interest.bars) {
            if (aggregator.spec().equals(spec)) {
                return aggregator;
            }
        }
        return null;
    }

    /**
     * Brings the engine's subscriptions in line with what the strategy wants; trades are wanted for bars too. The
     * delivery flag is raised before the engine asks the venue, so no event the venue sends for this subscription
     * can pass the host before the flag does.
     */
    private void updateEngineSubscriptions(Interest interest) {
        synchronized (subscriptionLock) {
            gate.enter("a subscription change");
            try {
                match(interest, MarketDataType.TRADES,
                        interest.subscribed.contains(MarketDataType.TRADES) || !interest.bars.isEmpty());
                match(interest, MarketDataType.TOP_OF_BOOK,
                        interest.subscribed.contains(MarketDataType.TOP_OF_BOOK));
                match(interest, MarketDataType.BOOK_DELTAS,
                        interest.subscribed.contains(MarketDataType.BOOK_DELTAS));
            } finally {
                gate.exit();
            }
        }
    }

    private void match(Interest interest, MarketDataType type, boolean wanted) {
        if (wanted == interest.atEngine.contains(type)) {
            return;
        }
        if (wanted) {
            deliveryFlag(interest, type, true);
            try {
                engine.subscribe(interest.instrumentId, type);
            } catch (RuntimeException e) {
                deliveryFlag(interest, type, false);
                throw e;
            }
            interest.atEngine.add(type);
        } else {
            interest.atEngine.remove(type);
            deliveryFlag(interest, type, false);
            engine.unsubscribe(interest.instrumentId, type);
        }
    }

    private static void deliveryFlag(Interest interest, MarketDataType type, boolean on) {
        if (type == MarketDataType.TRADES) {
            interest.trades = on;
        } else if (type == MarketDataType.TOP_OF_BOOK) {
            interest.tops = on;
        }
    }

    /** The latest top of book delivered to this strategy, so it agrees with what its callbacks saw. */
    @Override
    public Optional<TopOfBookRecord> topOfBook(InstrumentId instrumentId) {
        Interest interest = interests.get(instrumentId);
        return interest == null ? Optional.empty() : Optional.ofNullable(interest.top.record(instrumentId));
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
        configured(order.instrument().id());
        admitRequest("submit");
        // Hand-over waits only while the engine's ring is full (a snapshot's pause): not the strategy's time.
        waitingOnEngine = true;
        try {
            ordersSent.incrementAndGet();
            orders.sendAsStrategy(order, source);
        } finally {
            waitingOnEngine = false;
            gate.exit();
        }
        return order.clientOrderId();
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        requireOwnThread();
        admitRequest("cancel");
        waitingOnEngine = true;
        try {
            engine.cancel(clientOrderId, source);
        } finally {
            waitingOnEngine = false;
            gate.exit();
        }
    }

    @Override
    public ClientOrderId replace(ClientOrderId clientOrderId, long newQuantity, long newLimitPrice,
                                 long newStopPrice) {
        requireOwnThread();
        admitRequest("replace");
        ExecutionReport answer = await("the replace", () -> {
            try {
                return engine.replace(clientOrderId, newQuantity, newLimitPrice, newStopPrice, source);
            } finally {
                gate.exit();
            }
        });
        // A throttled replace is no fault of the request: the strategy hears it in onExecution (REPLACE_REJECTED,
        // THROTTLED) and keeps its order as it was, where an exception it did not expect would quarantine it.
        if (answer.execType() == ExecType.REPLACE_REJECTED
                && answer.rejectReason() != RejectReason.THROTTLED) {
            throw new IllegalArgumentException("replace of " + clientOrderId + " refused: " + answer.text());
        }
        return answer.clientOrderId();
    }

    @Override
    public void cancelAll() {
        requireOwnThread();
        openOrders().forEach(order -> cancel(order.clientOrderId()));
    }

    /**
     * A delay shorter than {@code minTimerMillis} is lengthened to it: the timer still fires after the delay asked
     * for, and a strategy rescheduling a zero delay from {@code onTimer} cannot keep the host's timer thread busy.
     */
    @Override
    public long scheduleTimer(long delayNanos) {
        requireOwnThread();
        if (delayNanos < 0) {
            throw new IllegalArgumentException("delayNanos = " + delayNanos + ": a timer cannot fire in the past");
        }
        return schedule("scheduleTimer", (id, timer) -> executor.schedule(() -> {
            if (scheduled.remove(id, timer)) {
                fireTimer(id);
            }
        }, Math.max(delayNanos, minTimerNanos), TimeUnit.NANOSECONDS));
    }

    @Override
    public long scheduleRepeatingTimer(long initialDelayNanos, long periodNanos) {
        requireOwnThread();
        if (initialDelayNanos < 0) {
            throw new IllegalArgumentException("initialDelayNanos = " + initialDelayNanos + ": a timer cannot fire in"
                    + " the past");
        }
        if (periodNanos < minTimerNanos) {
            throw new IllegalArgumentException("periodNanos = " + periodNanos + ": shorter than the shortest timer"
                    + " period of strategy " + id() + ", " + settings.minTimerMillis() + " ms (minTimerMillis)");
        }
        return schedule("scheduleRepeatingTimer", (id, timer) -> executor.scheduleAtFixedRate(() -> {
            if (scheduled.get(id) == timer) {
                fireTimer(id);
            }
        }, Math.max(initialDelayNanos, minTimerNanos), periodNanos, TimeUnit.NANOSECONDS));
    }

    /** Schedules with the executor unless the instance has its bound of pending timers, or its context is revoked. */
    private long schedule(String what, BiFunction<Long, PendingTimer, ScheduledFuture<?>> scheduler) {
        if (scheduled.size() >= settings.maxPendingTimers()) {
            if (!timerBoundLogged) {
                timerBoundLogged = true;
                LOG.warn("Strategy {} has {} timers pending, its bound (maxPendingTimers); more are refused (logged"
                        + " once)", id(), settings.maxPendingTimers());
            }
            throw new IllegalStateException("strategy " + id() + ": " + what + " refused: " + settings
                    .maxPendingTimers() + " timers are pending, the most it may have (maxPendingTimers); cancel one"
                    + " or let one fire first");
        }
        gate.enter(what);
        try {
            long id = nextTimerId.incrementAndGet();
            PendingTimer timer = new PendingTimer();
            scheduled.put(id, timer);
            try {
                timer.future = scheduler.apply(id, timer);
            } catch (RuntimeException e) {
                scheduled.remove(id);
                throw e;
            }
            return id;
        } finally {
            gate.exit();
        }
    }

    private void fireTimer(long id) {
        control(() -> call("onTimer", (runner, timerId) -> runner.strategy.onTimer(timerId, runner.nowNanos()), this,
                id));
    }

    @Override
    public boolean cancelTimer(long timerId) {
        PendingTimer timer = scheduled.remove(timerId);
        if (timer == null) {
            return false;
        }
        ScheduledFuture<?> future = timer.future;
        if (future != null) {
            future.cancel(false);
        }
        return true;
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
        return await("positions", engine::positions).stream().map(view -> view.position())
                .filter(position -> position.strategyId().equals(id())).toList();
    }

    @Override
    public List<OpenOrder> openOrders() {
        requireOwnThread();
        Set<ClientOrderId> ours = await("orders", engine::orders).stream()
                .filter(order -> !order.status().isTerminal() && order.strategyId().equals(id()))
                .map(OrderView::clientOrderId).collect(Collectors.toSet());
        return await("open orders", engine::openOrders).stream()
                .filter(order -> ours.contains(order.clientOrderId())).toList();
    }

    /** Asked of the engine on every call; see {@link AccountSource#account} for what it includes. */
    @Override
    public AccountSnapshot account() {
        requireOwnThread();
        return await("the account", () -> accounts.account(settings.config().accountId()));
    }

    /** Waits on the strategy's thread, never the engine's, for an answer of the engine thread (ADR 6). */
    /**
     * Asks the engine and waits for its answer. The time is not the callback's (see {@link #checkCallbackTime}),
     * including handing the question over, which waits while the engine's ring is full.
     */
    private <T> T await(String what, Supplier<CompletionStage<T>> question) {
        waitingOnEngine = true;
        try {
            return question.get().toCompletableFuture().get(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the engine did not answer " + what + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the engine did not answer " + what + " within " + QUERY_TIMEOUT_SECONDS
                    + " s", e);
        } finally {
            waitingOnEngine = false;
        }
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

    private Interest configured(InstrumentId instrumentId) {
        Interest interest = interests.get(instrumentId);
        if (interest == null) {
            throw new IllegalArgumentException("instrument = '" + instrumentId + "': not among the instruments "
                    + settings.config().instruments() + " configured for " + id());
        }
        return interest;
    }

    /**
     * Counts an order request against {@code maxOrdersPerSecond} (one too many quarantines the instance) and admits
     * it through the gate; {@code gate.exit()} must follow once it is handed over.
     */
    private void admitRequest(String what) {
        long now = System.nanoTime();
        if (now - windowStartNanos > TimeUnit.SECONDS.toNanos(1)) {
            windowStartNanos = now;
            windowCount = 0;
        }
        if (++windowCount > settings.maxOrdersPerSecond()) {
            quarantine("it floods: more than " + settings.maxOrdersPerSecond() + " order requests in one second");
        }
        gate.enter(what);
    }
}
