package io.alphintra.sdk.testkit.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.OrderBookDeltaRecord;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.CancelRequest;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.venue.ExchangeAdapter;
import io.alphintra.sdk.venue.VenueCapabilities;

/**
 * The conformance tests every {@link ExchangeAdapter} must pass. Extend it in your adapter's test sources,
 * implement the hooks, and run it with JUnit 5:
 *
 * <pre>{@code
 * class MyAdapterConformanceTest extends ExchangeAdapterConformanceSuite {
 *     protected ExchangeAdapter createAdapter() { return new MyAdapter(testnetConfig()); }
 *     protected Instrument instrument() { return BTC_USDT; }
 *     protected long marketablePrice(Side side) { ... }
 *     protected long nonMarketablePrice(Side side) { ... }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh adapter from {@link #createAdapter()}, connected to a {@link RecordingVenueListener}
 * (the suite waits for {@code onConnected}). Reports are asynchronous: the suite waits for each expected report
 * with the deadline {@link #timeout()} and never sleeps to synchronise. When a check fails, the message says what
 * the adapter should have done and what it did, with every callback it made.
 *
 * <p>What it checks, following the contract in {@link ExchangeAdapter}: acceptance ({@code NEW}); rejection of
 * off-grid prices and off-lot quantities that stale reference data let through ({@code REJECTED} with
 * {@code INVALID_PRICE} / {@code INVALID_QUANTITY}); partial and full fills (cum and leaves quantities consistent,
 * the exact Σ price × quantity); cancel; replace; cancel of an unknown order; duplicate client order ids;
 * fills carry the venue's execId, unique per execution, and a fee; {@link ExchangeAdapter#executionsSince(long)}
 * replays fills with their live execIds, price, quantity and fee, and the order's outcome (or, where
 * {@link #venueReplaysExecutions()} says the venue cannot, fails with {@link UnsupportedOperationException});
 * disconnect, reconnect and reconciliation through {@link ExchangeAdapter#openOrders()}; orders while
 * disconnected; market data subscribe and unsubscribe; null arguments and instruments of other venues.
 *
 * <p>Orders are {@code LIMIT} orders with time in force {@code DAY} (or {@code GTC} if the adapter does not offer
 * DAY). After each test the suite cancels what is still working and disconnects.
 */
