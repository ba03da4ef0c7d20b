package io.alphintra.engine.internal.core;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslator;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.EventTranslatorThreeArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.alphintra.engine.EngineListener;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's single writer thread. Every producer — shell, API, venue adapters — publishes into one
 * multi-producer Disruptor ring of preallocated slots; one thread applies the slots to {@link EngineCore} in order
 * and commits the journal once per batch (the Disruptor's end of batch), so a burst costs one write and one force.
 *
 * <p>Producers never wait for the engine: their answers come back as {@link CompletionStage}s, completed on the
 * engine thread once the answer is durable. Callers must not block inside those completions. A caller that learns
 * the outcome from a listener instead (the strategy host) uses {@link #send}, which creates no future at all.
 *
 * <p>Market data crosses the ring as primitives copied into the slot, and the engine thread hands it on through
 * flyweights over the slot: an adapter's trade or top of book costs no object between its feed thread and a
 * {@link CallScopedListener}.
 */
public final class EngineLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);

    enum Kind { SUBMIT, CANCEL, REPLACE, VENUE_REPORT, RECONCILE, TRADE, TOP_OF_BOOK, QUERY, CHANGE }

    private record Replace(ClientOrderId clientOrderId, long quantity, long limitPrice, long stopPrice) {
    }

    /** One preallocated ring slot; cleared after use so it holds no garbage between laps. */
    static final class Slot {
        Kind kind;
        Object payload;
        String source;
        /** The caller waiting for the engine's answer to an order, cancel or replace; null when none waits. */
        CompletableFuture<ExecutionReport> answer;
        CompletableFuture<Object> queryResult;
        Function<EngineCore, Object> query;
        // A trade or top of book, by value: the adapter's object is valid only during its callback (SDK contract)
        InstrumentId instrumentId;
        AggressorSide aggressor;
        long price;
        long quantity;
        long bidPrice;
        long bidSize;
        long askPrice;
        long askSize;
        long eventTimeNanos;
        long receiveTimeNanos;

        void set(Kind kind, Object payload, String source, CompletableFuture<ExecutionReport> answer,
                 CompletableFuture<Object> queryResult, Function<EngineCore, Object> query) {
            this.kind = kind;
            this.payload = payload;
            this.source = source;
            this.answer = answer;
            this.queryResult = queryResult;
            this.query = query;
        }

        void trade(Trade trade) {
            set(Kind.TRADE, null, null, null, null, null);
            instrumentId = trade.instrumentId();
            aggressor = trade.aggressor();
            price = trade.price();
            quantity = trade.quantity();
            eventTimeNanos = trade.eventTimeNanos();
            receiveTimeNanos = trade.receiveTimeNanos();
        }

        void topOfBook(TopOfBook top) {
            set(Kind.TOP_OF_BOOK, null, null, null, null, null);
            instrumentId = top.instrumentId();
            bidPrice = top.bidPrice();
            bidSize = top.bidSize();
            askPrice = top.askPrice();
            askSize = top.askSize();
            eventTimeNanos = top.eventTimeNanos();
            receiveTimeNanos = top.receiveTimeNanos();
        }

        void clear() {
            set(null, null, null, null, null, null);
            instrumentId = null;
            aggressor = null;
        }
    }

    /** The slot being applied, seen through the SDK's market data interfaces; engine thread only. */
    private abstract static class SlotView implements InstrumentKeyed {
        Slot slot;
        int instrumentKey;

        @Override
        public int instrumentKey() {
            return instrumentKey;
        }

        public InstrumentId instrumentId() {
            return slot.instrumentId;
        }

        public long eventTimeNanos() {
            return slot.eventTimeNanos;
        }

        public long receiveTimeNanos() {
            return slot.receiveTimeNanos;
        }
    }

    private static final class SlotTrade extends SlotView implements Trade {
        @Override
        public long price() {
            return slot.price;
        }

        @Override
        public long quantity() {
            return slot.quantity;
        }

        @Override
        public AggressorSide aggressor() {
            return slot.aggressor;
        }

        @Override
        public String toString() {
            return toRecord().toString();
        }
    }

    private static final class SlotTopOfBook extends SlotView implements TopOfBook {
        @Override
        public long bidPrice() {
            return slot.bidPrice;
        }

        @Override
        public long bidSize() {
            return slot.bidSize;
        }

        @Override
        public long askPrice() {
            return slot.askPrice;
        }

        @Override
        public long askSize() {
            return slot.askSize;
        }

        @Override
        public String toString() {
            return toRecord().toString();
        }
    }

    /** Fills a slot without a capturing lambda per event, for everything that has no future. */
    private static final EventTranslatorThreeArg<Slot, Kind, Object, String> ONE_WAY =
            (slot, sequence, kind, payload, source) -> slot.set(kind, payload, source, null, null, null);
    private static final EventTranslatorOneArg<Slot, Trade> TRADE = (slot, sequence, trade) -> slot.trade(trade);
    private static final EventTranslatorOneArg<Slot, TopOfBook> TOP_OF_BOOK =
            (slot, sequence, top) -> slot.topOfBook(top);

    private final EngineCore core;
    private final OrderGate.GateInputs gateInputs;
    private final MarketCache market;
    private final LongSupplier clock;
    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;
    /** Copied on change, so that the engine thread reads it without an iterator per report. */
    private volatile EngineListener[] listeners = new EngineListener[0];
    private volatile Thread engineThread;
    /**
     * Events the engine thread itself produced (an adapter refusing an order inside {@code submit}, a listener or a
     * completion that sends a request): queued here, because publishing them into the ring would wait for the ring
     * to drain, i.e. for this very thread, forever when the ring is full. Engine thread only.
     */
    private final ArrayDeque<Slot> ownEvents = new ArrayDeque<>();
    /**
     * Queries of the batch, answered once it is committed: a query sees no order, fill or position that a failed
     * commit could still take back. Engine thread only.
     */
    private final ArrayList<Function<EngineCore, Object>> batchQueries = new ArrayList<>();
    private final ArrayList<CompletableFuture<Object>> batchQueryResults = new ArrayList<>();
    private final InstrumentKeys instrumentKeys = new InstrumentKeys();
    private final SlotTrade tradeView = new SlotTrade();
    private final SlotTopOfBook topView = new SlotTopOfBook();
    /**
     * Why the engine halted (a journal failure, a fatal error on the engine thread), or null while it runs. Set once,
     * by the engine thread; producers read it before they publish and while they wait for ring space.
     */
    private volatile EngineHaltedException halted;
    /** Events dropped since the halt (venue reports, market data: nobody waits for them); for the log. */
    private long droppedSinceHalt;

    /**
     * @param clock epoch nanoseconds; wall clock in production
     */
    public EngineLoop(EngineCore core, OrderGate.GateInputs gateInputs, MarketCache market, LongSupplier clock,
                      int ringSize, String waitStrategy) {
        this.core = core;
        this.gateInputs = gateInputs;
        this.market = market;
        this.clock = clock;
        this.disruptor = new Disruptor<>(Slot::new, ringSize, runnable -> {
            Thread thread = new Thread(runnable, "alphintra-engine");
            thread.setDaemon(true);
            engineThread = thread;
            return thread;
        }, ProducerType.MULTI, waitStrategy(waitStrategy));
        // The backstop: onEvent catches everything itself; should anything still escape it, the engine halts and the
        // processor goes on draining the ring (failing every request), rather than dying and leaving producers
        // blocked on a full ring.
        this.disruptor.setDefaultExceptionHandler(new ExceptionHandler<>() {
            @Override
            public void handleEventException(Throwable failure, long sequence, Slot slot) {
                halt(failure);
                failSlot(slot);
            }

            @Override
            public void handleOnStartException(Throwable failure) {
                halt(failure);
            }

            @Override
            public void handleOnShutdownException(Throwable failure) {
                LOG.error("Engine thread failed while stopping", failure);
            }
        });
        this.disruptor.handleEventsWith((EventHandler<Slot>) this::onEvent);
        this.ring = disruptor.getRingBuffer();
    }

    /** @throws IllegalArgumentException unless the name is one {@link #waitStrategy} accepts */
    public static void requireWaitStrategy(String name) {
        waitStrategy(name);
    }

    /**
     * Accepted names: backoff (the default: {@link BackoffWaitStrategy}), blocking, sleeping, yielding, busy-spin.
     */
    static WaitStrategy waitStrategy(String name) {
        return switch (name) {
            case "backoff" -> new BackoffWaitStrategy();
            case "blocking" -> new BlockingWaitStrategy();
            case "sleeping" -> new SleepingWaitStrategy();
            case "yielding" -> new YieldingWaitStrategy();
            case "busy-spin" -> new BusySpinWaitStrategy();
            default -> throw new IllegalArgumentException("expected backoff, blocking, sleeping, yielding or busy-spin");
        };
    }

    public void start() {
        disruptor.start();
    }

    /** Commands published and not yet taken by the engine thread, as of a recent moment; any thread. */
    public long ringDepth() {
        return ring.getBufferSize() - ring.remainingCapacity();
    }

    /** Slots in the ring. */
    public int ringCapacity() {
        return ring.getBufferSize();
    }

    /** Why the engine halted; empty while it runs. A halted engine answers every request with that reason. */
    public Optional<EngineHaltedException> halted() {
        return Optional.ofNullable(halted);
    }

    public CompletionStage<ExecutionReport> submit(OrderRequest order, String source) {
        return publish(Kind.SUBMIT, order, source);
    }

    /** Submits without a future: the outcome reaches the listeners only. */
    public void send(OrderRequest order, String source) {
        publishOneWay(Kind.SUBMIT, order, source);
    }

    public CompletionStage<ExecutionReport> cancel(ClientOrderId clientOrderId, String source) {
        return publish(Kind.CANCEL, clientOrderId, source);
    }

    public CompletionStage<ExecutionReport> replace(ClientOrderId clientOrderId, long newQuantity, long newLimitPrice,
                                                    long newStopPrice, String source) {
        return publish(Kind.REPLACE, new Replace(clientOrderId, newQuantity, newLimitPrice, newStopPrice), source);
    }

    /** Runs a read-only query on the engine thread, so it sees a consistent state without locks. */
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> query(Function<EngineCore, T> query) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        publish(Kind.QUERY, null, null, null, result, (Function<EngineCore, Object>) query);
        return (CompletionStage<T>) result;
    }

    /**
     * Runs a change of the engine's state that is neither an order nor a report (a kill switch engaged or reset) on
     * the engine thread; answered with its result once the batch that journaled it is committed.
     */
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> change(Function<EngineCore, T> change) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        publish(Kind.CHANGE, null, null, null, result, (Function<EngineCore, Object>) change);
        return (CompletionStage<T>) result;
    }

    /** From any adapter thread. */
    public void venueReport(ExecutionReport report) {
        publishOneWay(Kind.VENUE_REPORT, report, null);
    }

    /**
     * From any adapter thread: the returned stage completes once the report is booked and committed (or recognised
     * as booked before), exceptionally when the engine refused it or halted.
     */
    public CompletionStage<ExecutionReport> venueReportDurably(ExecutionReport report) {
        return publish(Kind.VENUE_REPORT, report, null);
    }

    /**
     * A venue's open orders, listed after it connected and after the executions it replayed were published.
     *
     * @param executionsReplayed whether the venue replayed the executions it made while the engine was away
     */
    public void reconcile(String venueId, List<io.alphintra.sdk.order.OpenOrder> openOrders, long askedAtNanos,
                          boolean executionsReplayed, boolean cancelWorking) {
        publishOneWay(Kind.RECONCILE, new Object[] {venueId, openOrders, askedAtNanos, executionsReplayed,
            cancelWorking}, null);
    }

    /** From any adapter thread; copies the trade, which may be the adapter's reused object. */
    public void trade(Trade trade) {
        publishCopy(TRADE, trade);
    }

    /** Like {@link #trade}. */
    public void topOfBook(TopOfBook top) {
        publishCopy(TOP_OF_BOOK, top);
    }

    private <T> void publishCopy(EventTranslatorOneArg<Slot, T> copy, T event) {
        if (halted != null) {
            return; // market data for a halted engine: nobody waits for it
        }
        if (Thread.currentThread() == engineThread) {
            Slot own = new Slot();
            copy.translateTo(own, 0, event);
            ownEvents.add(own);
        } else {
            while (!ring.tryPublishEvent(copy, event)) {
                if (!waitForSpace()) {
                    return;
                }
            }
        }
    }

    /**
     * A producer's wait for ring space, as the Disruptor's own claim waits (a nanosecond park per round), except that
     * it gives up once the engine has halted: a dead engine's full ring never blocks a venue, strategy or shell.
     *
     * @return false when the engine has halted
     */
    private boolean waitForSpace() {
        if (halted != null) {
            return false;
        }
        LockSupport.parkNanos(1);
        return halted == null;
    }

    private void publishOneWay(Kind kind, Object payload, String source) {
        publish(kind, payload, source, null, null, null);
    }

    private CompletableFuture<ExecutionReport> publish(Kind kind, Object payload, String source) {
        CompletableFuture<ExecutionReport> answer = new CompletableFuture<>();
        publish(kind, payload, source, answer, null, null);
        return answer;
    }

    private void publish(Kind kind, Object payload, String source, CompletableFuture<ExecutionReport> answer,
                         CompletableFuture<Object> queryResult, Function<EngineCore, Object> query) {
        EngineHaltedException stop = halted;
        if (stop != null) {
            refuse(stop, answer, queryResult);
            return;
        }
        if (Thread.currentThread() == engineThread) {
            Slot own = new Slot();
            own.set(kind, payload, source, answer, queryResult, query);
            ownEvents.add(own);
        } else if (answer == null && queryResult == null) {
            while (!ring.tryPublishEvent(ONE_WAY, kind, payload, source)) {
                if (!waitForSpace()) {
                    return;
                }
            }
        } else {
            EventTranslator<Slot> translator =
                    (slot, sequence) -> slot.set(kind, payload, source, answer, queryResult, query);
            while (!ring.tryPublishEvent(translator)) {
                if (!waitForSpace()) {
                    refuse(halted, answer, queryResult);
                    return;
                }
            }
        }
    }

    private static void refuse(EngineHaltedException stop, CompletableFuture<ExecutionReport> answer,
                               CompletableFuture<Object> queryResult) {
        if (answer != null) {
            answer.completeExceptionally(stop);
        }
        if (queryResult != null) {
            queryResult.completeExceptionally(stop);
        }
    }

    /**
     * Halts the engine: logs the cause at ERROR once, fails every caller of the batch that could not be committed and
     * every event the engine thread queued for itself; from now on every request is refused at once with the reason.
     * The engine thread stays alive to drain the ring (failing what producers published before they saw the halt).
     * Engine thread only.
     */
    private void halt(Throwable cause) {
        if (halted == null) {
            String reason = cause instanceof JournalFailureException
                    ? cause.getMessage() + " (nothing after the last acknowledged commit was acknowledged; restart"
                            + " the node once the journal's disk is fixed: it recovers every acknowledged order)"
                    : "fatal error on the engine thread: " + cause
                            + " (restart the node: it recovers every acknowledged order from the journal)";
            halted = new EngineHaltedException(reason, cause);
            LOG.error("ENGINE HALTED: {}. New orders are refused with this reason until a restart.", reason, cause);
            try {
                core.alerts().raise("engine.halt", true, "The engine halted and refuses every order until a"
                        + " restart: " + reason);
            } catch (Throwable e) {
                LOG.error("Raising the alert of the halt failed", e);
            }
        }
        EngineHaltedException stop = halted;
        try {
            core.failPending(stop);
        } catch (Throwable e) {
            LOG.error("Failing the halted batch's callers failed", e);
        }
        Slot own;
        while ((own = ownEvents.poll()) != null) {
            failSlot(own);
        }
        for (CompletableFuture<Object> result : batchQueryResults) {
            result.completeExceptionally(stop);
        }
        batchQueries.clear();
        batchQueryResults.clear();
    }

    private void failSlot(Slot slot) {
        if (slot == null) {
            return;
        }
        if (slot.answer == null && slot.queryResult == null) {
            droppedSinceHalt++;
        }
        refuse(halted, slot.answer, slot.queryResult);
        slot.clear();
    }

    private void onEvent(Slot slot, long sequence, boolean endOfBatch) {
        if (halted != null) {
            failSlot(slot);
            return;
        }
        try {
            apply(slot);
            if (endOfBatch) {
                core.endOfBatch();
                Slot own;
                while ((own = ownEvents.poll()) != null) {
                    apply(own);
                    if (halted != null) {
                        return;
                    }
                    core.endOfBatch();
                }
                answerQueries();
                // Everything of the batch is committed and sent: the one point where a snapshot may be taken.
                core.afterBatch();
            }
        } catch (Throwable failure) {
            // A journal failure, or an error no plugin guard took (plugins' own failures cost only their order)
            halt(failure);
        } finally {
            if (halted != null && Thread.interrupted()) {
                LOG.debug("Cleared an interrupt on the halted engine thread");
            }
        }
    }

    private void apply(Slot slot) {
        try {
            switch (slot.kind) {
                // Market data first and without the clock: it is most events, and reading the clock costs as much
                // as the rest of a trade's handling on the engine thread (a third of it, profiled on the dev VM).
                case TRADE, TOP_OF_BOOK -> onMarketData(slot);
                case SUBMIT -> core.submit((OrderRequest) slot.payload, slot.source, gateInputs, clock.getAsLong(),
                        slot.answer);
                case CANCEL -> {
                    ClientOrderId id = (ClientOrderId) slot.payload;
                    if (!core.cancel(id, slot.source, clock.getAsLong(), slot.answer)) {
                        unknownOrder(slot.answer, id);
                    }
                }
                case REPLACE -> {
                    Replace replace = (Replace) slot.payload;
                    ClientOrderId id = replace.clientOrderId();
                    if (!core.replace(id, replace.quantity(), replace.limitPrice(), replace.stopPrice(), slot.source,
                            gateInputs, clock.getAsLong(), slot.answer)) {
                        unknownOrder(slot.answer, id);
                    }
                }
                case VENUE_REPORT -> core.onVenueReport((ExecutionReport) slot.payload, clock.getAsLong(),
                        slot.answer);
                case RECONCILE -> {
                    Object[] venueAndOrders = (Object[]) slot.payload;
                    @SuppressWarnings("unchecked")
                    List<io.alphintra.sdk.order.OpenOrder> listed =
                            (List<io.alphintra.sdk.order.OpenOrder>) venueAndOrders[1];
                    core.reconcile((String) venueAndOrders[0], listed, (Long) venueAndOrders[2], clock.getAsLong(),
                            (Boolean) venueAndOrders[3], (Boolean) venueAndOrders[4]);
                }
                case QUERY -> {
                    batchQueries.add(slot.query);
                    batchQueryResults.add(slot.queryResult);
                }
                case CHANGE -> {
                    Object result = slot.query.apply(core);
                    batchQueries.add(committed -> result);
                    batchQueryResults.add(slot.queryResult);
                }
            }
        } catch (JournalFailureException e) {
            halt(e);
            refuse(halted, slot.answer, slot.queryResult);
        } catch (RuntimeException e) {
            LOG.error("Engine event {} failed; the engine goes on with the next", slot.kind, e);
            if (slot.answer != null) {
                slot.answer.completeExceptionally(e);
            }
            if (slot.queryResult != null) {
                slot.queryResult.completeExceptionally(e);
            }
        } catch (Throwable e) {
            // An Error outside every plugin guard (those take a plugin's StackOverflowError and the like): the engine's
            // state may be half changed, so it halts.
            halt(e);
            refuse(halted, slot.answer, slot.queryResult);
        } finally {
            slot.clear();
        }
    }

    private void answerQueries() {
        int count = batchQueries.size();
        for (int i = 0; i < count; i++) {
            CompletableFuture<Object> result = batchQueryResults.get(i);
            try {
                result.complete(batchQueries.get(i).apply(core));
            } catch (RuntimeException e) {
                LOG.error("Engine query failed; the engine goes on", e);
                result.completeExceptionally(e);
            }
        }
        batchQueries.clear();
        batchQueryResults.clear();
    }

    private void onMarketData(Slot slot) {
        boolean isTrade = slot.kind == Kind.TRADE;
        int key = instrumentKeys.key(slot.instrumentId);
        if (isTrade) {
            tradeView.slot = slot;
            tradeView.instrumentKey = key;
            market.onTrade(key, tradeView);
            core.onTrade(key, tradeView);
        } else {
            topView.slot = slot;
            topView.instrumentKey = key;
            market.onTopOfBook(key, topView);
        }
        Object kept = null;
        for (EngineListener listener : listeners) {
            try {
                boolean callScoped = listener instanceof CallScopedListener;
                if (!callScoped && kept == null) {
                    kept = isTrade ? tradeView.toRecord() : topView.toRecord();
                }
                if (isTrade) {
                    listener.onTrade(callScoped ? tradeView : (Trade) kept);
                } else {
                    listener.onTopOfBook(callScoped ? topView : (TopOfBook) kept);
                }
            } catch (Throwable e) {
                Failures.rethrowIfFatal(e);
                LOG.error("Engine listener {} failed on {}", listener, isTrade ? tradeView : topView, e);
            }
        }
    }

    private static void unknownOrder(CompletableFuture<ExecutionReport> answer, ClientOrderId id) {
        if (answer != null) {
            answer.completeExceptionally(new IllegalArgumentException("no order with client order id " + id));
        }
    }

    public synchronized void addListener(EngineListener listener) {
        EngineListener[] next = Arrays.copyOf(listeners, listeners.length + 1);
        next[next.length - 1] = listener;
        listeners = next;
    }

    public synchronized void removeListener(EngineListener listener) {
        listeners = Arrays.stream(listeners).filter(l -> l != listener).toArray(EngineListener[]::new);
    }

    /** Whether any listener would receive a report; when none does, the engine builds reports only for callers. */
    public boolean hasListeners() {
        return listeners.length > 0;
    }

    /** Tells the listeners of a durable report. */
    public void publish(ExecutionReport report, String source, String strategyId) {
        for (EngineListener listener : listeners) {
            try {
                listener.onReport(report, source, strategyId);
            } catch (Throwable e) {
                Failures.rethrowIfFatal(e);
                LOG.error("Engine listener {} failed on {}", listener, report, e);
            }
        }
    }

    @Override
    public void close() {
        if (halted != null) {
            LOG.warn("Stopping a halted engine ({}); {} venue reports and market events arrived after the halt and"
                    + " were not applied", halted.getMessage(), droppedSinceHalt);
        }
        try {
            disruptor.shutdown(10, TimeUnit.SECONDS);
        } catch (com.lmax.disruptor.TimeoutException e) {
            LOG.warn("Engine thread did not drain within 10 s; halting it");
            disruptor.halt();
        }
    }
}
