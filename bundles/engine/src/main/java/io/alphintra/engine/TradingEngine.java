package io.alphintra.engine;

import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The engine's one order path for the shell, the HTTP API and other server-side sources. Every call is queued to
 * the engine's single writer thread and answered asynchronously, so callers never block the engine and the engine
 * never blocks on them.
 */
@ProviderType
public interface TradingEngine {

    /**
     * Sends an order through the pre-trade gate to its venue.
     *
     * @param source who sends it, recorded with the order, e.g. {@code shell:admin}
     * @return the engine's first answer once it is durable: {@code PENDING_NEW} (accepted by the gate and on its way
     *     to the venue) or {@code REJECTED} with the reason and the check that rejected it
     */
    CompletionStage<ExecutionReport> submit(OrderRequest order, String source);

    /**
     * Sends an order through the same gate as {@link #submit}, for callers that learn its fate from an
     * {@link EngineListener} (the strategy host): no answer is kept for it, which spares the engine a future and
     * a report per order when nobody would read them.
     *
     * @since 1.1
     */
    default void send(OrderRequest order, String source) {
        submit(order, source);
    }

    /**
     * Asks the venue to cancel a working order; an order held for an override is cancelled at once, never having
     * reached the venue ({@code CANCELED}).
     *
     * @return {@code PENDING_CANCEL}, or {@code CANCEL_REJECTED} saying why not (unknown, finished, already pending)
     */
    CompletionStage<ExecutionReport> cancel(ClientOrderId clientOrderId, String source);

    /**
     * Releases an order a pre-trade check held for an override (a soft limit, PT3/PT4): journaled with who and when,
     * then the engine's own last checks (kill switch, venue connected, message throttles; not the plugin checks,
     * whose breach is what is overridden) and the order goes to its venue. Four eyes: the user releasing it must not
     * be the order's trader or its sender.
     *
     * @param releasedBy the person overriding, e.g. the shell's logged-in user {@code bob}
     * @param reason     why, for the audit trail; may be empty
     * @return once durable: the order as it now stands (released, on its way to the venue); completes exceptionally
     *     with {@link IllegalArgumentException} when no order held carries the id, and with
     *     {@link IllegalStateException} saying why when it is refused (not held, released by its own trader, a kill
     *     switch, the venue disconnected, a throttle): the order then stays as it was
     * @since 1.5
     */
    default CompletionStage<OrderView> releaseHeldOrder(ClientOrderId clientOrderId, String releasedBy,
                                                        String reason) {
        throw new UnsupportedOperationException("releaseHeldOrder");
    }

    /**
     * Asks the venue to change a working order's quantity (the new total, fills included) and/or prices;
     * {@code ReplaceRequest.UNCHANGED} keeps a value.
     *
     * @return {@code PENDING_REPLACE} (whose client order id the order carries once replaced), or
     *     {@code REPLACE_REJECTED} saying why not (finished, pending, off the instrument's grid)
     */
    CompletionStage<ExecutionReport> replace(ClientOrderId clientOrderId, long newQuantity, long newLimitPrice,
                                             long newStopPrice, String source);

    /**
     * The orders the engine holds, newest first: every working order and the most recently finished ones (the
     * engine's {@code finishedOrdersKept} setting); older finished orders are only in its journal.
     */
    CompletionStage<List<OrderView>> orders();

    /**
     * One order by any client order id it carried (its first, or one a replace gave it), if the engine still holds
     * it: a hash lookup on the engine thread.
     *
     * @since 1.6
     */
    default CompletionStage<Optional<OrderView>> order(ClientOrderId clientOrderId) {
        return java.util.concurrent.CompletableFuture.failedFuture(new UnsupportedOperationException("order"));
    }

    /**
     * A page of the orders the engine holds that match a query, newest first. Costs the engine thread a bounded
     * amount of work per call whatever the size of the book: serve API pages and single-order shell commands with
     * this, not with {@link #orders()}.
     *
     * @since 1.6
     */
    default CompletionStage<OrderPage> orders(OrderQuery query) {
        return java.util.concurrent.CompletableFuture.failedFuture(new UnsupportedOperationException("orders"));
    }

    /**
     * The engine's counters now, from any thread, without a call to the engine thread.
     *
     * @since 1.6
     */
    default EngineStatistics statistics() {
        throw new UnsupportedOperationException("statistics");
    }

    /** Working orders, oldest first. */
    CompletionStage<List<OpenOrder>> openOrders();

    /** Every position of every account and strategy, with realised and unrealised P&L. */
    CompletionStage<List<PositionView>> positions();

    /** The latest market of every instrument the engine receives data for, ordered by instrument. */
    CompletionStage<List<MarketLine>> market();

    /** Starts publishing to {@code listener}; see {@link EngineListener} for its contract. */
    void addListener(EngineListener listener);

    void removeListener(EngineListener listener);

