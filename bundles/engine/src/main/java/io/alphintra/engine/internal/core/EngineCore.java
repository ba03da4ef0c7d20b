package io.alphintra.engine.internal.core;

import io.alphintra.collections.OpenAddressingMap;
import io.alphintra.engine.GateDecision;
import io.alphintra.engine.OrderPage;
import io.alphintra.engine.OrderQuery;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.engine.internal.snapshot.SnapshotInfo;
import io.alphintra.engine.internal.snapshot.SnapshotOutput;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.CancelRequest;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order manager: the single writer of every order's state. Called only on the engine thread.
 *
 * <p>Write-ahead: every state change is appended to the journal as it happens, and nothing leaves the engine — no
 * order to a venue, no report to its source — until {@link #endOfBatch()} has committed the batch. So a venue never
 * sees an order the engine could forget in a crash, and no source is told of a state the engine could lose.
 *
 * <p>On start, {@link #recover()} replays the journal to rebuild every order exactly; replay sends and reports
 * nothing.
 *
 * <p>It holds every working order and the {@code finishedOrdersKept} orders that finished last; when one more
 * finishes, the one that finished first is forgotten with every client order id it carried (decision 11). Which
 * orders are held follows from the journal alone, so a replay holds the same ones as the engine that wrote it.
 */
public final class EngineCore implements OrderGate.WorkingOrderView {
    private static final Logger LOG = LoggerFactory.getLogger(EngineCore.class);
    /** Sources of the engine's own cancels, which no throttle may hold back. */
    private static final String ENGINE_SOURCE_KILL = "kill:";
    private static final String ENGINE_SOURCE_DISCONNECT = "cancel-on-disconnect";
    /** The strategy host's sweep of a stopped or quarantined instance: held back, its orders would work on. */
    private static final String ENGINE_SOURCE_STRATEGY_HOST = "strategy-host:";

    private final Journal journal;
    private final OrderGate gate;
    private final Venues venues;
    private final AccountBook accounts;
    private final EngineListener listener;
    private final RecordCodec codec = new RecordCodec(64 * 1024);
    /** What the engine thread counts for metrics; read from any thread. */
    private final EngineCounters counters = new EngineCounters();

    /** The orders held, by their dense ids (issued from 1, each journaled whether accepted or not). */
    private final OrderSlots ordersById;
    /** Every client order id an order held carries (its own, its cancels' and replaces') to that order. */
    private final OpenAddressingMap<ClientOrderId, OrderState> ordersByClientId;
    private final int finishedOrdersKept;
    /**
     * The finished orders held, linked through themselves in the order they finished: the oldest is the next to be
     * forgotten. A list, not a ring of ids, so that an order a late fill takes back to working leaves it in O(1).
     */
    private OrderState oldestFinished;
    private OrderState newestFinished;
    private int finishedCount;
    private final WorkingOrders working = new WorkingOrders();
    /** Credit used per account, trader and strategy (PT1), kept as orders change and fill. */
    private final CreditBook credit;
    /** Engine time of the journal record being replayed: the day its fills count in. */
    private long replayNanos;
    /** The order whose replace the gate is deciding, left out of the working-order figures; null otherwise. */
    private OrderState replacing;
    private final KillSwitches kills = new KillSwitches();
    /** The orders held for an override, oldest first; few, as people release them. */
    private final java.util.Set<OrderState> held = new java.util.LinkedHashSet<>();
    /** How long an order may stay held before it expires; 0: until released or cancelled. */
    private long holdExpiryNanos;
    /** Whether an order reduces the position a reduce-only switch watches; one instance, set up per question. */
    private final ReductionCheck reduction = new ReductionCheck();
    /** Live P&L, drawdown and loss thresholds on the portfolio's books; null without them. */
    private final io.alphintra.engine.internal.monitor.RiskMonitor monitor;
    private MessageThrottles throttles = MessageThrottles.none();
    private EngineAlerts alerts = EngineAlerts.NONE;
    /** Whether the journal holds records appended since the last commit. */
    private boolean uncommitted;
    // What leaves after the commit: requests for venues (with their orders) and reports. Each comes twice, swapped
    // at delivery, because delivering can make more (an adapter that throws gets its order rejected).
    private Object[] outbox = new Object[64];
    private OrderState[] outboxOrders = new OrderState[64];
    private int outboxCount;
    private Object[] sending = new Object[64];
    private OrderState[] sendingOrders = new OrderState[64];
    private PendingReport.Queue pending = new PendingReport.Queue();
    private PendingReport.Queue delivering = new PendingReport.Queue();
    /** For the rare reports that are needed as objects at once (reconciliation, a failed send). */
    private final PendingReport immediate = new PendingReport();
    /** Every instrument whose definition is journaled, in journal order; snapshots carry the definitions. */
    private final java.util.Map<InstrumentId, Instrument> journaledInstruments = new java.util.LinkedHashMap<>();
    private long nextOrderId = 1;
    private long engineExecIds;
    private boolean replaying;
    /** Equal values of the replayed orders, shared as the engine that journaled them shared them; replay only. */
    private RecordCodec.Shared replayShared;
    /** Null: no snapshots, recovery replays the whole journal. */
    private Snapshotter snapshotter;
    private long recoveredFromSnapshot;

    /** Where orders go; resolved per order, since adapters come and go at run time. */
    public interface Venues {
        ExchangeAdapter adapter(String venueId);

        boolean connected(String venueId);

        /** The venue an installed adapter serves, or null; asked for every order, hence no {@code Optional}. */
        Venue venue(String venueId);

        /** Reference data of an instrument a connected venue lists. */
        Optional<Instrument> instrument(InstrumentId instrumentId);

        /** Whether the instrument's venue said it is halted (and has not said since that it trades again). */
        boolean halted(InstrumentId instrumentId);
    }

    /** Receives every report after the batch that produced it is durable, in order. */
    public interface EngineListener {
        void onReport(ExecutionReport report, String source, String strategyId);

        /**
         * Whether {@link #onReport} would tell anyone; while it says no, only the reports that a caller waits for
         * are built.
         */
        default boolean wantsReports() {
            return true;
        }
    }

    /**
     * @param expectedOrders     orders the indexes are sized for, so that they grow (copying every entry on the
     *                           engine thread) only beyond it; client order ids are sized for one cancel or replace
     *                           per order
     * @param finishedOrdersKept finished orders held beside the working ones (at least 1); older ones are forgotten
     */
    public EngineCore(Journal journal, OrderGate gate, Venues venues, AccountBook accounts, EngineListener listener,
                      int expectedOrders, int finishedOrdersKept) {
        if (finishedOrdersKept < 1) {
            throw new IllegalArgumentException("finishedOrdersKept = " + finishedOrdersKept + ": must be 1 or more");
        }
        this.journal = journal;
        this.gate = gate;
        this.venues = venues;
        this.accounts = accounts;
        this.listener = listener;
        this.ordersById = new OrderSlots(expectedOrders);
        this.ordersByClientId = new OpenAddressingMap<>(2 * expectedOrders);
        this.finishedOrdersKept = finishedOrdersKept;
        this.monitor = accounts instanceof PortfolioAccounts ? new io.alphintra.engine.internal.monitor.RiskMonitor()
                : null;
        this.credit = new CreditBook(Math.min(expectedOrders, 65_536));
        gate.countInto(counters);
    }

    /** The counters the engine thread keeps as it works; readable from any thread. */
    public EngineCounters counters() {
        return counters;
    }

    /**
     * Rebuilds every order: from the newest usable snapshot and the journal records after it when snapshots are
     * enabled, else from the whole journal.
     */
    public void recover() throws IOException {
        if (monitor != null) {
            monitor.disarm();
        }
        long from = snapshotter == null ? 1 : snapshotter.restore(this);
        recoveredFromSnapshot = from - 1;
        replaying = true;
        replayShared = new RecordCodec.Shared();
        try {
            journal.replay(from, (sequence, timestamp, type, payload) -> {
                replayNanos = timestamp;
                replay(type, payload.order(ByteOrder.LITTLE_ENDIAN));
            });
        } finally {
            replayShared = null;
            replaying = false;
        }
        // Forgotten only now, not as the records are replayed: they may have been written under a larger
        // finishedOrdersKept (it can change at every restart), and then one may be about an order this window would
        // have forgotten before it, a late fill that must still be booked. The finished orders are in the same order
        // either way, so forgetting the oldest ones now leaves what forgetting them as they went would (decision 11).
        forgetFinishedBeyondWindow();
        if (monitor != null) {
            monitor.arm(kills.states());
        }
        // The engine's own reports are not journaled, so neither is their counter: restarted at zero (or at an older
        // snapshot's value) it could give an order a report id that one of its reports carried before the crash, and
        // a consumer that de-duplicates by exec id would drop the new report. Continuing from the wall clock in
        // microseconds keeps ids unique across restarts while the engine reports less than once a microsecond.
        engineExecIds = Math.max(engineExecIds, EngineClock.nowNanos() / 1_000);
        LOG.info("Recovered {} orders ({} working, the {} that finished last) from {}journal sequence {}; state"
                + " hash {}", ordersById.size(), orders(true).count(), finishedCount,
                from > 1 ? "snapshot at sequence " + (from - 1) + " and " : "", journal.lastSequence(), stateHash());
    }

    /** Takes and recovers from snapshots (decision 10); call before {@link #recover()}. */
    public void enableSnapshots(Snapshotter snapshotter) {
        this.snapshotter = snapshotter;
    }

    /** The journal sequence of the snapshot {@link #recover()} started from; 0 when it replayed the whole journal. */
    public long recoveredFromSnapshot() {
        return recoveredFromSnapshot;
    }

    /**
     * Between batches (nothing appended uncommitted, nothing waiting to be sent): writes a snapshot if one is due by
     * record count or was requested. When none is due this costs two comparisons and allocates nothing.
     */
    public void afterBatch() {
        Snapshotter snapshots = snapshotter;
        if (snapshots != null && snapshots.due(journal.lastSequence())) {
            snapshots.takeDue(this);
        }
    }

    /** Asks for a snapshot at the next {@link #afterBatch()}; completed there, on the engine thread. */
    public CompletableFuture<SnapshotInfo> requestSnapshot() {
        if (snapshotter == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("snapshots are not enabled"));
        }
        return snapshotter.request();
    }

    /**
     * Writes a snapshot now, unless the newest one covers every journaled record. Engine thread, between batches.
     *
     * @throws IllegalStateException when snapshots are not enabled
     */
    public SnapshotInfo snapshot() throws IOException {
        if (snapshotter == null) {
            throw new IllegalStateException("snapshots are not enabled");
        }
        return snapshotter.take(this);
    }

    int orderCount() {
        return ordersById.size();
    }

    void writeSnapshot(SnapshotOutput out, String stateHash) throws IOException {
        EngineSnapshot.write(out, nextOrderId, engineExecIds, journaledInstruments.values(), ordersById,
                ordersByClientId, oldestFinished, finishedCount, kills.states(), credit.save(), accounts, stateHash);
    }

    /** Replaces the whole state with a snapshot's, as the journal up to its sequence would have built it. */
    void install(EngineSnapshot.Content content) {
        resetState();
        for (Instrument instrument : content.instruments()) {
            journaledInstruments.put(instrument.id(), instrument);
            if (accounts != null) {
                accounts.register(instrument);
            }
        }
        int terminal = 0;
        for (OrderState order : content.orders()) {
            if (order != null) {
                ordersById.put(order);
                working.update(order);
                creditRestored(order, Long.MIN_VALUE);
                terminal += order.isWorking() ? 0 : 1;
                if (order.isHeld()) {
                    held.add(order);
                }
            }
        }
        for (EngineSnapshot.ClientId id : content.clientIds()) {
            OrderState order = orderById(id.orderId());
            if (order == null) {
                throw new IllegalArgumentException("client order id " + id.clientOrderId() + " names order "
                        + id.orderId() + ", which the snapshot does not hold");
            }
            ordersByClientId.put(id.clientOrderId(), order);
        }
        for (long orderId : content.finished()) {
            OrderState order = orderById(orderId);
            if (order == null || order.isWorking() || order.previousFinished != null || oldestFinished == order) {
                throw new IllegalArgumentException("the list of finished orders names order " + orderId + ", which"
                        + (order == null ? " the snapshot does not hold" : order.isWorking() ? " is working"
                        : " it names before"));
            }
            appendFinished(order);
        }
        if (finishedCount != terminal) {
            throw new IllegalArgumentException("the snapshot holds " + terminal + " finished orders, its list of them"
                    + " names " + finishedCount);
        }
        nextOrderId = content.nextOrderId();
        engineExecIds = content.engineExecIds();
        content.killSwitches().forEach(kills::engage);
        credit.restore(content.credit(), this::orderById);
        if (accounts != null) {
            if (content.accounts() == null) {
                throw new IllegalArgumentException("the snapshot holds no account book, this engine keeps one");
            }
            accounts.restore(ByteBuffer.wrap(content.accounts()));
            if (monitor != null) {
                monitor.rebuild(portfolio(), EngineClock.nowNanos());
            }
        }
    }

    /** Forgets every order, instrument and position: the engine before its first journal record. */
    void resetState() {
        ordersById.clear();
        ordersByClientId.clear();
        working.clear();
        credit.clear();
        oldestFinished = newestFinished = null;
        finishedCount = 0;
        journaledInstruments.clear();
        nextOrderId = 1;
        engineExecIds = 0;
        kills.clear();
        held.clear();
        if (accounts != null) {
            accounts.clear();
        }
        if (monitor != null) {
            monitor.clear();
        }
    }

    /**
     * An order from any source: duplicate check, gate, then (after commit) the venue.
     *
     * @param source who sent it, e.g. {@code strategy:momentum-1}, {@code shell:admin}, {@code api:alice}
     */
    public void submit(OrderRequest request, String source, OrderGate.GateInputs inputs, long nowNanos) {
        submit(request, source, inputs, nowNanos, null);
    }

    /**
     * As {@link #submit(OrderRequest, String, OrderGate.GateInputs, long)}, completing {@code reply} (if any) with the
     * first report.
     */
    public void submit(OrderRequest request, String source, OrderGate.GateInputs inputs, long nowNanos,
                       CompletableFuture<ExecutionReport> reply) {
        counters.increment(EngineCounters.RECEIVED);
        OrderState used = ordersByClientId.get(request.clientOrderId());
        if (used != null) {
            counters.rejected(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
            PendingReport rejection = pending.add();
            rejection.order = used;
            rejection.source = source;
            rejection.strategyId = request.attribution().strategyId();
            rejection.reply = reply;
            rejection.ready = rejection(request, RejectReason.DUPLICATE_CLIENT_ORDER_ID,
                    "client order id " + request.clientOrderId() + " was already used", nowNanos);
            return;
        }
        io.alphintra.engine.KillSwitchState killed = kills.any() ? kills.refusing(request.instrument().id().venueId(),
                request.attribution().strategyId(), request.attribution().traderId(),
                request.attribution().accountId(), reduction.of(request.attribution().accountId(),
                        request.attribution().strategyId(), request.instrument().id(), request.side(),
                        request.quantity(), null)) : null;
        String throttled = killed != null ? null : throttles.admit(request.instrument().id().venueId(),
                request.attribution().accountId(), source, nowNanos);
        List<GateDecision> decisions = killed != null ? killedDecisions(killed)
                : throttled != null ? gate.throttled(throttled) : gate.evaluate(request, inputs);
        GateDecision last = decisions.get(decisions.size() - 1);
        OrderState order = new OrderState(nextOrderId++, request.clientOrderId(), request.instrument().id(),
                request.instrument().id().venueId(), request.side(), request.type(), request.timeInForce(),
                request.quantity(), request.limitPrice(), request.stopPrice(), request.attribution(), source,
                decisions, nowNanos);
        index(order);
        if (last.rejects()) {
            counters.rejected(last.reason());
            order.status = OrderStatus.REJECTED;
            statusChanged(order);
            append(RecordCodec.ORDER_REJECTED, nowNanos, codec.order(order));
            report(order, ExecType.REJECTED, OrderStatus.REJECTED, last.reason(), last.toString(), nowNanos)
                    .reply = reply;
            return;
        }
        if (journaledInstruments.putIfAbsent(request.instrument().id(), request.instrument()) == null) {
            append(RecordCodec.INSTRUMENT, nowNanos, codec.instrument(request.instrument()));
            if (accounts != null) {
                accounts.register(request.instrument());
            }
        }
        // A held order uses credit as a sent one does: it may go out at any moment.
        credit.accepted(order, request.instrument(), marketReference(request, inputs), nowNanos);
        counters.increment(EngineCounters.ACCEPTED);
        if (order.isHeld()) {
            counters.increment(EngineCounters.HELD);
            append(RecordCodec.ORDER_HELD, nowNanos, codec.order(order));
            held.add(order);
            hold(order, nowNanos).reply = reply;
            return;
        }
        append(RecordCodec.ORDER_ACCEPTED, nowNanos, codec.order(order));
        send(request, order);
        report(order, ExecType.PENDING_NEW, OrderStatus.PENDING_NEW, null, null, nowNanos).reply = reply;
    }

    /**
     * Asks the venue to cancel a working order, identified by any client order id it has carried.
     *
     * @return false when no order held carries that id: never used, or its order finished and was forgotten
     *     (nothing is journaled or reported then)
     */
    public boolean cancel(ClientOrderId clientOrderId, String source, long nowNanos) {
        return cancel(clientOrderId, source, nowNanos, null);
    }

    /** As {@link #cancel(ClientOrderId, String, long)}, completing {@code reply} (if any) with the answer. */
    public boolean cancel(ClientOrderId clientOrderId, String source, long nowNanos,
                          CompletableFuture<ExecutionReport> reply) {
        counters.increment(EngineCounters.CANCELS);
        OrderState order = ordersByClientId.get(clientOrderId);
        if (order == null) {
            return false;
        }
        if (order.isHeld()) {
            endHeld(order, ExecType.CANCELED, "cancelled by " + source + " while held for an override; never sent",
                    nowNanos, reply);
            return true;
        }
        String refusal = requestRefusal(order, clientOrderId);
        RejectReason refusalReason = null;
        if (refusal == null && !source.startsWith(ENGINE_SOURCE_KILL) && !source.equals(ENGINE_SOURCE_DISCONNECT)
                && !source.startsWith(ENGINE_SOURCE_STRATEGY_HOST)) {
            refusal = throttles.admit(order.venueId, order.attribution.accountId(), source, nowNanos);
            refusalReason = refusal != null ? RejectReason.THROTTLED : null;
        }
        if (refusal != null) {
            refuseRequest(order, clientOrderId, ExecType.CANCEL_REJECTED, refusalReason, refusal, nowNanos).reply =
                    reply;
            return true;
        }
        ClientOrderId requestId = nextRequestId(order, 'C');
        beginRequest(order, requestId, OrderStatus.PENDING_CANCEL, order.quantity, order.limitPrice, order.stopPrice);
        append(RecordCodec.CANCEL_REQUESTED, nowNanos, codec.request(order.orderId, requestId, order.quantity,
                order.limitPrice, order.stopPrice, null, null));
        send(new CancelRequest(requestId, order.clientOrderId, order.instrumentId, order.side, order.venueOrderId,
                order.attribution), order);
        PendingReport answer = report(order, ExecType.PENDING_CANCEL, order.status, null,
                "cancel requested by " + source, nowNanos);
        answer.clientOrderId = requestId;
        answer.originalClientOrderId = order.clientOrderId;
        answer.reply = reply;
        return true;
    }

    /**
     * Asks the venue to change a working order; {@link ReplaceRequest#UNCHANGED} keeps a value. The change must fit
     * the instrument's grid and pass the whole gate (risk checks and compliance) as the order it would become, or it
     * is refused and the order keeps working as it was.
     */
    public boolean replace(ClientOrderId clientOrderId, long newQuantity, long newLimitPrice, long newStopPrice,
                           String source, OrderGate.GateInputs inputs, long nowNanos) {
        return replace(clientOrderId, newQuantity, newLimitPrice, newStopPrice, source, inputs, nowNanos, null);
    }

    /**
     * As {@link #replace(ClientOrderId, long, long, long, String, OrderGate.GateInputs, long)}, completing
     * {@code reply} (if any) with the answer.
     */
    public boolean replace(ClientOrderId clientOrderId, long newQuantity, long newLimitPrice, long newStopPrice,
                           String source, OrderGate.GateInputs inputs, long nowNanos,
                           CompletableFuture<ExecutionReport> reply) {
        OrderState order = ordersByClientId.get(clientOrderId);
        if (order == null) {
            return false;
        }
        String refusal = order.isHeld() ? "order " + order.orderId + " is held for an override and has not reached"
                + " its venue: release it (alphintra:order-release) or cancel it and send a new one"
                : requestRefusal(order, clientOrderId);
        Instrument instrument = venues.instrument(order.instrumentId).orElse(null);
        if (refusal == null && instrument == null) {
            refusal = "no reference data for " + order.instrumentId + " (its venue has not listed it)";
        }
        if (refusal == null) {
            refusal = gridRefusal(instrument, newQuantity, newLimitPrice, newStopPrice);
        }
        if (refusal == null && newQuantity != ReplaceRequest.UNCHANGED && order.cumQuantity >= newQuantity) {
            refusal = "new quantity " + newQuantity + " is not above the filled quantity " + order.cumQuantity;
        }
        io.alphintra.engine.KillSwitchState killed = refusal == null && kills.any() ? kills.refusing(order.venueId,
                order.attribution.strategyId(), order.attribution.traderId(), order.attribution.accountId(),
                reduction.of(order.attribution.accountId(), order.attribution.strategyId(), order.instrumentId,
                        order.side, (newQuantity == ReplaceRequest.UNCHANGED ? order.quantity : newQuantity)
                                - order.cumQuantity, order)) : null;
        if (killed != null) {
            refusal = killedDecisions(killed).get(0).text();
        }
        RejectReason refusalReason = null;
        if (refusal == null) {
            refusal = throttles.admit(order.venueId, order.attribution.accountId(), source, nowNanos);
            refusalReason = refusal != null ? RejectReason.THROTTLED : null;
        }
        ClientOrderId requestId = nextRequestId(order, 'R');
        long quantity = newQuantity == ReplaceRequest.UNCHANGED ? order.quantity : newQuantity;
        long limit = newLimitPrice == ReplaceRequest.UNCHANGED ? order.limitPrice : newLimitPrice;
        long stop = newStopPrice == ReplaceRequest.UNCHANGED ? order.stopPrice : newStopPrice;
        if (refusal == null) {
            refusal = gateRefusal(order, new OrderRequest(requestId, instrument, order.side, order.type,
                    order.timeInForce, quantity, limit, stop, order.attribution), inputs);
        }
        if (refusal != null) {
            refuseRequest(order, clientOrderId, ExecType.REPLACE_REJECTED, refusalReason, refusal, nowNanos).reply =
                    reply;
            return true;
        }
        beginRequest(order, requestId, OrderStatus.PENDING_REPLACE, quantity, limit, stop);
        append(RecordCodec.REPLACE_REQUESTED, nowNanos, codec.request(order.orderId, requestId, quantity, limit, stop,
                null, null));
        send(new ReplaceRequest(requestId, order.clientOrderId, instrument, order.side, newQuantity, newLimitPrice,
                newStopPrice, order.venueOrderId, order.attribution), order);
        PendingReport answer = report(order, ExecType.PENDING_REPLACE, order.status, null,
                "replace requested by " + source, nowNanos);
        answer.clientOrderId = requestId;
        answer.originalClientOrderId = order.clientOrderId;
        answer.reply = reply;
        return true;
    }

    /**
     * Runs the gate on the order a replace would make, with the order being replaced left out of the working-order
     * figures the checks see; null when every check accepts, else the rejecting decision or the hold.
     */
    private String gateRefusal(OrderState order, OrderRequest wouldBe, OrderGate.GateInputs inputs) {
        replacing = order;
        try {
            List<GateDecision> decisions = gate.evaluate(wouldBe, inputs);
            GateDecision last = decisions.get(decisions.size() - 1);
            if (last.rejects()) {
                return "the order it would become is rejected by the gate: " + last;
            }
            // The working order is at its venue and a replace cannot wait there: a soft breach that needs an override
            // refuses the replace, and the order keeps working unchanged (README, "Held orders").
            return GateDecision.holding(decisions) ? "the order it would become needs an authorised override, which"
                    + " a replace cannot wait for: " + holdTexts(decisions) + "; cancel it and send a new order,"
                    + " which is held for release" : null;
        } finally {
            replacing = null;
        }
    }

    /** Null when the new values fit the instrument's grid, else what is wrong, naming the field and value. */
    private static String gridRefusal(Instrument instrument, long quantity, long limitPrice, long stopPrice) {
        try {
            if (quantity != ReplaceRequest.UNCHANGED) {
                instrument.requireValidQuantity("newQuantity", quantity);
            }
            if (limitPrice != ReplaceRequest.UNCHANGED) {
                instrument.requireValidPrice("newLimitPrice", limitPrice);
            }
            if (stopPrice != ReplaceRequest.UNCHANGED) {
                instrument.requireValidPrice("newStopPrice", stopPrice);
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * Tells the sender that a check held its order for an override, and raises a warning: the order is journaled
     * (held), counts as working, and stays here until an authorised user releases it or someone cancels it.
     */
    private PendingReport hold(OrderState order, long nowNanos) {
        String holds = holdTexts(order.decisions);
        LOG.warn("Order {} ({}, {} {} {} {}, account {}, from {}) is HELD for an override: {}", order.orderId,
                order.clientOrderId, order.side, order.quantity, order.instrumentId, order.venueId,
                order.attribution.accountId(), order.source, holds);
        alerts.raise("engine.hold." + order.orderId, false, "Order " + order.orderId + " (" + order.clientOrderId
                + ", account " + order.attribution.accountId() + ", trader " + order.attribution.traderId() + ", "
                + order.instrumentId + ") is held for an override: " + holds + ". Another authorised user (role risk)"
                + " releases it with alphintra:order-release " + order.clientOrderId + ", or it is cancelled");
        return report(order, ExecType.PENDING_NEW, OrderStatus.PENDING_NEW, null, HELD + holds, nowNanos);
    }

    /** The start of the text of the report that tells a sender its order is held, not sent. */
    public static final String HELD = "HELD for an authorised override, not sent: ";

    /** What the holding decisions say, each with its check, for people. */
    private static String holdTexts(List<GateDecision> decisions) {
        StringBuilder texts = new StringBuilder();
        for (GateDecision decision : decisions) {
            if (decision.holds()) {
                texts.append(texts.length() == 0 ? "" : "; ").append(decision.text()).append(" (")
                        .append(decision.checkId()).append('@').append(decision.version()).append(')');
            }
        }
        return texts.toString();
    }

    /**
     * Ends a held order here, where it has always been (it never reached its venue): journaled as the engine's own
     * execution record, as a reconciliation's cancel is, and reported to its sender; {@code reply}, if any, hears
     * the same report.
     */
    private void endHeld(OrderState order, ExecType execType, String why, long nowNanos,
                         CompletableFuture<ExecutionReport> reply) {
        LOG.warn("Held order {} ({}): {}", order.orderId, order.clientOrderId, why);
        held.remove(order);
        OrderStatus status = execType == ExecType.EXPIRED ? OrderStatus.EXPIRED : OrderStatus.CANCELED;
        ExecutionReport ended = immediate.about(order, execType, status, null, why, ++engineExecIds, nowNanos)
                .build();
        onVenueReport(ended, nowNanos);
        acknowledgeAfterCommit(order, ended, reply);
    }

    /** A release refused, or the order it released as it now stands. */
    public record Release(String refusal, OrderView order) {
    }

    /**
     * An authorised user's override of a held order: four eyes (never its own trader or sender), then the engine's
     * own last checks (kill switch, venue connected, message throttles) — not the plugin checks, whose breach is
     * what is overridden — then journaled with who, why and when, and sent. A refused release changes nothing.
     *
     * @return null when no order held carries the id
     */
    public Release release(ClientOrderId clientOrderId, String releasedBy, String reason, long nowNanos) {
        OrderState order = ordersByClientId.get(clientOrderId);
        if (order == null) {
            return null;
        }
        String refusal = releaseRefusal(order, releasedBy, nowNanos);
        Instrument instrument = journaledInstruments.get(order.instrumentId);
        if (refusal == null && instrument == null) {
            refusal = "no reference data for " + order.instrumentId + " was journaled";
        }
        if (refusal != null) {
            LOG.warn("Release of order {} ({}) by {} refused: {}", order.orderId, order.clientOrderId, releasedBy,
                    refusal);
            return new Release(refusal, null);
        }
        String why = reason == null ? "" : reason;
        append(RecordCodec.HOLD_RELEASED, nowNanos, codec.release(order.orderId, releasedBy, why, nowNanos,
                gate.engineVersion()));
        released(order, releasedBy, why, nowNanos, gate.engineVersion());
        held.remove(order);
        LOG.warn("Order {} ({}) RELEASED from its hold by {}{}; sent to venue {}", order.orderId, order.clientOrderId,
                releasedBy, why.isEmpty() ? "" : " (" + why + ")", order.venueId);
        send(new OrderRequest(order.clientOrderId, instrument, order.side, order.type, order.timeInForce,
                order.quantity, order.limitPrice, order.stopPrice, order.attribution), order);
        return new Release(null, view(order));
    }

    private String releaseRefusal(OrderState order, String releasedBy, long nowNanos) {
        if (!order.isHeld()) {
            return "order " + order.orderId + " (" + order.clientOrderId + ") is not held" + (order.isWorking()
                    ? ": it was sent to its venue" : ": it is " + order.status);
        }
        String sender = order.source.substring(order.source.indexOf(':') + 1);
        if (releasedBy.equals(order.attribution.traderId()) || releasedBy.equals(sender)) {
            return "four eyes: " + releasedBy + " is the trader or sender of order " + order.orderId + " ("
                    + order.clientOrderId + ", from " + order.source + "); another authorised user must release it";
        }
        io.alphintra.engine.KillSwitchState killed = killSwitchOf(order);
        if (killed != null) {
            return killedDecisions(killed).get(0).text();
        }
        if (venues.adapter(order.venueId) == null || !venues.connected(order.venueId)) {
            return "venue " + order.venueId + " is not connected; the order stays held, release it once it is";
        }
        String throttled = throttles.admit(order.venueId, order.attribution.accountId(), order.source, nowNanos);
        return throttled == null ? null : throttled + "; the order stays held, release it again in a moment";
    }

    /** How long an order may stay held before {@link #expireHolds} ends it; 0: never. Before the loop starts. */
    public void expireHoldsAfter(long millis) {
        holdExpiryNanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /**
     * Expires every order held for longer than the configured time, oldest first: journaled as the engine's own
     * {@code EXPIRED} execution, its sender told; it never reached its venue.
     *
     * @return how many expired
     */
    public int expireHolds(long nowNanos) {
        if (holdExpiryNanos == 0 || held.isEmpty()) {
            return 0;
        }
        List<OrderState> expired = new ArrayList<>();
        for (java.util.Iterator<OrderState> it = held.iterator(); it.hasNext(); ) {
            OrderState order = it.next();
            if (!order.isHeld()) {
                it.remove(); // ended otherwise (a venue's report about an order it was never sent)
            } else if (nowNanos - order.acceptedAtNanos >= holdExpiryNanos) {
                expired.add(order);
            } else {
                break; // oldest first: the rest were held later
            }
        }
        for (OrderState order : expired) {
            endHeld(order, ExecType.EXPIRED, "held for an override longer than holdExpiryMillis = "
                    + holdExpiryNanos / 1_000_000 + " ms; expired, never sent", nowNanos, null);
        }
        return expired.size();
    }

    /** Records the override on the order, live and in replay alike. */
    private static void released(OrderState order, String releasedBy, String reason, long atNanos,
                                 String engineVersion) {
        List<GateDecision> decisions = new ArrayList<>(order.decisions.size() + 1);
        decisions.addAll(order.decisions);
        decisions.add(OrderGate.released(releasedBy, reason, atNanos, engineVersion));
        order.decisions = List.copyOf(decisions);
        order.releasedAtNanos = atNanos;
    }

    /**
     * Reconciles with a venue that has just (re)connected, after the executions it made while the engine was away
     * were booked ({@link #onVenueReport}, deduplicated by execution id): a working order the venue does not list is
     * no longer working there — cancelled or expired while disconnected, or lost in a crash of the venue — and is
     * cancelled here with the reason; an order the venue lists that this engine does not know is reported for
     * operators. Orders accepted after the venue was asked for its list may still be on their way to it and are left
     * alone.
     *
     * @param executionsReplayed false when the venue could not replay its executions: an order it no longer lists
     *     may have filled unseen, so it is cancelled and also flagged for an operator to reconcile
     * @param cancelWorking cancel on disconnect (PT12): every order still working at the venue that was accepted before
     *     it was asked for its list belonged to the lost session, and is cancelled
     */
    public void reconcile(String venueId, List<OpenOrder> venueOrders, long askedAtNanos, long nowNanos,
                          boolean executionsReplayed, boolean cancelWorking) {
        java.util.Set<ClientOrderId> listed = new java.util.HashSet<>();
        java.util.Set<String> listedVenueIds = new java.util.HashSet<>();
        for (OpenOrder open : venueOrders) {
            if (open.clientOrderId() != null) {
                listed.add(open.clientOrderId());
                if (ordersByClientId.get(open.clientOrderId()) == null) {
                    LOG.warn("Venue {} lists order {} that this engine does not know", venueId, open);
                }
            }
            if (open.venueOrderId() != null) {
                listedVenueIds.add(open.venueOrderId());
            }
        }
        // A held order never reached the venue; a released one reached it when it was released.
        List<OrderState> lost = orders(true)
                .filter(o -> o.venueId.equals(venueId) && !o.isHeld() && o.sentAtNanos() < askedAtNanos)
                .filter(o -> !listed.contains(o.clientOrderId) && !listed.contains(o.originalClientOrderId)
                        && (o.venueOrderId == null || !listedVenueIds.contains(o.venueOrderId)))
                .toList();
        for (OrderState order : lost) {
            LOG.warn("Order {} ({}) is not working at venue {} after it connected; cancelled", order.orderId,
                    order.clientOrderId, venueId);
            if (!executionsReplayed) {
                String why = "venue " + venueId + " no longer lists the order and cannot replay its executions:"
                        + " fills it made while the engine was away, if any, are not booked";
                LOG.error("RECONCILIATION NEEDED for order {} ({}): {}; reconcile its account with the venue",
                        order.orderId, order.clientOrderId, why);
                flag(order, why, nowNanos);
            }
            onVenueReport(immediate.about(order, ExecType.CANCELED, OrderStatus.CANCELED, null, "not working at venue "
                    + venueId + " when it connected (reconciliation)", ++engineExecIds, nowNanos).build(), nowNanos);
        }
        if (cancelWorking) {
            List<ClientOrderId> lostSession = orders(true)
                    .filter(o -> o.venueId.equals(venueId) && !o.isHeld() && o.sentAtNanos() < askedAtNanos)
                    .filter(o -> o.pendingRequestId == null).map(o -> o.clientOrderId).toList();
            if (!lostSession.isEmpty()) {
                LOG.warn("Venue {} connected again: cancelling the {} orders of its previous session (cancel on"
                        + " disconnect)", venueId, lostSession.size());
            }
            for (ClientOrderId id : lostSession) {
                cancel(id, ENGINE_SOURCE_DISCONNECT, nowNanos);
            }
        }
    }

    /**
     * The engine time the oldest working order at a venue was accepted, or {@link Long#MAX_VALUE} when none works
     * there: a reconnecting venue is asked for the executions it made since then.
     */
    public long oldestWorkingAcceptedAt(String venueId) {
        return orders(true).filter(o -> o.venueId.equals(venueId) && !o.isHeld()).mapToLong(OrderState::sentAtNanos)
                .min().orElse(Long.MAX_VALUE);
    }

    /** Marks positions to the latest trade price; {@code instrumentKey} as {@link InstrumentKeys} gave it. */
    public void onTrade(int instrumentKey, io.alphintra.sdk.marketdata.Trade trade) {
        if (accounts != null) {
            accounts.mark(instrumentKey, trade.instrumentId(), trade.price());
        }
        if (monitor != null) {
            monitor.onMark(portfolio(), trade.instrumentId(), trade.price());
            engageRiskSwitches(EngineClock.nowNanos());
        }
    }

    /** A report from a venue about one of our orders. */
    public void onVenueReport(ExecutionReport report, long nowNanos) {
        onVenueReport(report, nowNanos, null);
    }

    /**
     * As {@link #onVenueReport(ExecutionReport, long)}, completing {@code durable} (if any) once the report is booked
     * and committed, or recognised as booked before and committed; exceptionally when the engine cannot book it.
     */
    public void onVenueReport(ExecutionReport report, long nowNanos, CompletableFuture<ExecutionReport> durable) {
        OrderState order = ordersByClientId.get(report.clientOrderId());
        if (order == null && report.originalClientOrderId() != null) {
            order = ordersByClientId.get(report.originalClientOrderId());
        }
        if (order == null) {
            if (report.execType() == ExecType.TRADE) {
                // Never silently: positions and cash now differ from the venue's by this fill.
                LOG.error("Venue fill for an order this engine does not hold, NOT booked: {}. If the order is this"
                        + " node's, it finished and left the engine's retention window of finished orders"
                        + " (finishedOrdersKept = {}: at least that many orders finished after it), so the fill is"
                        + " missing from the positions and cash of its account. Reconcile that account's positions"
                        + " with the venue, and raise finishedOrdersKept if this venue reports fills this late.",
                        report, finishedOrdersKept);
            } else {
                LOG.warn("Venue report for an order this engine does not hold, ignored: {}", report);
            }
            if (durable != null) {
                durable.completeExceptionally(new IllegalArgumentException("no order with client order id "
                        + report.clientOrderId() + " is held by the engine; the report was not booked"));
            }
            return;
        }
        if (order.booked(report.execId())) {
            LOG.warn("Venue {} sent execution {} of order {} again; it was booked once, the repeat is ignored",
                    order.venueId, report.execId(), order.orderId);
            acknowledgeAfterCommit(order, report, durable);
            return;
        }
        if (order.status.isTerminal() && report.execType() != ExecType.TRADE) {
            LOG.warn("Venue report for order {} which is already {}, ignored: {}", order.orderId, order.status, report);
            acknowledgeAfterCommit(order, report, durable);
            return;
        }
        String refusal = refusal(order, report);
        if (refusal == null && report.execType() == ExecType.TRADE) {
            // Booked before anything of the order changes: the account book refuses a fill whole (its books are
            // unchanged then), so a fill it cannot take leaves order and books as they were, matching the journal.
            refusal = bookFill(order, report.lastQuantity(), report.lastPrice(), report.fee(),
                    report.transactTimeNanos());
        }
        if (refusal != null) {
            refuseReport(order, report, refusal, nowNanos, durable);
            return;
        }
        if (report.execType() == ExecType.TRADE) {
            creditFilled(order, report.lastQuantity(), report.lastPrice(), nowNanos);
            counters.increment(EngineCounters.EXECUTIONS);
        }
        long venueCum = report.cumQuantity();
        apply(order, report.execType(), report.status(), report.clientOrderId(), report.venueOrderId(),
                report.orderQuantity(), report.lastQuantity(), report.lastPrice(), report.transactTimeNanos());
        order.addExecId(report.execId());
        keepReason(order, report.execType(), report.rejectReason(), report.text(), null);
        if (report.execType() == ExecType.TRADE && venueCum != order.cumQuantity) {
            flag(order, "venue " + order.venueId + " counts " + venueCum + " filled after execution "
                    + report.execId() + ", the engine booked " + order.cumQuantity
                    + " (a fill missed or sent out of order); reconcile with the venue", nowNanos);
        }
        statusChanged(order);
        // The report's status, not the order's: replay must apply the report exactly as it was applied here, and
        // while a request is pending the order's status hides the one the venue reported (which the order takes
        // back when the request is refused).
        append(RecordCodec.EXECUTION, nowNanos, codec.execution(order.orderId, report.execType(), report.status(),
                report.clientOrderId(), order.venueOrderId, report.execId(), order.quantity, order.limitPrice,
                order.stopPrice, report.lastQuantity(), report.lastPrice(), order.cumQuantity,
                order.cumPriceQuantity, report.liquidity(), report.fee(), report.rejectReason(), report.text(),
                report.transactTimeNanos()));
        PendingReport received = pending.add();
        received.order = order;
        received.received = report;
        received.timeNanos = nowNanos;
        received.reply = durable;
        // An order a kill switch covers that a cancel could not reach when it was engaged (a request was pending)
        // is cancelled as soon as the venue has answered that request.
        if (kills.any() && order.isWorking() && order.pendingRequestId == null) {
            io.alphintra.engine.KillSwitchState killed = killSwitchOf(order);
            if (killed != null) {
                cancel(order.clientOrderId, ENGINE_SOURCE_KILL + killed.engagedBy(), nowNanos);
            }
        }
        engageRiskSwitches(nowNanos);
    }

    /** The switch that refuses a working (or held) order as it stands: any halt, or a reduce-only it would not meet. */
    private io.alphintra.engine.KillSwitchState killSwitchOf(OrderState order) {
        return kills.refusing(order.venueId, order.attribution.strategyId(), order.attribution.traderId(),
                order.attribution.accountId(), reduction.of(order.attribution.accountId(),
                        order.attribution.strategyId(), order.instrumentId, order.side, 0, null));
    }

    private List<GateDecision> killedDecisions(io.alphintra.engine.KillSwitchState state) {
        return state.mode() == io.alphintra.engine.KillSwitchState.Mode.HALT ? gate.killed(state)
                : gate.reduceOnly(state);
    }

    /**
     * Whether an order on {@code side} for {@code quantity} more would reduce the absolute position a reduce-only
     * switch watches (its strategy's in the order's account for a strategy scope, else the account's) in the
     * instrument, counting the working orders on that side (but {@code excluded}, a replace's own order).
     */
    private final class ReductionCheck implements KillSwitches.Reduction {
        private String accountId;
        private String strategyId;
        private InstrumentId instrumentId;
        private io.alphintra.sdk.order.Side side;
        private long quantity;
        private OrderState excluded;

        ReductionCheck of(String accountId, String strategyId, InstrumentId instrumentId,
                          io.alphintra.sdk.order.Side side, long quantity, OrderState excluded) {
            this.accountId = accountId;
            this.strategyId = strategyId;
            this.instrumentId = instrumentId;
            this.side = side;
            this.quantity = quantity;
            this.excluded = excluded;
            return this;
        }

        @Override
        public boolean reduces(io.alphintra.engine.KillSwitchState state) {
            boolean strategyScope = state.scope().kind() == io.alphintra.engine.KillScope.Kind.STRATEGY;
            long position = accounts == null ? 0 : strategyScope
                    ? (monitor != null ? monitor.strategyNetQuantity(portfolio(), accountId, strategyId, instrumentId)
                            : accounts.position(accountId, strategyId, instrumentId)
                                    .map(io.alphintra.sdk.portfolio.Position::netQuantity).orElse(0L))
                    : accounts.accountNetQuantity(accountId, instrumentId);
            boolean buy = side == io.alphintra.sdk.order.Side.BUY;
            if (position == 0 || buy == (position > 0)) {
                return false;
            }
            long sameSide = quantity;
            for (OrderState o = working.first(accountId, instrumentId); o != null; o = o.nextWorking) {
                if (o != excluded && (o.side == io.alphintra.sdk.order.Side.BUY) == buy
                        && (!strategyScope || o.attribution.strategyId().equals(strategyId))) {
                    sameSide += o.quantity - o.cumQuantity;
                }
            }
            return sameSide <= Math.abs(position);
        }
    }

    private io.alphintra.engine.internal.portfolio.Portfolio portfolio() {
        return ((PortfolioAccounts) accounts).portfolio();
    }

    /** Engages the switches of the loss thresholds the last event crossed; nothing during recovery. */
    private void engageRiskSwitches(long nowNanos) {
        if (monitor == null || replaying || !monitor.hasBreaches()) {
            return;
        }
        for (io.alphintra.engine.internal.monitor.RiskMonitor.Breach breach : monitor.takeBreaches()) {
            engageKillSwitch(breach.scope(), breach.engagedBy(), breach.reason(), nowNanos, breach.action());
        }
    }

    /** Puts loss thresholds in force (replacing all others); a scope already beyond one is switched at once. */
    public void riskThresholds(List<io.alphintra.engine.internal.monitor.LossThreshold> thresholds, long nowNanos) {
        if (monitor != null) {
            monitor.thresholds(thresholds);
            engageRiskSwitches(nowNanos);
        }
    }

    /** The live risk figures of the node, every strategy and every account; empty without books. */
    public List<io.alphintra.engine.RiskFigures> riskFigures() {
        if (monitor == null) {
            return List.of();
        }
        // Leverage needs capital, which only the account reference data knows: the node's is every account's cash.
        io.alphintra.engine.internal.account.AccountTable table = accounts.table();
        List<io.alphintra.engine.RiskFigures> figures = new ArrayList<>();
        for (io.alphintra.engine.RiskFigures line : monitor.figures(portfolio(), EngineClock.nowNanos())) {
            Money cash = null;
            if (line.scope().kind() == io.alphintra.engine.KillScope.Kind.ACCOUNT) {
                io.alphintra.engine.internal.account.Account account = table.get(line.scope().value());
                cash = account == null ? null : account.cash().get(line.currency());
            } else if (line.scope().kind() == io.alphintra.engine.KillScope.Kind.ALL) {
                for (io.alphintra.engine.internal.account.Account account : table.accounts()) {
                    Money each = account.cash().get(line.currency());
                    cash = each == null ? cash : cash == null ? each : cash.add(each);
                }
            }
            figures.add(cash == null ? line : line.withLeverageOn(cash));
        }
        return figures;
    }

    /**
     * Engages a kill switch: journaled, every new order and replace in its scope is refused from now on, and every
     * working order in scope is cancelled (one whose cancel or replace is pending, once the venue answered that).
     *
     * @return how many cancels were sent
     */
    public int engageKillSwitch(io.alphintra.engine.KillScope scope, String who, String reason, long nowNanos) {
        return engageKillSwitch(scope, who, reason, nowNanos, io.alphintra.engine.KillSwitchState.Mode.HALT);
    }

    /**
     * As {@link #engageKillSwitch(io.alphintra.engine.KillScope, String, String, long)} in a mode: a reduce-only
     * switch cancels only the working orders in scope that would not reduce its position (a side whose working
     * orders together exceed the position is cancelled whole) and refuses only such new orders and replaces.
     */
    public int engageKillSwitch(io.alphintra.engine.KillScope scope, String who, String reason, long nowNanos,
                                io.alphintra.engine.KillSwitchState.Mode mode) {
        io.alphintra.engine.KillSwitchState state = new io.alphintra.engine.KillSwitchState(scope, who,
                reason == null ? "" : reason, nowNanos, mode);
        append(RecordCodec.KILL_ENGAGED, nowNanos, codec.kill(scope, who, state.reason(), nowNanos, mode));
        kills.engage(state);
        boolean halt = mode == io.alphintra.engine.KillSwitchState.Mode.HALT;
        String what = halt ? "its working orders are cancelled and new ones refused"
                : "its working orders that would increase a position are cancelled and only orders reducing one"
                + " accepted";
        alerts.raise("engine.kill." + scope, true, (halt ? "Kill switch " : "Reduce-only kill switch ") + scope
                + " engaged by " + who + (state.reason().isEmpty() ? "" : " (" + state.reason() + ")") + ": "
                + what + " until alphintra:kill-reset " + scope);
        LOG.warn("KILL SWITCH {} ({}) engaged by {}{}: {} until reset", scope, mode, who,
                state.reason().isEmpty() ? "" : " (" + state.reason() + ")", what);
        List<ClientOrderId> inScope = orders(true).filter(o -> o.pendingRequestId == null)
                .filter(o -> scope.covers(o.venueId, o.attribution.strategyId(), o.attribution.traderId(),
                        o.attribution.accountId()))
                .filter(o -> halt || !reduction.of(o.attribution.accountId(), o.attribution.strategyId(),
                        o.instrumentId, o.side, 0, null).reduces(state))
                .map(o -> o.clientOrderId).toList();
        for (ClientOrderId id : inScope) {
            cancel(id, ENGINE_SOURCE_KILL + who, nowNanos);
        }
        return inScope.size();
    }

    /** Resets a kill switch, journaled; false when that scope was not engaged. */
    public boolean resetKillSwitch(io.alphintra.engine.KillScope scope, String who, long nowNanos) {
        if (kills.reset(scope) == null) {
            return false;
        }
        if (monitor != null) {
            monitor.onReset(scope);
        }
        append(RecordCodec.KILL_RESET, nowNanos, codec.kill(scope, who, "", nowNanos));
        LOG.warn("KILL SWITCH {} reset by {}: orders in its scope are accepted again", scope, who);
        return true;
    }

    /** The kill switches engaged, oldest first. */
    public List<io.alphintra.engine.KillSwitchState> killSwitches() {
        return kills.states();
    }

    /**
     * Why a venue's report cannot be booked against the order, checked before anything changes; null when it can.
     * The SDK's report constructor has checked the report on its own; this checks it against the order.
     */
    private static String refusal(OrderState order, ExecutionReport report) {
        if (!report.instrumentId().equals(order.instrumentId)) {
            return "instrumentId = " + report.instrumentId() + ": the order is in " + order.instrumentId;
        }
        if (report.side() != order.side) {
            return "side = " + report.side() + ": the order is a " + order.side;
        }
        if (report.execType() == ExecType.TRADE) {
            long open = Math.max(order.quantity, order.pendingRequestId == null ? 0 : order.pendingQuantity)
                    - order.cumQuantity;
            if (report.lastQuantity() > open) {
                return "lastQuantity = " + report.lastQuantity() + ": more than the " + open
                        + " the order has open (quantity " + order.quantity + ", filled " + order.cumQuantity + ")";
            }
            try {
                Math.addExact(order.cumPriceQuantity, Math.multiplyExact(report.lastPrice(), report.lastQuantity()));
            } catch (ArithmeticException e) {
                return "lastPrice = " + report.lastPrice() + ", lastQuantity = " + report.lastQuantity()
                        + ": the order's filled value overflows";
            }
        }
        return null;
    }

    /**
     * Books a fill into the account book; a fill without a fee (the SDK allows a venue not to report one) is
     * booked with a zero fee in the instrument's quote currency, on replay as live.
     *
     * @return null when booked, else why the account book refused it (it is then unchanged)
     */
    private String bookFill(OrderState order, long quantity, long price, Money fee, long transactTime) {
        if (accounts == null) {
            return null;
        }
        Money charged = fee;
        if (charged == null) {
            Instrument instrument = journaledInstruments.get(order.instrumentId);
            if (instrument == null) {
                return "no reference data for " + order.instrumentId + " was journaled";
            }
            charged = Money.zero(instrument.quoteCurrency());
        }
        try {
            accounts.apply(order.attribution.accountId(), order.attribution.strategyId(), order.instrumentId,
                    order.side, quantity, price, charged, transactTime);
            if (monitor != null) {
                monitor.onFill(portfolio(), order.attribution.accountId(), order.attribution.strategyId(),
                        order.instrumentId, order.side.sign() * quantity, price, charged.currency(),
                        charged.mantissa(), charged.scale());
            }
            return null;
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            return "the account book cannot take the fill: " + e.getMessage();
        }
    }

    /**
     * A report the engine cannot book: nothing of it is applied; the order is flagged for reconciliation with why
     * (journaled, so it outlives a restart), operators are told at ERROR, and the adapter's stage fails.
     */
    private void refuseReport(OrderState order, ExecutionReport report, String why, long nowNanos,
                              CompletableFuture<ExecutionReport> durable) {
        String reason = "report " + report.execId() + " (" + report.execType() + ") from venue " + order.venueId
                + " not booked: " + why;
        LOG.error("RECONCILIATION NEEDED for order {} ({}): {}. Nothing of the report was applied; reconcile the"
                + " order and its account with the venue. Report: {}", order.orderId, order.clientOrderId, reason,
                report);
        flag(order, reason, nowNanos);
        if (durable != null) {
            durable.completeExceptionally(new IllegalArgumentException(reason));
        }
    }

    /** Marks the order for an operator to reconcile, journals why, and raises an alert. */
    private void flag(OrderState order, String reason, long nowNanos) {
        order.reconciliation = reason;
        append(RecordCodec.RECONCILIATION_FLAG, nowNanos, codec.reconciliationFlag(order.orderId, reason));
        alerts.raise("engine.reconcile." + order.orderId, true, "Order " + order.orderId + " (" + order.clientOrderId
                + ", account " + order.attribution.accountId() + ", " + order.instrumentId + ") needs reconciling with"
                + " venue " + order.venueId + ": " + reason);
    }

    /**
     * Message throttles per venue, per account and per strategy instance (PT6), messages a second, 0 for none. Before
     * the loop starts. The engine's own cancels (a kill switch, cancel on disconnect) are never throttled.
     */
    public void throttle(int perVenue, int perAccount, int perStrategy) {
        throttles = new MessageThrottles(perVenue, perAccount, perStrategy);
    }

    /**
     * The message throttle of the strategy instance whose requests come from {@code source}: its own rate, or 0 for
     * the engine-wide {@code perStrategy}. Engine thread, before the instance's first request.
     */
    public void throttleStrategy(String source, int perSecond) {
        throttles.strategyRate(source, perSecond);
    }

    /** Where the engine raises alerts from now on (the engine's own and its gate's). Before the loop starts. */
    public void alertsTo(EngineAlerts alerts) {
        this.alerts = alerts;
        gate.alertsTo(alerts);
    }

    EngineAlerts alerts() {
        return alerts;
    }

    /** Completes {@code durable} with the report once the batch commits, telling no one else of it. */
    private void acknowledgeAfterCommit(OrderState order, ExecutionReport report,
                                        CompletableFuture<ExecutionReport> durable) {
        if (durable != null) {
            PendingReport ack = pending.add();
            ack.order = order;
            ack.ready = report;
            ack.reply = durable;
            ack.acknowledgementOnly = true;
        }
    }

    /**
     * Journals changes to the account reference data that the engine takes from now on (the caller swaps the table
     * after this returns). Rare, so committed at once: the journal holds each change before any order decided by it.
     */
    public void accountsChanged(List<io.alphintra.engine.internal.account.AccountChange> changes, long nowNanos) {
        for (io.alphintra.engine.internal.account.AccountChange change : changes) {
            append(RecordCodec.ACCOUNT_REFERENCE, nowNanos, codec.accountReference(change, nowNanos));
        }
        commit();
        for (io.alphintra.engine.internal.account.AccountChange change : changes) {
            if (change.kind() == io.alphintra.engine.internal.account.AccountChange.Kind.REFUSED) {
                LOG.warn("Account reference data refused: {}", change);
            } else {
                LOG.info("Account reference data in force: {}", change);
            }
        }
    }

    /**
     * Journals that the strategy host quarantined an instance. Rare and unrelated to the batch's orders, so it is
     * committed at once instead of waiting for order traffic to end a batch that commits.
     */
    public void strategyQuarantined(String instanceId, String reason, long epochNanos) {
        append(RecordCodec.STRATEGY_QUARANTINED, epochNanos,
                codec.strategyQuarantined(instanceId, reason, epochNanos));
        commit();
        counters.increment(EngineCounters.STRATEGY_QUARANTINES);
    }

    /** Makes what was appended durable, timing the commit for the statistics. */
    private void commit() {
        long started = System.nanoTime();
        try {
            journal.commit();
        } catch (IOException e) {
            throw new JournalFailureException("commit", e);
        }
        counters.committed(System.nanoTime() - started);
    }

    /**
     * Commits the batch, then sends its orders to venues and its reports to their sources. A venue adapter that
     * throws gets the order rejected (and journaled) rather than lost or left pending.
     */
    public void endOfBatch() {
        // Records nobody waits on and nothing follows from (a kill switch, a reconciliation flag) are committed too:
        // they must survive a crash that comes before the next order.
        while (outboxCount > 0 || pending.size() > 0 || uncommitted) {
            uncommitted = false;
            // A failure leaves nothing of this batch to go out: the loop halts the engine on it, and fails the
            // batch's waiting callers (failPending).
            commit();
            PendingReport.Queue reports = pending;
            pending = delivering;
            delivering = reports;
            Object[] requests = outbox;
            OrderState[] requestOrders = outboxOrders;
            int requestCount = outboxCount;
            outbox = sending;
            outboxOrders = sendingOrders;
            outboxCount = 0;
            sending = requests;
            sendingOrders = requestOrders;
            try {
                deliver(reports);
            } finally {
                reports.clear();
            }
            for (int i = 0; i < requestCount; i++) {
                Object request = requests[i];
                OrderState order = requestOrders[i];
                requests[i] = null;
                requestOrders[i] = null;
                sendNow(request, order);
            }
        }
    }

    /**
     * After the engine halted: completes every caller still waiting for a report of the batch that could not be
     * committed with {@code failure}, and drops the batch's requests for venues (none of it was durable, so none of
     * it may leave). Engine thread only.
     */
    public void failPending(Throwable failure) {
        journal.refuseFurtherWrites(String.valueOf(failure.getMessage()));
        for (PendingReport.Queue queue : new PendingReport.Queue[] {pending, delivering}) {
            for (int i = 0; i < queue.size(); i++) {
                CompletableFuture<ExecutionReport> reply = queue.get(i).reply;
                if (reply != null) {
                    reply.completeExceptionally(failure);
                }
            }
            queue.clear();
        }
        Arrays.fill(outbox, 0, outboxCount, null);
        Arrays.fill(outboxOrders, 0, outboxCount, null);
        outboxCount = 0;
    }

    private void deliver(PendingReport.Queue reports) {
        boolean listened = listener.wantsReports();
        for (int i = 0; i < reports.size(); i++) {
            PendingReport pendingReport = reports.get(i);
            if (pendingReport.acknowledgementOnly) {
                pendingReport.reply.complete(pendingReport.ready);
                continue;
            }
            if (pendingReport.reply == null && !listened) {
                continue;
            }
            ExecutionReport report;
            try {
                report = pendingReport.build();
            } catch (RuntimeException e) {
                LOG.error("Report about order {} could not be built", pendingReport.order.orderId, e);
                if (pendingReport.reply != null) {
                    pendingReport.reply.completeExceptionally(e);
                }
                continue;
            }
            if (pendingReport.reply != null) {
                pendingReport.reply.complete(report);
            }
            if (listened) {
                try {
                    if (pendingReport.source != null) {
                        listener.onReport(report, pendingReport.source, pendingReport.strategyId);
                    } else {
                        listener.onReport(report, pendingReport.order.source,
                                pendingReport.order.attribution.strategyId());
                    }
                } catch (RuntimeException e) {
                    LOG.error("Report listener failed for {}", report, e);
                }
            }
        }
    }

    /** Queues a request for its venue until the commit. */
    private void send(Object request, OrderState order) {
        if (outboxCount == outbox.length) {
            outbox = Arrays.copyOf(outbox, outboxCount * 2);
            outboxOrders = Arrays.copyOf(outboxOrders, outboxCount * 2);
            sending = new Object[outbox.length];
            sendingOrders = new OrderState[outbox.length];
        }
        outbox[outboxCount] = request;
        outboxOrders[outboxCount++] = order;
    }

    private void sendNow(Object request, OrderState order) {
        ExchangeAdapter adapter = venues.adapter(order.venueId);
        String failure = null;
        if (adapter == null || !venues.connected(order.venueId)) {
            failure = "venue " + order.venueId + " went away before the request was sent";
        } else {
            // Timed and interrupted past its budget as checks are: an adapter must not block (SDK contract), and one
            // that does costs its own request, not the engine thread.
            PluginWatchdog watchdog = gate.watchdog();
            long started = watchdog.begin(order.venueId);
            Throwable thrown = null;
            try {
                if (request instanceof OrderRequest newOrder) {
                    adapter.submit(newOrder);
                } else if (request instanceof CancelRequest cancel) {
                    adapter.cancel(cancel);
                } else {
                    adapter.replace((ReplaceRequest) request);
                }
            } catch (Throwable e) {
                thrown = Failures.rethrowIfFatal(e);
            }
            long overran = watchdog.end(started);
            if (thrown != null) {
                LOG.error("Exchange adapter of venue {} failed on {}", order.venueId, request, thrown);
                failure = "exchange adapter failed: " + thrown;
            }
            if (overran >= 0) {
                LOG.error("Exchange adapter of venue {} ran {} ms on the engine thread for {}, over the budget of {}"
                        + " ms{}; adapters must not block their caller", order.venueId, overran / 1_000_000, request,
                        watchdog.budgetMillis(), watchdog.interruptedLast() ? " (interrupted)" : "");
            }
        }
        if (failure != null) {
            long now = EngineClock.nowNanos();
            if (request instanceof OrderRequest) {
                onVenueReport(immediate.about(order, ExecType.REJECTED, OrderStatus.REJECTED,
                        RejectReason.VENUE_DISCONNECTED, failure, ++engineExecIds, now).build(), now);
            } else if (orderById(order.orderId) != order) {
                // Finished and forgotten in this very batch: nothing is left to refuse the request to.
                LOG.warn("{} for order {} was not sent ({}); the order has finished since and left the engine",
                        request, order.orderId, failure);
            } else {
                ClientOrderId id = request instanceof CancelRequest cancel ? cancel.clientOrderId()
                        : ((ReplaceRequest) request).clientOrderId();
                refuseRequest(order, id, request instanceof CancelRequest ? ExecType.CANCEL_REJECTED
                        : ExecType.REPLACE_REJECTED, null, failure, now);
            }
        }
    }

    /** Applies a booked report to the order (its fill is in the account book already). */
    private void apply(OrderState order, ExecType execType, OrderStatus status, ClientOrderId clientOrderId,
                       String venueOrderId, long orderQuantity, long lastQuantity, long lastPrice,
                       long transactTime) {
        if (venueOrderId != null) {
            order.venueOrderId = venueOrderId;
        }
        switch (execType) {
            case REPLACED -> {
                order.quantity = order.pendingQuantity;
                order.limitPrice = order.pendingLimitPrice;
                order.stopPrice = order.pendingStopPrice;
                order.clientOrderId = clientOrderId;
                order.pendingRequestId = null;
            }
            case CANCELED, EXPIRED -> order.pendingRequestId = null;
            case CANCEL_REJECTED, REPLACE_REJECTED -> {
                order.pendingRequestId = null;
                status = order.statusBeforePending;
            }
            default -> {
            }
        }
        if (execType == ExecType.TRADE) {
            // The engine's own sums of the fills it booked, not the venue's: the order then always matches its
            // account's books, and a venue whose count differs is flagged by the caller.
            order.cumQuantity += lastQuantity;
            order.cumPriceQuantity += lastPrice * lastQuantity;
        }
        // A fill can arrive while a cancel or replace is pending: the order stays pending until the venue answers.
        if (order.pendingRequestId != null && !status.isTerminal()) {
            order.statusBeforePending = status;
        } else {
            order.status = status;
        }
        if (orderQuantity > 0 && execType != ExecType.REPLACED) {
            order.quantity = Math.max(order.quantity, orderQuantity);
        }
    }

    /**
     * Keeps why a venue refused or ended an order otherwise than by a fill, for operators. A report's text alone is
     * kept as it is, so a venue's fixed texts cost no string per order; replay shares equal ones through
     * {@code shared}, as the live engine's came from the same few constants.
     */
    private static void keepReason(OrderState order, ExecType execType, RejectReason code, String text,
                                   RecordCodec.Shared shared) {
        if (code == null && text == null) {
            return;
        }
        switch (execType) {
            case REJECTED, CANCELED, EXPIRED, CANCEL_REJECTED, REPLACE_REJECTED -> {
                String reason = code == null ? text : text == null ? code.name() : code.name() + ": " + text;
                order.reason = shared == null ? reason : shared.of(reason);
            }
            default -> {
                // Acknowledgements, fills and replaces refuse nothing.
            }
        }
    }

    private void replay(int type, ByteBuffer payload) {
        switch (type) {
            case RecordCodec.INSTRUMENT -> {
                Instrument instrument = InstrumentCodec.read(payload);
                journaledInstruments.put(instrument.id(), instrument);
                if (accounts != null) {
                    accounts.register(instrument);
                }
            }
            case RecordCodec.ORDER_ACCEPTED, RecordCodec.ORDER_REJECTED, RecordCodec.ORDER_HELD -> {
                OrderState order = RecordCodec.readOrder(payload, type == RecordCodec.ORDER_REJECTED
                        ? OrderStatus.REJECTED : OrderStatus.PENDING_NEW, replayShared);
                index(order);
                if (type == RecordCodec.ORDER_HELD) {
                    held.add(order);
                }
                creditRestored(order, replayNanos);
                nextOrderId = Math.max(nextOrderId, order.orderId + 1);
            }
            case RecordCodec.CANCEL_REQUESTED, RecordCodec.REPLACE_REQUESTED -> {
                RecordCodec.Request request = RecordCodec.readRequest(payload);
                OrderState order = orderById(request.orderId());
                beginRequest(order, request.requestId(), type == RecordCodec.CANCEL_REQUESTED
                        ? OrderStatus.PENDING_CANCEL : OrderStatus.PENDING_REPLACE, request.quantity(),
                        request.limitPrice(), request.stopPrice());
            }
            case RecordCodec.REQUEST_REJECTED -> {
                RecordCodec.Request request = RecordCodec.readRequest(payload);
                OrderState order = orderById(request.orderId());
                if (order != null && request.requestId().equals(order.pendingRequestId)) {
                    endRefusedRequest(order);
                }
            }
            case RecordCodec.EXECUTION -> {
                RecordCodec.Execution e = RecordCodec.readExecution(payload);
                OrderState order = orderById(e.orderId());
                if (e.execType() == ExecType.TRADE) {
                    String refused = bookFill(order, e.lastQuantity(), e.lastPrice(), e.fee(), e.transactTime());
                    if (refused != null) {
                        throw new IllegalStateException("journaled fill " + e.execId() + " of order " + e.orderId()
                                + " cannot be booked again: " + refused);
                    }
                    creditFilled(order, e.lastQuantity(), e.lastPrice(), replayNanos);
                }
                apply(order, e.execType(), e.status(), e.clientOrderId(), e.venueOrderId(), e.orderQuantity(),
                        e.lastQuantity(), e.lastPrice(), e.transactTime());
                // Journals from before per-order sums: the record's values are what the engine held then.
                order.cumQuantity = e.cumQuantity();
                order.cumPriceQuantity = e.cumPriceQuantity();
                if (e.execId() != null) {
                    order.addExecId(e.execId());
                }
                keepReason(order, e.execType(), e.rejectReason(), e.text(), replayShared);
                statusChanged(order);
            }
            case RecordCodec.KILL_ENGAGED -> kills.engage(RecordCodec.readKill(payload));
            case RecordCodec.KILL_RESET -> {
                io.alphintra.engine.KillScope scope = RecordCodec.readKill(payload).scope();
                kills.reset(scope);
                if (monitor != null) {
                    monitor.onReset(scope);
                }
            }
            case RecordCodec.RECONCILIATION_FLAG -> {
                RecordCodec.ReconciliationFlag flag = RecordCodec.readReconciliationFlag(payload);
                OrderState order = orderById(flag.orderId());
                if (order != null) {
                    order.reconciliation = flag.reason();
                }
            }
            case RecordCodec.HOLD_RELEASED -> {
                RecordCodec.Release release = RecordCodec.readRelease(payload);
                OrderState order = orderById(release.orderId());
                if (order == null || !order.isHeld()) {
                    throw new IllegalStateException("journaled release of order " + release.orderId() + " finds it "
                            + (order == null ? "not held by the engine" : "not held: " + order.status));
                }
                released(order, release.releasedBy(), release.reason(), release.atNanos(), release.engineVersion());
                held.remove(order);
            }
            case RecordCodec.STRATEGY_QUARANTINED -> {
                // The audit trail's fact; no order, position or strategy state follows from it.
            }
            case RecordCodec.ACCOUNT_REFERENCE -> {
                // The audit trail's fact: the accounts in force come from configuration at every start, and their
                // configured cash is never booked, so nothing here is rebuilt from it.
            }
            default -> throw new IllegalStateException("unknown journal record type " + type
                    + "; this journal was written by a newer engine");
        }
    }

    private void index(OrderState order) {
        ordersById.put(order);
        ordersByClientId.put(order.clientOrderId, order);
        statusChanged(order);
    }

    /**
     * Brings the working-order index and the list of finished orders in line with the order's status; call after
     * every change of it. An order joins the list when it finishes, once, and leaves it only when forgotten, or when
     * a late fill or a refused request takes it back to working (it joins again at the end when it finishes again).
     */
    private void statusChanged(OrderState order) {
        working.update(order);
        credit.update(order);
        boolean listed = order.previousFinished != null || oldestFinished == order;
        if (order.isWorking()) {
            if (listed) {
                unlinkFinished(order);
            }
        } else if (!listed) {
            appendFinished(order);
            if (!replaying) {
                forgetFinishedBeyondWindow();
            }
        }
    }

    private void appendFinished(OrderState order) {
        order.previousFinished = newestFinished;
        if (newestFinished == null) {
            oldestFinished = order;
        } else {
            newestFinished.nextFinished = order;
        }
        newestFinished = order;
        finishedCount++;
    }

    private void unlinkFinished(OrderState order) {
        if (order.previousFinished == null) {
            oldestFinished = order.nextFinished;
        } else {
            order.previousFinished.nextFinished = order.nextFinished;
        }
        if (order.nextFinished == null) {
            newestFinished = order.previousFinished;
        } else {
            order.nextFinished.previousFinished = order.previousFinished;
        }
        order.previousFinished = null;
        order.nextFinished = null;
        finishedCount--;
    }

    /**
     * Forgets the orders that finished first until {@code finishedOrdersKept} finished ones are left, each with its
     * client order ids: a cost of the ids it carried per order, and no allocation. An id another order has taken
     * over since (a request id equal to it) stays with that order.
     */
    private void forgetFinishedBeyondWindow() {
        while (finishedCount > finishedOrdersKept) {
            OrderState order = oldestFinished;
            unlinkFinished(order);
            ordersById.forget(order.orderId);
            ordersByClientId.remove(order.originalClientOrderId, order);
            for (int i = 0; i < order.requestCount; i++) {
                ordersByClientId.remove(order.requestIds[i], order);
            }
        }
    }

    private OrderState orderById(long orderId) {
        return ordersById.get(orderId);
    }

    /** Orders held, oldest first. */
    private Stream<OrderState> orders(boolean workingOnly) {
        return ordersById.stream().filter(o -> !workingOnly || o.isWorking());
    }

    private static String requestRefusal(OrderState order, ClientOrderId clientOrderId) {
        if (order == null) {
            return "no order with client order id " + clientOrderId;
        }
        if (!order.isWorking()) {
            return "order " + order.orderId + " is already " + order.status;
        }
        if (order.pendingRequestId != null) {
            return "order " + order.orderId + " already has request " + order.pendingRequestId + " pending";
        }
        return null;
    }

    /**
     * A cancel or replace that will not happen: the order goes back to the state it was in before the request —
     * unless a fill or the venue finished it while the request was pending, which stands.
     */
    private void endRefusedRequest(OrderState order) {
        order.pendingRequestId = null;
        if (!order.status.isTerminal()) {
            order.status = order.statusBeforePending;
        }
        statusChanged(order);
    }

    /** @param throttled {@code THROTTLED} for a request a message throttle refused, else null: said from the order */
    private PendingReport refuseRequest(OrderState order, ClientOrderId requestId, ExecType execType,
                                        RejectReason throttled, String why, long now) {
        RejectReason reason = throttled != null ? throttled
                : order.isWorking() ? RejectReason.OTHER : RejectReason.TOO_LATE_TO_CANCEL;
        if (order.pendingRequestId != null && order.pendingRequestId.equals(requestId)) {
            endRefusedRequest(order);
        }
        append(RecordCodec.REQUEST_REJECTED, now, codec.request(order.orderId, requestId, order.quantity,
                order.limitPrice, order.stopPrice, reason, why));
        return report(order, execType, order.status, reason, why, now);
    }

    private void beginRequest(OrderState order, ClientOrderId requestId, OrderStatus pendingStatus, long quantity,
                              long limit, long stop) {
        order.pendingRequestId = requestId;
        order.statusBeforePending = order.status;
        order.status = pendingStatus;
        statusChanged(order);
        order.pendingQuantity = quantity;
        order.pendingLimitPrice = limit;
        order.pendingStopPrice = stop;
        // Again now that the order it would become is known: a pending replace counts at the larger of the two.
        credit.update(order);
        order.addRequest(requestId);
        ordersByClientId.put(requestId, order);
    }

    private static ClientOrderId nextRequestId(OrderState order, char kind) {
        return ClientOrderId.of(order.originalClientOrderId.value() + "." + kind + (order.requestCount + 1));
    }

    private void append(int type, long nowNanos, ByteBuffer record) {
        if (replaying) {
            return;
        }
        try {
            journal.append(type, nowNanos, record);
            uncommitted = true;
        } catch (IOException e) {
            throw new JournalFailureException("append", e);
        }
    }

    private ExecutionReport rejection(OrderRequest request, RejectReason reason, String text, long now) {
        return ExecutionReport.builder().clientOrderId(request.clientOrderId())
                .execId("E-reject-" + (++engineExecIds)).instrumentId(request.instrument().id())
                .side(request.side()).execType(ExecType.REJECTED).status(OrderStatus.REJECTED)
                .orderQuantity(request.quantity()).leavesQuantity(0).liquidity(Liquidity.UNKNOWN)
                .rejectReason(reason).text(text).transactTimeNanos(now).receiveTimeNanos(now).build();
    }

    /** Queues a report of the engine's own about {@code order}, as the order is now. */
    private PendingReport report(OrderState order, ExecType execType, OrderStatus status, RejectReason reason,
                                 String text, long now) {
        return pending.add().about(order, execType, status, reason, text, ++engineExecIds, now);
    }

    /**
     * Notional of an account's working orders in an instrument: leaves quantity at the limit price, or at the
     * reference price for orders without one (none known: not counted, which the risk check must treat as unknown).
     * Costs the account's working orders in the instrument, not the engine's orders: a credit check may call it for
     * every order.
     */
    @Override
    public Money openNotional(String accountId, Instrument instrument, OptionalLong referencePrice) {
        Money zero = Money.zero(instrument.quoteCurrency());
        OrderState order = working.first(accountId, instrument.id());
        if (order == null) {
            return zero;
        }
        // Summed as exact longs at the notional's scale, so a credit check costs no Money per working order.
        int priceScale = instrument.priceScale();
        int quantityScale = instrument.quantityScale();
        long total = 0;
        for (; order != null; order = order.nextWorking) {
            if (order == replacing) {
                continue;
            }
            long price = order.limitPrice != OrderRequest.NO_PRICE ? order.limitPrice : referencePrice.orElse(0);
            // Not leavesQuantity(): it would hide a finished order wrongly left in the index from the equivalence test
            total = Decimals.add(total, Decimals.notional(Math.abs(price), priceScale,
                    order.quantity - order.cumQuantity, quantityScale));
        }
        return zero.add(Money.of(instrument.quoteCurrency(), total, priceScale + quantityScale));
    }

    @Override
    public long workingQuantity(String accountId, InstrumentId instrumentId, boolean buys) {
        long total = 0;
        for (OrderState order = working.first(accountId, instrumentId); order != null; order = order.nextWorking) {
            if (order != replacing && (order.side == io.alphintra.sdk.order.Side.BUY) == buys) {
                total = Math.addExact(total, order.quantity - order.cumQuantity);
            }
        }
        return total;
    }

    @Override
    public long strategyWorkingQuantity(String accountId, String strategyId, InstrumentId instrumentId,
                                        boolean buys) {
        long total = 0;
        for (OrderState order = working.first(accountId, instrumentId); order != null; order = order.nextWorking) {
            if (order != replacing && (order.side == io.alphintra.sdk.order.Side.BUY) == buys
                    && order.attribution.strategyId().equals(strategyId)) {
                total = Math.addExact(total, order.quantity - order.cumQuantity);
            }
        }
        return total;
    }

    @Override
    public long creditUsed(io.alphintra.sdk.risk.CreditScope scope, io.alphintra.sdk.order.Attribution who,
                           io.alphintra.sdk.money.Currency currency, long nowNanos) {
        String id = switch (scope) {
            case ACCOUNT -> who.accountId();
            case TRADER -> who.traderId();
            case STRATEGY -> who.strategyId();
        };
        return credit.used(scope, id, currency, replacing, nowNanos);
    }

    /** Every account's, trader's and strategy's credit used at engine time {@code nowNanos}, for operators. */
    public List<io.alphintra.engine.CreditUsage> credit(long nowNanos) {
        return credit.usage(nowNanos);
    }

    /**
     * Counts a replayed or restored order's credit. Market data is not journaled, so a market order accepted before
     * the restart counts nothing while it works (its fills count as executed).
     */
    private void creditRestored(OrderState order, long nowNanos) {
        Instrument instrument = journaledInstruments.get(order.instrumentId);
        if (instrument != null) {
            credit.accepted(order, instrument, OrderRequest.NO_PRICE, nowNanos);
        }
    }

    /** Adds a booked fill to the day's executed credit of the order's account, trader and strategy. */
    private void creditFilled(OrderState order, long quantity, long price, long nowNanos) {
        Instrument instrument = journaledInstruments.get(order.instrumentId);
        if (instrument != null) {
            credit.filled(order, instrument, quantity, price, nowNanos);
        }
    }

    /**
     * What a market order's credit is counted at while it works: the reference price when the gate accepted it
     * ({@link OrderRequest#NO_PRICE} for other orders, when none is known, or for inputs that give checks no context).
     */
    private static long marketReference(OrderRequest request, OrderGate.GateInputs inputs) {
        if (request.hasLimitPrice() || request.hasStopPrice()) {
            return OrderRequest.NO_PRICE;
        }
        io.alphintra.sdk.risk.PreTradeContext context = inputs.riskContext(request);
        return context == null ? OrderRequest.NO_PRICE : context.referencePrice().orElse(OrderRequest.NO_PRICE);
    }

    @Override
    public Optional<OpenOrder> replacing() {
        OrderState order = replacing;
        return order == null ? Optional.empty() : Optional.of(order.toOpenOrder());
    }

    /** The order's current state, if any client order id it carried matches. */
    public Optional<OpenOrder> order(ClientOrderId clientOrderId) {
        OrderState order = ordersByClientId.get(clientOrderId);
        return order == null || !order.isWorking() ? Optional.empty() : Optional.of(order.toOpenOrder());
    }

    /** A summary line per order held (working, and the most recently finished), newest first, for operators. */
    public List<OrderView> orders() {
        List<OrderView> views = orders(false).map(EngineCore::view).collect(Collectors.toCollection(ArrayList::new));
        Collections.reverse(views);
        return views;
    }

    /**
     * Orders a scoped query examines at most per call, whatever its limit: the engine thread's work for one page is
     * bounded even when few of the orders held match.
     */
    public static final int QUERY_BUDGET = 4096;

    /** The order any client order id it carried (its first, its cancels' and replaces') finds, if held. */
    public Optional<OrderView> orderView(ClientOrderId clientOrderId) {
        OrderState order = ordersByClientId.get(clientOrderId);
        return order == null ? Optional.empty() : Optional.of(view(order));
    }

    /**
     * A page of the orders held that match {@code query}, newest first, from the ids below {@code belowOrderId}
     * ({@link Long#MAX_VALUE} for the newest). Walks the order ids downwards and looks at most at
     * {@code max(limit, QUERY_BUDGET)} of them (ids of orders already forgotten count too: they are the walk's work),
     * so a query costs the engine thread a bounded time however many orders are held; when the budget runs out
     * before the limit is met, the page says where to go on.
     */
    public OrderPage orders(OrderQuery query, long belowOrderId) {
        int budget = Math.max(query.limit(), QUERY_BUDGET);
        long floor = ordersById.first();
        long id = Math.min(belowOrderId, ordersById.end()) - 1;
        List<OrderView> page = new ArrayList<>(Math.min(query.limit(), 64));
        for (; id >= floor && budget > 0 && page.size() < query.limit(); id--, budget--) {
            OrderState order = ordersById.get(id);
            if (order != null && matches(order, query)) {
                page.add(view(order));
            }
        }
        return new OrderPage(page, id >= floor ? cursorBelow(id + 1) : null);
    }

    private static boolean matches(OrderState order, OrderQuery query) {
        return (!query.workingOnly() || order.isWorking())
                && (query.strategyId() == null || query.strategyId().equals(order.attribution.strategyId()))
                && (query.accountId() == null || query.accountId().equals(order.attribution.accountId()))
                && (query.traderId() == null || query.traderId().equals(order.attribution.traderId()))
                && (query.instrumentId() == null || query.instrumentId().equals(order.instrumentId));
    }

    /** The cursor of a page that ends before {@code orderId}: the next page holds only lower ids. */
    private static String cursorBelow(long orderId) {
        return Long.toString(orderId);
    }

    /**
     * Reads a cursor {@link #orders(OrderQuery, long)} handed out, on the caller's thread.
     *
     * @return the order id the next page goes on below; {@link Long#MAX_VALUE} for a null cursor (the newest orders)
     * @throws IllegalArgumentException naming the cursor when it is not one the engine issued
     */
    public static long parseCursor(String cursor) {
        if (cursor == null) {
            return Long.MAX_VALUE;
        }
        long below;
        try {
            below = Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            below = 0;
        }
        if (below < 1) {
            throw new IllegalArgumentException("cursor = '" + cursor + "': not a cursor the engine issued; pass a"
                    + " page's nextCursor as it was given, or none for the newest orders");
        }
        return below;
    }

    private static OrderView view(OrderState o) {
        return new OrderView(o.orderIdText(), o.clientOrderId, o.instrumentId, o.side, o.quantity, o.limitPrice,
                o.status, o.cumQuantity, o.attribution.strategyId(), o.attribution.traderId(),
                o.attribution.accountId(), o.source, o.decisions, reasonOf(o));
    }

    /**
     * Why the order needs reconciling, if it does, before the venue's reason, else the gate's rejecting decision: the
     * gate journals no report, only its decisions.
     */
    private static String reasonOf(OrderState order) {
        if (order.reconciliation != null) {
            return "RECONCILE: " + order.reconciliation + (order.reason == null ? "" : "; " + order.reason);
        }
        if (order.reason != null) {
            return order.reason;
        }
        GateDecision last = order.decisions.isEmpty() ? null : order.decisions.get(order.decisions.size() - 1);
        if (last == null || !last.rejects()) {
            return null;
        }
        String code = last.reason() == null ? "REJECT" : last.reason().name();
        return last.text() == null ? code + " (" + last.checkId() + ")"
                : code + ": " + last.text() + " (" + last.checkId() + ")";
    }

    /** Working orders, oldest first. */
    public List<OpenOrder> openOrders() {
        return orders(true).map(OrderState::toOpenOrder).toList();
    }

    /** Working orders of one strategy instance, for cancel-on-stop. */
    public List<ClientOrderId> workingOrdersOf(String strategyId) {
        return orders(true).filter(o -> o.attribution.strategyId().equals(strategyId))
                .filter(o -> o.pendingRequestId == null).map(o -> o.clientOrderId).toList();
    }

    /**
     * A digest of the state of every order held, of the order they finished in (which decides the next ones
     * forgotten) and of the account book, equal for engines that processed the same events with the same
     * {@code finishedOrdersKept}: the check that a node rebuilt from its journal after a crash is the node that
     * crashed.
     */
    public String stateHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer line = ByteBuffer.allocate(8 * 8);
            orders(false).forEach(o -> {
                line.clear();
                line.putLong(o.orderId).putLong(o.quantity).putLong(o.limitPrice).putLong(o.stopPrice)
                        .putLong(o.cumQuantity).putLong(o.cumPriceQuantity).putLong(o.status.ordinal());
                digest.update(line.flip());
                digest.update(o.clientOrderId.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            });
            for (OrderState o = oldestFinished; o != null; o = o.nextFinished) {
                line.clear();
                digest.update(line.putLong(o.orderId).flip());
            }
            if (accounts != null) {
                digest.update(accounts.stateHash());
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
