package io.alphintra.engine.internal.core;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.alphintra.engine.EngineListener;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's single writer thread. Every producer — shell, API, venue adapters — publishes into one
 * multi-producer Disruptor ring of preallocated slots; one thread applies the slots to {@link EngineCore} in order
 * and commits the journal once per batch (the Disruptor's end of batch), so a burst costs one write and one force.
 *
 * <p>Producers never wait for the engine: their answers come back as {@link CompletionStage}s, completed on the
 * engine thread once the answer is durable. Callers must not block inside those completions.
 */
public final class EngineLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);

    enum Kind { SUBMIT, CANCEL, REPLACE, VENUE_REPORT, RECONCILE, TRADE, TOP_OF_BOOK, QUERY }

    private record Replace(ClientOrderId clientOrderId, long quantity, long limitPrice, long stopPrice) {
    }

    /** One preallocated ring slot; cleared after use so it holds no garbage between laps. */
    static final class Slot {
        Kind kind;
        Object payload;
        String source;
        CompletableFuture<Object> reply;
        Function<EngineCore, Object> query;

        void clear() {
            kind = null;
            payload = null;
            source = null;
            reply = null;
            query = null;
        }
    }

    private final EngineCore core;
    private final OrderGate.GateInputs gateInputs;
    private final MarketCache market;
    private final LongSupplier clock;
    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;
    /** Answers awaited per client order id, in submission order (engine thread only). */
    private final Map<ClientOrderId, ArrayDeque<CompletableFuture<Object>>> awaitingFirstReport = new HashMap<>();
    private final Map<ClientOrderId, ArrayDeque<CompletableFuture<Object>>> awaitingCancelAnswer = new HashMap<>();
    private final Map<ClientOrderId, ArrayDeque<CompletableFuture<Object>>> awaitingReplaceAnswer = new HashMap<>();
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();

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
            return thread;
        }, ProducerType.MULTI, waitStrategy(waitStrategy));
        this.disruptor.handleEventsWith((EventHandler<Slot>) this::onEvent);
        this.ring = disruptor.getRingBuffer();
    }

    /** @throws IllegalArgumentException unless the name is one {@link #waitStrategy} accepts */
    public static void requireWaitStrategy(String name) {
        waitStrategy(name);
    }

    /** Accepted names: blocking, sleeping, yielding, busy-spin. */
    static WaitStrategy waitStrategy(String name) {
        return switch (name) {
            case "blocking" -> new BlockingWaitStrategy();
            case "sleeping" -> new SleepingWaitStrategy();
            case "yielding" -> new YieldingWaitStrategy();
            case "busy-spin" -> new BusySpinWaitStrategy();
            default -> throw new IllegalArgumentException("expected blocking, sleeping, yielding or busy-spin");
        };
    }

    public void start() {
        disruptor.start();
    }

    public CompletionStage<ExecutionReport> submit(OrderRequest order, String source) {
        return publish(Kind.SUBMIT, order, source, null).thenApply(ExecutionReport.class::cast);
    }

    public CompletionStage<ExecutionReport> cancel(ClientOrderId clientOrderId, String source) {
        return publish(Kind.CANCEL, clientOrderId, source, null).thenApply(ExecutionReport.class::cast);
    }

    public CompletionStage<ExecutionReport> replace(ClientOrderId clientOrderId, long newQuantity, long newLimitPrice,
                                                    long newStopPrice, String source) {
        return publish(Kind.REPLACE, new Replace(clientOrderId, newQuantity, newLimitPrice, newStopPrice), source,
                null).thenApply(ExecutionReport.class::cast);
    }

    /** Runs a read-only query on the engine thread, so it sees a consistent state without locks. */
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> query(Function<EngineCore, T> query) {
        return publish(Kind.QUERY, null, null, (Function<EngineCore, Object>) query).thenApply(result -> (T) result);
    }

    /** From any adapter thread. */
    public void venueReport(ExecutionReport report) {
        publishOneWay(Kind.VENUE_REPORT, report);
    }

    /** A venue's open orders, listed after it connected. */
    public void reconcile(String venueId, List<io.alphintra.sdk.order.OpenOrder> openOrders, long askedAtNanos) {
        publishOneWay(Kind.RECONCILE, new Object[] {venueId, openOrders, askedAtNanos});
    }

    public void trade(Trade trade) {
        publishOneWay(Kind.TRADE, trade.toRecord());
    }

    public void topOfBook(TopOfBook top) {
        publishOneWay(Kind.TOP_OF_BOOK, top.toRecord());
    }

    private CompletableFuture<Object> publish(Kind kind, Object payload, String source,
                                              Function<EngineCore, Object> query) {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        ring.publishEvent((slot, sequence) -> {
            slot.kind = kind;
            slot.payload = payload;
            slot.source = source;
            slot.reply = reply;
            slot.query = query;
        });
        return reply;
    }

    private void publishOneWay(Kind kind, Object payload) {
        ring.publishEvent((slot, sequence) -> {
            slot.kind = kind;
            slot.payload = payload;
        });
    }

    private void onEvent(Slot slot, long sequence, boolean endOfBatch) {
        long now = clock.getAsLong();
        try {
            switch (slot.kind) {
                case SUBMIT -> {
                    OrderRequest order = (OrderRequest) slot.payload;
                    awaitingFirstReport.computeIfAbsent(order.clientOrderId(), id -> new ArrayDeque<>())
                            .add(slot.reply);
                    core.submit(order, slot.source, gateInputs, now);
                }
                case CANCEL -> {
                    ClientOrderId id = (ClientOrderId) slot.payload;
                    awaitingCancelAnswer.computeIfAbsent(id, key -> new ArrayDeque<>()).add(slot.reply);
                    if (!core.cancel(id, slot.source, now)) {
                        awaitingCancelAnswer.remove(id).forEach(reply -> reply.completeExceptionally(
                                new IllegalArgumentException("no order with client order id " + id)));
                    }
                }
                case REPLACE -> {
                    Replace replace = (Replace) slot.payload;
                    ClientOrderId id = replace.clientOrderId();
                    awaitingReplaceAnswer.computeIfAbsent(id, key -> new ArrayDeque<>()).add(slot.reply);
                    if (!core.replace(id, replace.quantity(), replace.limitPrice(), replace.stopPrice(), slot.source,
                            now)) {
                        awaitingReplaceAnswer.remove(id).forEach(reply -> reply.completeExceptionally(
                                new IllegalArgumentException("no order with client order id " + id)));
                    }
                }
                case VENUE_REPORT -> core.onVenueReport((ExecutionReport) slot.payload, now);
                case RECONCILE -> {
                    Object[] venueAndOrders = (Object[]) slot.payload;
                    @SuppressWarnings("unchecked")
                    List<io.alphintra.sdk.order.OpenOrder> listed =
                            (List<io.alphintra.sdk.order.OpenOrder>) venueAndOrders[1];
                    core.reconcile((String) venueAndOrders[0], listed, (Long) venueAndOrders[2], now);
                }
                case TRADE -> {
                    Trade trade = (Trade) slot.payload;
                    market.onTrade(trade);
                    core.onTrade(trade);
                    for (EngineListener listener : listeners) {
                        try {
                            listener.onTrade(trade);
                        } catch (RuntimeException e) {
                            LOG.error("Engine listener {} failed on a trade", listener, e);
                        }
                    }
                }
                case TOP_OF_BOOK -> {
                    TopOfBook top = (TopOfBook) slot.payload;
                    market.onTopOfBook(top);
                    for (EngineListener listener : listeners) {
                        try {
                            listener.onTopOfBook(top);
                        } catch (RuntimeException e) {
                            LOG.error("Engine listener {} failed on a top of book", listener, e);
                        }
                    }
                }
                case QUERY -> slot.reply.complete(slot.query.apply(core));
            }
        } catch (RuntimeException e) {
            LOG.error("Engine event {} failed; the engine goes on with the next", slot.kind, e);
            if (slot.reply != null) {
                slot.reply.completeExceptionally(e);
            }
        } finally {
            slot.clear();
        }
        if (endOfBatch) {
            core.endOfBatch();
        }
    }

    public void addListener(EngineListener listener) {
        listeners.add(listener);
    }

    public void removeListener(EngineListener listener) {
        listeners.remove(listener);
    }

    /** Publishes a durable report: completes the answers waiting on it, then tells the listeners. */
    public void publish(ExecutionReport report, String source, String strategyId) {
        answer(report);
        for (EngineListener listener : listeners) {
            try {
                listener.onReport(report, source, strategyId);
            } catch (RuntimeException e) {
                LOG.error("Engine listener {} failed on {}", listener, report, e);
            }
        }
    }

    private void answer(ExecutionReport report) {
        if (report.execType() == ExecType.PENDING_NEW || (report.execType() == ExecType.REJECTED
                && report.originalClientOrderId() == null)) {
            complete(awaitingFirstReport, report.clientOrderId(), report);
        } else if (report.execType() == ExecType.PENDING_CANCEL) {
            complete(awaitingCancelAnswer, report.originalClientOrderId(), report);
        } else if (report.execType() == ExecType.CANCEL_REJECTED) {
            complete(awaitingCancelAnswer, report.clientOrderId(), report);
        } else if (report.execType() == ExecType.PENDING_REPLACE) {
            complete(awaitingReplaceAnswer, report.originalClientOrderId(), report);
        } else if (report.execType() == ExecType.REPLACE_REJECTED) {
            complete(awaitingReplaceAnswer, report.clientOrderId(), report);
        }
    }

    private static void complete(Map<ClientOrderId, ArrayDeque<CompletableFuture<Object>>> waiting,
                                 ClientOrderId id, ExecutionReport report) {
        ArrayDeque<CompletableFuture<Object>> replies = waiting.get(id);
        if (replies == null) {
            return;
        }
        CompletableFuture<Object> reply = replies.poll();
        if (replies.isEmpty()) {
            waiting.remove(id);
        }
        if (reply != null) {
            reply.complete(report);
        }
    }

    @Override
    public void close() {
        try {
            disruptor.shutdown(10, TimeUnit.SECONDS);
        } catch (com.lmax.disruptor.TimeoutException e) {
            LOG.warn("Engine thread did not drain within 10 s; halting it");
            disruptor.halt();
        }
    }
}