    /**
     * Asks the instrument's venue for a kind of market data; subscriptions are counted, so each subscribe needs one
     * {@link #unsubscribe}.
     *
     * @throws IllegalArgumentException when no connected venue lists the instrument
     */
    void subscribe(InstrumentId instrumentId, MarketDataType type);

    void unsubscribe(InstrumentId instrumentId, MarketDataType type);

    /** Reference data of an instrument some connected venue lists. */
    Optional<Instrument> instrument(InstrumentId instrumentId);

    /**
     * The accounts configured, by id, as reference data.
     *
     * @since 1.6
     */
    default List<AccountView> accounts() {
        throw new UnsupportedOperationException("accounts");
    }

    /**
     * Every venue whose adapter is registered, by id.
     *
     * @since 1.6
     */
    default List<Venue> venues() {
        throw new UnsupportedOperationException("venues");
    }

    /**
     * Reference data of every instrument the connected venues list, by instrument id.
     *
     * @since 1.6
     */
    default List<Instrument> instruments() {
        throw new UnsupportedOperationException("instruments");
    }

    /**
     * A venue whose adapter is registered: its jurisdiction, currency and trading calendar.
     *
     * @since 1.1
     */
    Optional<Venue> venue(String venueId);

    /**
     * The compliance rule sets the gate holds, per jurisdiction, in the order they were installed: the last of each
     * list decides for its jurisdiction, and the one before it decides again if it is removed. A jurisdiction with
     * none is absent, and its orders are rejected ({@code NO_RULE_SET}).
     *
     * @since 1.2
     */
    default Map<Jurisdiction, List<RuleSet>> ruleSets() {
        return Map.of();
    }

    /**
     * Why the engine halted, when it has: its journal failed (a full disk, an I/O error) or its thread met a fatal
     * error. A halted engine refuses every order, cancel, replace and query at once with this reason; a restart
     * recovers every acknowledged order from the journal. Empty while the engine runs.
     *
     * @since 1.3
     */
    default Optional<String> haltReason() {
        return Optional.empty();
    }

    /**
     * The pre-trade checks and rule sets the gate quarantined after repeated faults (throwing, or overrunning their
     * time budget on the engine thread), by id, with why. A quarantined plugin rejects every order it would decide
     * until it is installed again.
     *
     * @since 1.3
     */
    default Map<String, String> quarantinedPlugins() {
        return Map.of();
    }

    /**
     * What the journal takes on disk: live segments, archived ones ({@code journalRetention = archive} keeps them for
     * audit and never prunes them by itself) and the space left.
     *
     * @since 1.3
     */
    default JournalDiskUse journalDiskUse() {
        throw new UnsupportedOperationException("journalDiskUse");
    }

    /**
     * Deletes the archived journal segments last modified before {@code cutoff}; never a live segment.
     *
     * @return how many segments were deleted
     * @since 1.3
     */
    default int pruneJournalArchive(Instant cutoff) {
        throw new UnsupportedOperationException("pruneJournalArchive");
    }

    /** A digest of the engine's orders and positions; equal after a restart that rebuilt them from the journal. */
    CompletionStage<String> stateHash();

    /**
     * Engages a kill switch (PT8): journaled at once; every working order in scope is cancelled and every new order
     * and replace in scope is refused ({@code KILL_SWITCH}) until {@link #resetKillSwitch}. An engaged switch survives
     * a restart.
     *
     * @param who    who engaged it, e.g. {@code shell:alice}
     * @param reason why, for the audit trail and operators; may be empty
     * @return once durable: how many cancels were sent
     * @since 1.4
     */
    CompletionStage<Integer> engageKillSwitch(KillScope scope, String who, String reason);

    /**
     * Resets a kill switch, journaled; orders in its scope are accepted again (other switches still apply).
     *
     * @return once durable: false when that scope was not engaged
     * @since 1.4
     */
    CompletionStage<Boolean> resetKillSwitch(KillScope scope, String who);

    /** @return the engaged kill switches, oldest first @since 1.4 */
    CompletionStage<List<KillSwitchState>> killSwitches();

    /**
     * The credit used per account, trader and strategy and currency now (PT1), as the credit check sees it; every
     * one that has used any today or has orders working, sorted by scope, id and currency.
     *
     * @since 1.5
     */
    CompletionStage<List<CreditUsage>> credit();

    /**
     * The live risk figures the engine keeps on its thread (P&amp;L, equity, peak, drawdown, exposure), of the whole
     * node and of every strategy and account that traded, per quote currency, with the loss thresholds in force and
     * their headroom. Built on request on the engine thread, between two events, so every line is as of one moment.
     *
     * @return node lines first, then strategies, then accounts, each by id and currency
     * @since 1.5
     */
    default CompletionStage<List<RiskFigures>> riskMonitor() {
        return java.util.concurrent.CompletableFuture.failedFuture(
                new UnsupportedOperationException("riskMonitor"));
    }
}