public abstract class ExchangeAdapterConformanceSuite {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 60_466_176L, 36);

    /** The adapter under test, connected; set before each test. */
    protected ExchangeAdapter adapter;

    /** Records what the adapter reports; set before each test. */
    protected RecordingVenueListener listener;

    private TimeInForce timeInForce;
    private final List<ClientOrderId> submitted = new ArrayList<>();

    // ---------------------------------------------------------------- hooks

    /** A new adapter, not yet connected, talking to the venue (a testnet, a sandbox, or a test double of the wire). */
    protected abstract ExchangeAdapter createAdapter() throws Exception;

    /** An instrument that trades on the adapter's venue, with the venue's reference data. */
    protected abstract Instrument instrument();

    /**
     * A limit price for {@code side} that executes at once against the liquidity the venue has (or that
     * {@link #provideLiquidity} adds): for a buy at or above the best offer, for a sell at or below the best bid.
     */
    protected abstract long marketablePrice(Side side);

    /**
     * A limit price for {@code side} that rests without executing, far enough from the market that it stays
     * working for the duration of a test. Must be at least two ticks away from any marketable price.
     */
    protected abstract long nonMarketablePrice(Side side);

    /**
     * Makes {@code quantity} available at {@code price} to an incoming order of {@code takerSide}, e.g. by resting
     * an opposite order from a second test account. The default returns {@code false}: the venue cannot be
     * arranged, and the tests that need a known amount of liquidity (partial fills) are skipped with a reason.
     *
     * @return whether the liquidity is now there
     */
    protected boolean provideLiquidity(Side takerSide, long price, long quantity) {
        return false;
    }

    /**
     * Makes the venue publish market data of {@code type} for {@link #instrument()} soon. A live venue publishes
     * by itself, so the default does nothing.
     */
    protected void publishMarketData(MarketDataType type) {
    }

    /**
     * Breaks the adapter's connection the way a network failure would (not through {@link
     * ExchangeAdapter#disconnect()}). Return {@code false} (the default) if you cannot; the connection-loss test
     * is then skipped.
     */
    protected boolean dropConnection(ExchangeAdapter adapter) {
        return false;
    }

    /**
     * Whether the venue can replay this session's executions, so that the adapter implements
     * {@link ExchangeAdapter#executionsSince(long)}. The default is {@code true}. Return {@code false} only if the
     * venue offers no execution history at all; the suite then checks that the adapter keeps the interface's
     * default, which fails the stage with {@link UnsupportedOperationException} (the host then leaves orders it
     * cannot account for to an operator instead of assuming them cancelled).
     */
    protected boolean venueReplaysExecutions() {
        return true;
    }

    /** Releases what {@link #createAdapter()} set up; called after each test, after disconnecting. */
    protected void closeAdapter(ExchangeAdapter adapter) throws Exception {
    }

    /** Deadline for each expected report or callback. */
    protected Duration timeout() {
        return Duration.ofSeconds(10);
    }

    /**
     * How long the suite watches to decide that something does <em>not</em> happen (market data after an
     * unsubscribe). Not used to synchronise.
     */
    protected Duration quietPeriod() {
        return Duration.ofMillis(300);
    }

    /** The attribution orders carry. */
    protected Attribution attribution() {
        return new Attribution("conformance", "conformance-trader", "CONFORMANCE", "conformance-desk", "PROP");
    }

    /** The quantity of one test order: one lot, or the minimum quantity if that is larger. */
    protected long unitQuantity() {
        Instrument instrument = instrument();
        long lot = instrument.lotSize();
        long min = instrument.minQuantity();
        return ((min + lot - 1) / lot) * lot;
    }

    // ---------------------------------------------------------------- life cycle

    @BeforeEach
    void connectAdapter() throws Exception {
        adapter = createAdapter();
        assertNotNull(adapter, "createAdapter() returned null");
        listener = new RecordingVenueListener();
        VenueCapabilities capabilities = adapter.capabilities();
        assertNotNull(capabilities, "capabilities() returned null; describe what the adapter supports");
        assumeTrue(capabilities.orderTypes().contains(OrderType.LIMIT),
                "the suite sends LIMIT orders, which this adapter does not support");
        timeInForce = capabilities.timesInForce().contains(TimeInForce.DAY) ? TimeInForce.DAY : TimeInForce.GTC;
        assumeTrue(capabilities.timesInForce().contains(timeInForce),
                "the suite needs resting orders (DAY or GTC), which this adapter does not support");
        adapter.connect(listener);
        listener.awaitConnected(1, timeout());
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (adapter != null && listener != null && listener.connectedCount() > listener.disconnectReasons().size()) {
                for (OpenOrder open : quietly(adapter.openOrders())) {
                    if (open.clientOrderId() != null && submitted.contains(open.clientOrderId())) {
                        adapter.cancel(new CancelRequest(nextId(), open.clientOrderId(), open.instrumentId(),
                                open.side(), open.venueOrderId(), attribution()));
                    }
                }
                adapter.disconnect();
            }
        } finally {
            if (adapter != null) {
                closeAdapter(adapter);
            }
        }
    }

    // ---------------------------------------------------------------- the tests

    @Test
    void describesItsVenueAndInstruments() {
        assertNotNull(adapter.venue(), "venue() returned null; it must name the venue for the adapter's whole life");
        assertEquals(adapter.venue().id(), instrument().id().venueId(),
                "instrument() " + instrument().id() + " does not trade on the adapter's venue " + adapter.venue().id()
                        + "; fix the test's instrument() or the adapter's venue()");
        List<Instrument> listed = await(adapter.instruments(), "instruments()");
        Optional<Instrument> same = listed.stream().filter(i -> i.id().equals(instrument().id())).findFirst();
        assertTrue(same.isPresent(), "instruments() does not list " + instrument().id() + "; it listed "
                + listed.stream().map(i -> i.id().toString()).toList());
        assertEquals(instrument().grid(), same.get().grid(), "instruments() gives " + instrument().id()
                + " another price/quantity grid than the venue's; convert tick and lot sizes exactly (Decimals)");
        for (Instrument each : listed) {
            assertEquals(adapter.venue().id(), each.id().venueId(), "instruments() lists " + each.id()
                    + ", which belongs to another venue than " + adapter.venue().id());
        }
    }

    @Test
    void acknowledgesAnOrderWithNew() {
        OrderRequest order = limit(Side.BUY, unitQuantity(), nonMarketablePrice(Side.BUY));
        Thread caller = Thread.currentThread();
        adapter.submit(order);
        ExecutionReport ack = firstOutcome(order.clientOrderId());
        expectExecType(ack, ExecType.NEW, "a resting limit order at " + describe(order.limitPrice()));
        assertEquals(OrderStatus.NEW, ack.status(), "the NEW report must have status NEW, was " + ack.status());
        assertEquals(order.quantity(), ack.orderQuantity(), "NEW report: orderQuantity must be the order's quantity");
        assertEquals(0, ack.cumQuantity(), "NEW report: nothing is filled yet, but cumQuantity = " + ack.cumQuantity());
        assertEquals(order.quantity(), ack.leavesQuantity(), "NEW report: leavesQuantity must be the whole quantity");
        assertEquals(order.instrument().id(), ack.instrumentId(), "NEW report names another instrument");
        assertEquals(order.side(), ack.side(), "NEW report names another side");
        assertNotNull(ack.venueOrderId(), "NEW report: set venueOrderId to the venue's id once the venue acknowledged");
        int index = listener.reports().indexOf(ack);
        assertNotSame(caller, listener.reportThreads().get(index), "the NEW report was delivered on the thread that"
                + " called submit(); deliver reports from the adapter's own threads (the host calls from its engine"
                + " thread, which must not be re-entered or blocked)");
        assertOpen(order.clientOrderId(), order.quantity(), order.limitPrice());
    }

    @Test
    void rejectsAnOffGridPrice() {
        Instrument venueCopy = instrument();
        long base = nonMarketablePrice(Side.BUY);
        long tick = venueCopy.tickTable().tickAt(base);
        assumeTrue(tick > 1, "the tick at " + describe(base) + " is one price unit, so no off-grid price exists");
        Instrument stale = Instruments.withGrid(venueCopy, new TradingGrid(venueCopy.priceScale(), TickTable.flat(1),
                venueCopy.quantityScale(), venueCopy.lotSize(), venueCopy.minQuantity()));
        long offGrid = base - tick + 1;
        OrderRequest order = OrderRequest.limit(nextId(), stale, Side.BUY, unitQuantity(), offGrid, timeInForce,
                attribution());
        submitted.add(order.clientOrderId());
        adapter.submit(order);
        ExecutionReport outcome = firstOutcome(order.clientOrderId());
        expectRejection(outcome, ExecType.REJECTED, RejectReason.INVALID_PRICE, "a price of "
                + describe(offGrid) + " between two ticks of the venue's grid (the host's reference data may be stale;"
                + " check prices against the venue's rules, or map the venue's price-filter error)");
    }

    @Test
    void rejectsAnOffLotQuantity() {
        Instrument venueCopy = instrument();
        long lot = venueCopy.lotSize();
        long quantity;
        if (lot > 1) {
            quantity = unitQuantity() + 1;
        } else {
            assumeTrue(venueCopy.minQuantity() > 1, "lot size and minimum quantity are one unit, so every positive"
                    + " quantity is valid");
            quantity = venueCopy.minQuantity() - 1;
        }
        Instrument stale = Instruments.withGrid(venueCopy, new TradingGrid(venueCopy.priceScale(),
                venueCopy.tickTable(), venueCopy.quantityScale(), 1, 1));
        OrderRequest order = OrderRequest.limit(nextId(), stale, Side.BUY, quantity, nonMarketablePrice(Side.BUY),
                timeInForce, attribution());
        submitted.add(order.clientOrderId());
        adapter.submit(order);
        ExecutionReport outcome = firstOutcome(order.clientOrderId());
        expectRejection(outcome, ExecType.REJECTED, RejectReason.INVALID_QUANTITY, "a quantity of "
                + venueCopy.describeQuantity(quantity) + " off the venue's lot size " + lot + " / minimum "
                + venueCopy.minQuantity() + " (check quantities against the venue's rules, or map its lot-size error)");
    }

    @Test
    void rejectsAnUnknownSymbol() {
        Instrument unknown = Instruments.withId(instrument(), InstrumentId.of("NO-SUCH-" + RUN,
                instrument().id().venueId()));
        OrderRequest order = OrderRequest.limit(nextId(), unknown, Side.BUY, unitQuantity(),
                nonMarketablePrice(Side.BUY), timeInForce, attribution());
        submitted.add(order.clientOrderId());
        adapter.submit(order);
        expectRejection(firstOutcome(order.clientOrderId()), ExecType.REJECTED, RejectReason.UNKNOWN_INSTRUMENT,
                "an order for " + unknown.id() + ", a symbol the venue does not list");
    }

    @Test
    void reportsPartialThenFullFillsWithExactAveragePrice() {
        long unit = unitQuantity();
        long limit = marketablePrice(Side.BUY);
        long better = instrument().tickTable().floor(limit - 1);
        assumeTrue(better > 0 || instrument().allowsNonPositivePrices(), "no valid price below " + describe(limit));
        assumeTrue(provideLiquidity(Side.BUY, better, unit), "provideLiquidity(...) is not implemented, so the"
                + " suite cannot arrange a partial fill");
        OrderRequest order = limit(Side.BUY, 3 * unit, limit);
        adapter.submit(order);
        ExecutionReport partial = listener.awaitReport("a TRADE report with status PARTIALLY_FILLED for "
                + order.clientOrderId() + " after " + instrument().describeQuantity(unit) + " was offered at "
                + describe(better), timeout(), r -> isFor(r, order.clientOrderId()) && r.execType() == ExecType.TRADE);
        assertEquals(OrderStatus.PARTIALLY_FILLED, partial.status(), "after a fill of " + partial.lastQuantity()
                + " of " + order.quantity() + " the status must be PARTIALLY_FILLED, was " + partial.status());
        assertEquals(unit, partial.cumQuantity(), "first fill: cumQuantity must equal the quantity offered");
        assertEquals(2 * unit, partial.leavesQuantity(), "first fill: leavesQuantity must be order quantity minus"
                + " cumQuantity");
        assertTrue(provideLiquidity(Side.BUY, limit, 2 * unit), "provideLiquidity(...) worked once, then failed");
        ExecutionReport filled = listener.awaitReport("a TRADE report with status FILLED for " + order.clientOrderId(),
                timeout(), r -> isFor(r, order.clientOrderId()) && r.status() == OrderStatus.FILLED);
        checkFills(order, filled);
    }

    @Test
    void reportsAFullFill() {
        OrderRequest order = limit(Side.BUY, unitQuantity(), marketablePrice(Side.BUY));
        ExecutionReport filled = fill(order, List.of(order.limitPrice()));
        checkFills(order, filled);
        assertTrue(quietly(adapter.openOrders()).stream().noneMatch(o -> order.clientOrderId().equals(o.clientOrderId())),
                "openOrders() still lists " + order.clientOrderId() + " after it was filled");
    }

    @Test
    void reportsEachFillWithItsOwnExecIdAndAFee() {
        long unit = unitQuantity();
        long limit = marketablePrice(Side.BUY);
        long better = instrument().tickTable().floor(limit - 1);
        // Two offers at two prices, where the venue can be arranged, so that one order fills twice.
        List<Long> offers = better > 0 || instrument().allowsNonPositivePrices() ? List.of(better, limit)
                : List.of(limit, limit);
        OrderRequest twice = limit(Side.BUY, 2 * unit, limit);
        fill(twice, offers);
        OrderRequest once = limit(Side.BUY, unit, limit);
        fill(once, List.of(limit));
        List<ExecutionReport> trades = new ArrayList<>(trades(twice.clientOrderId()));
        trades.addAll(trades(once.clientOrderId()));
        Set<String> execIds = new HashSet<>();
        for (ExecutionReport trade : trades) {
            assertNotNull(trade.execId(), "TRADE report without execId: " + trade);
            assertTrue(execIds.add(trade.execId()), "two fills share execId " + trade.execId() + " (orders "
                    + twice.clientOrderId() + " and " + once.clientOrderId() + "); use the venue's id of each"
                    + " execution, unique across the session's orders: the host books each execId once and drops"
                    + " the second as a duplicate. Fills: " + describeTrades(trades));
            assertNotNull(trade.fee(), "TRADE report " + trade.execId() + " carries no fee; report what the venue"
                    + " charged for the fill (zero if it charged nothing): the host books it and strategies see it."
                    + " Report: " + trade);
        }
    }

    @Test
    void replaysFillsWithTheirLiveExecIds() {
        long before = System.currentTimeMillis() * 1_000_000L;
        OrderRequest order = limit(Side.BUY, unitQuantity(), marketablePrice(Side.BUY));
        fill(order, List.of(order.limitPrice()));
        List<ExecutionReport> live = trades(order.clientOrderId());
        List<ExecutionReport> all = listener.reports().stream().filter(r -> isFor(r, order.clientOrderId())).toList();
        long first = Math.min(before, all.stream().mapToLong(ExecutionReport::transactTimeNanos).min().orElseThrow());
        long last = all.stream().mapToLong(ExecutionReport::transactTimeNanos).max().orElseThrow();
        String call = "executionsSince(" + first + ")";
        if (!venueReplaysExecutions()) {
            expectUnsupported(adapter.executionsSince(first), call);
            return;
        }
        List<ExecutionReport> replayed = replay(adapter.executionsSince(first), call).stream()
                .filter(r -> isFor(r, order.clientOrderId())).toList();
        List<ExecutionReport> replayedTrades = replayed.stream().filter(r -> r.execType() == ExecType.TRADE).toList();
        assertEquals(live.stream().map(ExecutionReport::execId).toList(),
                replayedTrades.stream().map(ExecutionReport::execId).toList(), call + " must list the fills of "
                        + order.clientOrderId() + ", made after that instant, with the execIds of the live reports"
                        + " and in the venue's order: the host recognises a fill it already booked only by its execId."
                        + " Live: " + describeTrades(live) + "; replayed: " + describeTrades(replayedTrades));
        for (int i = 0; i < live.size(); i++) {
            ExecutionReport was = live.get(i);
            ExecutionReport again = replayedTrades.get(i);
            String what = call + ": the replay of fill " + was.execId() + " of " + order.clientOrderId();
            assertNull(again.orderId(), what + " sets orderId; leave it null, the host fills it in");
            assertEquals(was.lastQuantity(), again.lastQuantity(), what + " has another lastQuantity");
            assertEquals(was.lastPrice(), again.lastPrice(), what + " has another lastPrice");
            assertEquals(was.fee(), again.fee(), what + " has another fee");
        }
        assertTrue(replayed.stream().anyMatch(r -> r.status() == OrderStatus.FILLED), call + " must list how "
                + order.clientOrderId() + " ended (its last fill, with status FILLED), so that the host does not"
                + " take a filled order missing from openOrders() for a cancelled one. Replayed: " + replayed);
        List<ExecutionReport> afterwards = replay(adapter.executionsSince(last + 1), "executionsSince(" + (last + 1)
                + ")").stream().filter(r -> isFor(r, order.clientOrderId())).toList();
        assertTrue(afterwards.isEmpty(), "executionsSince(" + (last + 1) + "), an instant after the last report of "
                + order.clientOrderId() + ", must not list it (executions at or after the instant, by transact"
                + " time), but listed " + afterwards);
    }

    @Test
    void cancelsAWorkingOrder() {
        OrderRequest order = restingBuy(unitQuantity());
        CancelRequest cancel = new CancelRequest(nextId(), order.clientOrderId(), order.instrument().id(),
                order.side(), null, attribution());
        adapter.cancel(cancel);
        ExecutionReport outcome = listener.awaitReport("a CANCELED or CANCEL_REJECTED report for the cancel "
                + cancel.clientOrderId() + " of " + order.clientOrderId(), timeout(),
                r -> r.execType() == ExecType.CANCELED || r.execType() == ExecType.CANCEL_REJECTED);
        expectExecType(outcome, ExecType.CANCELED, "a cancel of the working order " + order.clientOrderId());
        assertEquals(OrderStatus.CANCELED, outcome.status(), "CANCELED report: status must be CANCELED");
        assertEquals(0, outcome.leavesQuantity(), "CANCELED report: leavesQuantity must be 0");
        assertEquals(order.clientOrderId(), outcome.originalClientOrderId(), "CANCELED report: originalClientOrderId"
                + " must be the cancelled order's id " + order.clientOrderId());
        assertEquals(cancel.clientOrderId(), outcome.clientOrderId(), "CANCELED report: clientOrderId must be the"
                + " cancel request's own id " + cancel.clientOrderId() + " (FIX ClOrdID of the cancel)");
        assertTrue(quietly(adapter.openOrders()).stream().noneMatch(o -> order.clientOrderId().equals(o.clientOrderId())),
                "openOrders() still lists " + order.clientOrderId() + " after it was cancelled");
    }

    @Test
    void replacesAWorkingOrder() {
        assumeTrue(adapter.capabilities().replaceSupported(), "capabilities() says replace is not supported");
        OrderRequest order = restingBuy(unitQuantity());
        long newPrice = instrument().tickTable().floor(order.limitPrice() - 1);
        long newQuantity = 2 * unitQuantity();
        ReplaceRequest replace = new ReplaceRequest(nextId(), order.clientOrderId(), instrument(), Side.BUY,
                newQuantity, newPrice, ReplaceRequest.UNCHANGED, null, attribution());
        submitted.add(replace.clientOrderId());
        adapter.replace(replace);
        ExecutionReport outcome = listener.awaitReport("a REPLACED or REPLACE_REJECTED report for " + order.clientOrderId(),
                timeout(), r -> r.execType() == ExecType.REPLACED || r.execType() == ExecType.REPLACE_REJECTED);
        expectExecType(outcome, ExecType.REPLACED, "a replace of " + order.clientOrderId() + " to "
                + instrument().describeQuantity(newQuantity) + " at " + describe(newPrice));
        assertEquals(replace.clientOrderId(), outcome.clientOrderId(), "REPLACED report: clientOrderId must be the"
                + " new id " + replace.clientOrderId());
        assertEquals(order.clientOrderId(), outcome.originalClientOrderId(), "REPLACED report: originalClientOrderId"
                + " must be the replaced id " + order.clientOrderId());
        assertEquals(newQuantity, outcome.orderQuantity(), "REPLACED report: orderQuantity must be the new total");
        assertEquals(newQuantity, outcome.leavesQuantity(), "REPLACED report: nothing filled, so leavesQuantity must"
                + " be the new total");
        assertTrue(!outcome.status().isTerminal(), "REPLACED report: the order keeps working, but status is "
                + outcome.status());
        assertOpen(replace.clientOrderId(), newQuantity, newPrice);
        CancelRequest cancel = new CancelRequest(nextId(), replace.clientOrderId(), instrument().id(), Side.BUY,
                null, attribution());
        adapter.cancel(cancel);
        ExecutionReport canceled = listener.awaitReport("a CANCELED or CANCEL_REJECTED report for "
                + replace.clientOrderId(), timeout(), r -> replace.clientOrderId().equals(r.originalClientOrderId())
                        && (r.execType() == ExecType.CANCELED || r.execType() == ExecType.CANCEL_REJECTED));
        expectExecType(canceled, ExecType.CANCELED, "a cancel under the order's new id " + replace.clientOrderId());
    }

    @Test
    void rejectsACancelOfAnUnknownOrder() {
        ClientOrderId unknown = nextId();
        CancelRequest cancel = new CancelRequest(nextId(), unknown, instrument().id(), Side.BUY, null, attribution());
        adapter.cancel(cancel);
        ExecutionReport outcome = listener.awaitReport("a CANCEL_REJECTED report for the cancel of " + unknown
                + ", an order that never existed", timeout(), r -> isFor(r, cancel.clientOrderId())
                        || unknown.equals(r.originalClientOrderId()) || unknown.equals(r.clientOrderId()));
        expectRejection(outcome, ExecType.CANCEL_REJECTED, RejectReason.UNKNOWN_ORDER, "a cancel of "
                + unknown + ", which the venue does not know");
        assertEquals(unknown, outcome.originalClientOrderId(), "CANCEL_REJECTED report: originalClientOrderId must be"
                + " the id the cancel named");
    }

    @Test
    void rejectsADuplicateClientOrderId() {
        OrderRequest order = restingBuy(unitQuantity());
        long otherPrice = instrument().tickTable().floor(order.limitPrice() - 1);
        OrderRequest duplicate = OrderRequest.limit(order.clientOrderId(), instrument(), Side.BUY, unitQuantity(),
                otherPrice, timeInForce, attribution());
        int before = listener.reports().size();
        adapter.submit(duplicate);
        ExecutionReport outcome = listener.awaitReportFrom(before, "a report for the second order with id "
                + order.clientOrderId(), timeout(), r -> isFor(r, order.clientOrderId()));
        expectRejection(outcome, ExecType.REJECTED, RejectReason.DUPLICATE_CLIENT_ORDER_ID,
                "a second order with the client order id " + order.clientOrderId() + " of a working order");
        assertOpen(order.clientOrderId(), order.quantity(), order.limitPrice());
    }

    @Test
    void reconnectsAndReconcilesOpenOrders() {
        OrderRequest order = restingBuy(unitQuantity());
        adapter.disconnect();
        listener.awaitDisconnected(1, timeout());
        adapter.connect(listener);
        listener.awaitConnected(2, timeout());
        assertOpen(order.clientOrderId(), order.quantity(), order.limitPrice());
    }

    @Test
    void recoversFromAConnectionLoss() {
        OrderRequest order = restingBuy(unitQuantity());
        assumeTrue(dropConnection(adapter), "dropConnection(...) is not implemented");
        listener.awaitDisconnected(1, timeout());
        listener.awaitConnected(2, timeout());
        assertOpen(order.clientOrderId(), order.quantity(), order.limitPrice());
    }

    @Test
    void rejectsOrdersWhileDisconnected() {
        adapter.disconnect();
        listener.awaitDisconnected(1, timeout());
        OrderRequest order = limit(Side.BUY, unitQuantity(), nonMarketablePrice(Side.BUY));
        adapter.submit(order);
        expectRejection(firstOutcome(order.clientOrderId()), ExecType.REJECTED, RejectReason.VENUE_DISCONNECTED,
                "an order sent after disconnect()");
    }

    @Test
    void streamsMarketDataUntilUnsubscribed() {
        Set<MarketDataType> types = adapter.capabilities().marketDataTypes();
        assumeTrue(!types.isEmpty(), "capabilities() lists no market data types");
        InstrumentId id = instrument().id();
        for (MarketDataType type : types) {
            int from = listener.marketData().size();
            adapter.subscribe(id, type);
            // The subscription travels asynchronously; ask the venue to publish until something arrives.
            long deadline = System.nanoTime() + timeout().toNanos();
            do {
                publishMarketData(type);
            } while (!listener.waitUpTo(Duration.ofMillis(50), () -> listener.marketData().stream().skip(from)
                    .anyMatch(event -> is(type, id, event))) && System.nanoTime() < deadline);
            Object first = listener.awaitMarketData(from, type + " for " + id + " after subscribe(" + id + ", "
                    + type + ")", timeout(), event -> is(type, id, event));
            if (type == MarketDataType.BOOK_DELTAS) {
                assertTrue(((OrderBookDeltaRecord) first).clearsBook(), "a book subscription must begin with a"
                        + " clearing delta (clearsBook = true), but the first delta was " + first);
            }
            adapter.unsubscribe(id, type);
            observe(quietPeriod());
            int settled = count(type, id);
            publishMarketData(type);
            observe(quietPeriod());
            assertEquals(settled, count(type, id), type + " for " + id + " kept arriving after unsubscribe(" + id
                    + ", " + type + ")");
        }
    }

    @Test
    void refusesNullArguments() {
        // The trading status a venue reports for its instruments after it connects may still be arriving: it is not
        // an answer to these calls.
        observe(quietPeriod());
        int before = listener.events().size();
        expectProgrammingError(() -> adapter.submit(null), "submit(null)");
        expectProgrammingError(() -> adapter.cancel(null), "cancel(null)");
        expectProgrammingError(() -> adapter.replace(null), "replace(null)");
        expectProgrammingError(() -> adapter.subscribe(null, MarketDataType.TRADES), "subscribe(null, TRADES)");
        expectProgrammingError(() -> adapter.subscribe(instrument().id(), null), "subscribe(id, null)");
        observe(quietPeriod());
        List<RecordingVenueListener.Event> all = listener.events();
        List<RecordingVenueListener.Event> after = all.subList(before, all.size()).stream()
                .filter(event -> !event.kind().equals("onInstrumentStatus")).toList();
        assertEquals(List.of(), after, "null arguments are programming errors: throw, and report nothing. The"
                + " adapter reported " + after);
    }

    @Test
    void refusesAnInstrumentOfAnotherVenue() {
        String otherVenue = adapter.venue().id().equals("OTHERVENUE") ? "ELSEWHERE" : "OTHERVENUE";
        Instrument foreign = Instruments.withId(instrument(), InstrumentId.of(instrument().id().symbol(), otherVenue));
        OrderRequest order = OrderRequest.limit(nextId(), foreign, Side.BUY, unitQuantity(),
                nonMarketablePrice(Side.BUY), timeInForce, attribution());
        try {
            adapter.submit(order);
        } catch (IllegalArgumentException expected) {
            return;
        }
        submitted.add(order.clientOrderId());
        ExecutionReport outcome = firstOutcome(order.clientOrderId());
        expectRejection(outcome, ExecType.REJECTED, RejectReason.UNKNOWN_INSTRUMENT, "an order for " + foreign.id()
                + " of another venue (or throw IllegalArgumentException at the call)");
    }

    // ---------------------------------------------------------------- helpers for subclasses and tests

    /** A fresh client order id, unique within the JVM and very likely across runs. */
    protected final ClientOrderId nextId() {
        return ClientOrderId.of("ck" + RUN + "-" + SEQUENCE.incrementAndGet());
    }

    /** A limit order on {@link #instrument()} with a fresh id, remembered for clean-up. */
    protected final OrderRequest limit(Side side, long quantity, long price) {
        OrderRequest order = OrderRequest.limit(nextId(), instrument(), side, quantity, price, timeInForce,
                attribution());
        submitted.add(order.clientOrderId());
        return order;
    }

    /** Submits a non-marketable buy and waits for its NEW report. */
    protected final OrderRequest restingBuy(long quantity) {
        OrderRequest order = limit(Side.BUY, quantity, nonMarketablePrice(Side.BUY));
        adapter.submit(order);
        expectExecType(firstOutcome(order.clientOrderId()), ExecType.NEW, "a resting limit order at "
                + describe(order.limitPrice()));
        return order;
    }

    /**
     * Submits a marketable buy, first offering its quantity at {@code offerPrices} (split evenly) where the venue
     * can be arranged, and waits until it is FILLED.
     *
     * @return the report that ended it
     */
    private ExecutionReport fill(OrderRequest order, List<Long> offerPrices) {
        long each = order.quantity() / offerPrices.size();
        for (long price : offerPrices) {
            if (!provideLiquidity(Side.BUY, price, each)) {
                break;
            }
        }
        adapter.submit(order);
        ExecutionReport filled = listener.awaitReport("a TRADE report with status FILLED for a marketable buy at "
                + describe(order.limitPrice()), timeout(), r -> isFor(r, order.clientOrderId())
                        && r.status().isTerminal());
        assertEquals(OrderStatus.FILLED, filled.status(), "a marketable order should fill; the adapter ended it with "
                + filled.execType() + "/" + filled.status()
                + (filled.text() == null ? "" : " (" + filled.text() + ")"));
        return filled;
    }

    private List<ExecutionReport> trades(ClientOrderId id) {
        return listener.reports().stream().filter(r -> isFor(r, id) && r.execType() == ExecType.TRADE).toList();
    }

    private static String describeTrades(List<ExecutionReport> trades) {
        return trades.stream().map(t -> t.execId() + " " + t.clientOrderId() + " " + t.lastQuantity() + "@"
                + t.lastPrice() + " fee " + t.fee()).toList().toString();
    }

    private List<ExecutionReport> replay(CompletionStage<List<ExecutionReport>> stage, String call) {
        assertNotNull(stage, call + " returned null instead of a CompletionStage");
        try {
            List<ExecutionReport> reports = stage.toCompletableFuture().get(timeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            assertNotNull(reports, call + " completed with null; complete with an empty list");
            return reports;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnsupportedOperationException) {
                return fail(call + " failed with " + e.getCause() + ". Implement executionsSince from the venue's"
                        + " execution history; if the venue has none, override venueReplaysExecutions() to return"
                        + " false in this test", e.getCause());
            }
            return fail(call + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            return fail(call + " did not complete within " + timeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted waiting for " + call);
        }
    }

    private void expectUnsupported(CompletionStage<List<ExecutionReport>> stage, String call) {
        assertNotNull(stage, call + " returned null instead of a CompletionStage");
        try {
            List<ExecutionReport> reports = stage.toCompletableFuture().get(timeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            fail("venueReplaysExecutions() says the venue cannot replay executions, but " + call + " completed with "
                    + (reports == null ? "null" : reports.size() + " reports") + ". Remove the override if the"
                    + " adapter replays, or keep ExchangeAdapter's default executionsSince if it cannot");
        } catch (ExecutionException e) {
            assertTrue(e.getCause() instanceof UnsupportedOperationException, call + " of an adapter whose venue"
                    + " cannot replay executions must fail with UnsupportedOperationException (the host then flags"
                    + " missing orders for an operator), but failed with " + e.getCause());
        } catch (TimeoutException e) {
            fail(call + " did not complete within " + timeout().toMillis() + " ms; an adapter that cannot replay"
                    + " fails the stage at once with UnsupportedOperationException");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted waiting for " + call);
        }
    }

    private ExecutionReport firstOutcome(ClientOrderId id) {
        return listener.awaitReport("a NEW or REJECTED report for order " + id, timeout(),
                r -> isFor(r, id) && r.execType() != ExecType.PENDING_NEW);
    }

    private static boolean isFor(ExecutionReport report, ClientOrderId id) {
        return id.equals(report.clientOrderId());
    }

    private void expectExecType(ExecutionReport report, ExecType expected, String situation) {
        assertNull(report.orderId(), "reports from adapters leave orderId null (the host fills it in), but it was "
                + report.orderId());
        if (report.execType() != expected) {
            fail("For " + situation + " the adapter should report " + expected + ", but reported "
                    + report.execType() + (report.rejectReason() == null ? "" : " " + report.rejectReason())
                    + (report.text() == null ? "" : " (\"" + report.text() + "\")") + ". Report: " + report);
        }
    }

    private void expectRejection(ExecutionReport report, ExecType expected, RejectReason reason, String situation) {
        expectExecType(report, expected, situation);
        if (report.rejectReason() != reason) {
            fail("For " + situation + " the " + expected + " report should carry RejectReason " + reason
                    + " so that the host and strategies can act on it, but it carried " + report.rejectReason()
                    + (report.text() == null ? "" : " (\"" + report.text() + "\")")
                    + ". Map the venue's error codes to RejectReason.");
        }
    }

    private void checkFills(OrderRequest order, ExecutionReport last) {
        List<ExecutionReport> trades = listener.reports().stream()
                .filter(r -> isFor(r, order.clientOrderId()) && r.execType() == ExecType.TRADE).toList();
        long cum = 0;
        long cumPriceQuantity = 0;
        Set<String> execIds = new HashSet<>();
        for (ExecutionReport trade : trades) {
            assertTrue(execIds.add(trade.execId()), "two TRADE reports share execId " + trade.execId()
                    + "; the host drops the second as a duplicate");
            long worst = order.limitPrice();
            assertTrue(order.side().isBuy() ? trade.lastPrice() <= worst : trade.lastPrice() >= worst,
                    "fill at " + describe(trade.lastPrice()) + " is worse than the limit " + describe(worst));
            cum += trade.lastQuantity();
            cumPriceQuantity += trade.lastPrice() * trade.lastQuantity();
            assertEquals(cum, trade.cumQuantity(), "TRADE " + trade.execId() + ": cumQuantity must be the sum of"
                    + " lastQuantity over the fills so far");
            assertEquals(order.quantity() - cum, trade.leavesQuantity(), "TRADE " + trade.execId()
                    + ": leavesQuantity must be orderQuantity - cumQuantity while the order works");
            assertEquals(cumPriceQuantity, trade.cumPriceQuantity(), "TRADE " + trade.execId() + ": cumPriceQuantity"
                    + " must be the exact sum of lastPrice x lastQuantity over the fills so far (use"
                    + " ExecutionReport.Builder.fill on the previous report; never derive it from a rounded average)");
            assertEquals(trade.leavesQuantity() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED,
                    trade.status(), "TRADE " + trade.execId() + " with leavesQuantity " + trade.leavesQuantity()
                            + " has the wrong status");
        }
        assertEquals(order.quantity(), cum, "the fills add up to " + cum + " but the order was for "
                + order.quantity());
        assertEquals(order.quantity(), last.cumQuantity(), "FILLED report: cumQuantity must be the order quantity");
        assertEquals(cumPriceQuantity / cum, last.averagePrice(RoundingMode.DOWN).getAsLong(),
                "average price from the FILLED report differs from the fills' exact average");
    }

    private void assertOpen(ClientOrderId id, long quantity, long price) {
        List<OpenOrder> open = quietly(adapter.openOrders());
        Optional<OpenOrder> found = open.stream().filter(o -> id.equals(o.clientOrderId())).findFirst();
        assertTrue(found.isPresent(), "openOrders() must list the working order " + id + " (the host reconciles"
                + " with it after a reconnect); it listed " + open.stream().map(o -> o.clientOrderId() + "/"
                        + o.venueOrderId()).toList());
        OpenOrder order = found.get();
        assertEquals(quantity, order.quantity(), "openOrders(): quantity of " + id);
        assertEquals(price, order.limitPrice(), "openOrders(): limitPrice of " + id);
        assertEquals(quantity - order.cumQuantity(), order.leavesQuantity(), "openOrders(): leavesQuantity of " + id);
        assertEquals(instrument().id(), order.instrumentId(), "openOrders(): instrumentId of " + id);
    }

    private <T> T await(CompletionStage<T> stage, String what) {
        assertNotNull(stage, what + " returned null instead of a CompletionStage");
        try {
            return stage.toCompletableFuture().get(timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail(what + " did not complete within " + timeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            return fail(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted waiting for " + what);
        }
    }

    private List<OpenOrder> quietly(CompletionStage<List<OpenOrder>> stage) {
        List<OpenOrder> orders = await(stage, "openOrders()");
        assertNotNull(orders, "openOrders() completed with null; complete with an empty list");
        return orders;
    }

    private void expectProgrammingError(Runnable call, String what) {
        try {
            call.run();
        } catch (NullPointerException | IllegalArgumentException expected) {
            return;
        }
        fail(what + " returned normally; a null argument is a programming error and must throw"
                + " NullPointerException or IllegalArgumentException at the call");
    }

    private static boolean is(MarketDataType type, InstrumentId id, Object event) {
        switch (type) {
            case TRADES:
                return event instanceof TradeRecord t && t.instrumentId().equals(id);
            case TOP_OF_BOOK:
                return event instanceof TopOfBookRecord q && q.instrumentId().equals(id);
            case BOOK_DELTAS:
                return event instanceof OrderBookDeltaRecord d && d.instrumentId().equals(id);
            default:
                return false;
        }
    }

    private int count(MarketDataType type, InstrumentId id) {
        return (int) listener.marketData().stream().filter(event -> is(type, id, event)).count();
    }

    /** Watches for {@code period}; used only to show that something does not happen. */
    private static void observe(Duration period) {
        long deadline = System.nanoTime() + period.toNanos();
        for (long left = period.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private String describe(long price) {
        return instrument().describePrice(price);
    }

    /** The predicate form of "a report for this order", for subclasses that add venue-specific tests. */
    protected static Predicate<ExecutionReport> reportFor(ClientOrderId id) {
        return r -> isFor(r, id);
    }
}
