package io.alphintra.engine.internal;

import io.alphintra.config.support.InvalidConfigurationException;
import io.alphintra.alerts.Alert;
import io.alphintra.alerts.AlertService;
import io.alphintra.alerts.Severity;
import io.alphintra.engine.AccountView;
import io.alphintra.engine.EngineListener;
import io.alphintra.engine.KillScope;
import io.alphintra.engine.internal.account.AccountChange;
import io.alphintra.engine.internal.account.AccountDirectory;
import io.alphintra.engine.internal.account.AccountTable;
import io.alphintra.engine.KillSwitchState;
import io.alphintra.engine.MarketLine;
import io.alphintra.engine.EngineStatistics;
import io.alphintra.engine.OrderPage;
import io.alphintra.engine.OrderQuery;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.PositionView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.engine.internal.core.EngineAlerts;
import io.alphintra.engine.internal.core.EngineClock;
import io.alphintra.engine.internal.core.EngineCore;
import io.alphintra.engine.internal.core.EngineGateInputs;
import io.alphintra.engine.internal.core.EngineLoop;
import io.alphintra.engine.internal.core.MarketCache;
import io.alphintra.engine.internal.core.OrderGate;
import io.alphintra.engine.internal.core.PluginWatchdog;
import io.alphintra.engine.internal.core.PortfolioAccounts;
import io.alphintra.engine.internal.core.Snapshotter;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.engine.internal.snapshot.SnapshotInfo;
import io.alphintra.engine.internal.snapshot.SnapshotService;
import io.alphintra.engine.internal.strategy.AccountSource;
import io.alphintra.engine.internal.strategy.StrategyAudit;
import io.alphintra.engine.internal.strategy.StrategyHost;
import io.alphintra.engine.internal.strategy.StrategyOrderPath;
import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.alphintra.engine.JournalDiskUse;
import io.alphintra.engine.internal.journal.JournalArchive;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The trading engine of the node: recovers its orders from the journal, then runs the engine loop. Exchange
 * adapters, pre-trade checks and compliance rule sets are whiteboard services that can come and go while it runs;
 * a rule set replaces the previous one of its jurisdiction, and every decision records the version that made it.
 */
@Component(service = {TradingEngine.class, StrategyOrderPath.class, AccountSource.class, StrategyAudit.class,
        SnapshotService.class},
        configurationPid = EngineConfig.PID, immediate = true)
@Designate(ocd = EngineConfig.class)
public final class TradingEngineComponent implements TradingEngine, StrategyOrderPath, AccountSource, StrategyAudit,
        SnapshotService {
    private static final Logger LOG = LoggerFactory.getLogger(TradingEngineComponent.class);
    /** How long a clean stop waits for its snapshot: a book of millions of orders takes seconds to write. */
    private static final long STOP_SNAPSHOT_SECONDS = 120;

    private final EngineSettings settings;
    private final boolean watchWholeMarket;
    private final Journal journal;
    private final OrderGate gate;
    private final VenueLinks venues = new VenueLinks();
    private final MarketCache market = new MarketCache();
    private final EngineCore core;
    private final EngineLoop loop;
    private final PluginWatchdog watchdog;
    private final PortfolioAccounts accounts;
    /** The configured accounts; the engine takes each change on its own thread ({@link #accountsChanged}). */
    private final AccountDirectory accountDirectory;
    private final AccountDirectory.Listener accountListener = this::accountsChanged;
    /** Looks at the journal archive's size now and then; off the engine thread, as it walks a directory. */
    private final ScheduledExecutorService journalWatch = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "alphintra-journal-watch");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public TradingEngineComponent(BundleContext bundleContext, EngineConfig config, Map<String, Object> properties,
            @Reference AccountDirectory accountDirectory) throws IOException {
        Path home = Path.of(System.getProperty("karaf.home", "."));
        EngineSettings validated;
        try {
            validated = EngineSettings.from(config, properties, home);
        } catch (InvalidConfigurationException e) {
            // Never the shipped defaults instead: they name another journal directory, and a node trading on an
            // empty journal beside its real one would forget every order and position it had.
            String reason = "the engine did not start: " + e.getMessage() + ". Fix etc/" + EngineConfig.PID
                    + ".cfg and restart the node; the journal was not touched";
            EngineStartup.refused(reason);
            LOG.error(reason);
            throw new IllegalStateException(reason, e);
        }
        settings = validated;
        watchWholeMarket = settings.watchMarket();
        venues.cancelOnDisconnect(settings::cancelsOnDisconnect);
        String version = bundleContext.getBundle().getVersion().toString();
        journal = Journal.open(settings.journalDirectory(), settings.segmentBytes(), 1 << 20, settings.durability());
        watchdog = new PluginWatchdog(settings.pluginCallMillis());
        gate = new OrderGate(version, watchdog);
        accounts = new PortfolioAccounts(Currency.of("USD"));
        // Before recovery, so that the accounts the journal's fills intern get their configured base currency.
        accounts.table(accountDirectory.table());
        this.accountDirectory = accountDirectory;
        EngineLoop[] loopRef = new EngineLoop[1];
        core = new EngineCore(journal, gate, venues, accounts, new EngineCore.EngineListener() {
            @Override
            public void onReport(ExecutionReport report, String source, String strategyId) {
                loopRef[0].publish(report, source, strategyId);
            }

            @Override
            public boolean wantsReports() {
                return loopRef[0].hasListeners();
            }
        }, settings.expectedOrders(), settings.finishedOrdersKept());
        core.enableSnapshots(new Snapshotter(journal, settings.snapshotEveryRecords(), settings.journalRetention()));
        core.alertsTo(alerts);
        core.throttle(settings.maxMessagesPerSecondPerVenue(), settings.maxMessagesPerSecondPerAccount(),
                settings.maxMessagesPerSecondPerStrategy());
        core.expireHoldsAfter(settings.holdExpiryMillis());
        try {
            core.recover();
        } catch (IOException | RuntimeException e) {
            watchdog.close();
            journal.close();
            throw e;
        }
        OrderGate.Contexts contexts = new OrderGate.Contexts(accounts, market, core);
        loop = new EngineLoop(core, new EngineGateInputs(venues, contexts), market, EngineClock::nowNanos,
                settings.ringSize(), settings.waitStrategy());
        loopRef[0] = loop;
        loop.start();
        // Queued before any order can arrive (the services are registered once this constructor returns), so the
        // first order is decided with the configured accounts, journaled as this start's reference data.
        accountDirectory.listen(accountListener);
        EngineStartup.started();
        if (settings.holdExpiryMillis() > 0) {
            // Once a second: a held order expires at most a second late, and an idle engine pays one event a second.
            journalWatch.scheduleWithFixedDelay(() -> loop.change(engineCore -> engineCore.expireHolds(
                    EngineClock.nowNanos())), 1, 1, TimeUnit.SECONDS);
        }
        if (settings.archiveWarnMegabytes() > 0) {
            journalWatch.scheduleWithFixedDelay(this::warnOfALargeArchive, 1, 10, TimeUnit.MINUTES);
        }
        LOG.info("Trading engine started: journal {} ({}), last sequence {}", settings.journalDirectory(),
                settings.durability(), journal.lastSequence());
    }

    @Modified
    void modified(EngineConfig config, Map<String, Object> properties) {
        try {
            EngineSettings next = EngineSettings.from(config, properties,
                    Path.of(System.getProperty("karaf.home", ".")));
            if (!next.equals(settings)) {
                LOG.warn("Engine configuration changed to {}; it applies when the engine next starts", next);
            }
        } catch (InvalidConfigurationException e) {
            LOG.error("{}. Keeping the running configuration {}.", e.getMessage(), settings);
        }
    }

    /** A snapshot taken on the engine thread, so its cash and positions agree about every fill booked. */
    @Override
    public CompletionStage<AccountSnapshot> account(String accountId) {
        return loop.query(engineCore -> accounts.account(accountId));
    }

    /**
     * Takes changed account reference data on the engine thread: journaled (and committed) first, then in force, so
     * the journal holds each change before any order decided with it.
     */
    private void accountsChanged(List<AccountChange> changes, AccountTable table) {
        loop.change(engineCore -> {
            engineCore.accountsChanged(changes, EngineClock.nowNanos());
            accounts.table(table);
            return null;
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.error("The engine did not take {} account reference data changes ({}): {}", changes.size(),
                        failure.toString(), changes);
            }
        });
    }

    /** Journaled, so a quarantine stays on record with the orders it cancelled, across restarts. */
    @Override
    public void quarantined(String instanceId, String reason, long epochNanos) {
        alerts.raise("strategy.quarantine." + instanceId, true, "Strategy instance " + instanceId
                + " is quarantined: its working orders are cancelled and it sends nothing more until an operator"
                + " restarts it (alphintra:strategies start " + instanceId + "). Reason: " + reason);
        loop.change(engineCore -> {
            engineCore.strategyQuarantined(instanceId, reason, epochNanos);
            return null;
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.error("Could not journal the quarantine of strategy instance {} ({})", instanceId, reason,
                        failure);
            }
        });
    }

    /** On the engine thread after the batch in progress; answered once the file is durable. */
    @Override
    public CompletionStage<SnapshotInfo> snapshot() {
        return loop.query(EngineCore::requestSnapshot).thenCompose(answer -> answer);
    }

    @Deactivate
    void deactivate() {
        accountDirectory.unlisten(accountListener);
        journalWatch.shutdownNow();
        venues.disconnectAll();
        snapshotBeforeStop();
        loop.close();
        watchdog.close();
        try {
            journal.close();
        } catch (IOException e) {
            LOG.error("Closing the journal failed", e);
        }
    }

    /** So that the next start replays only what follows: a clean stop is the cheapest moment for it. */
    private void snapshotBeforeStop() {
        try {
            // The request is answered at once by a running engine thread; one that died on a failed journal never
            // answers, and the stop must not wait minutes for it.
            CompletionStage<SnapshotInfo> written = loop.query(EngineCore::requestSnapshot).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            SnapshotInfo info = written.toCompletableFuture().get(STOP_SNAPSHOT_SECONDS, TimeUnit.SECONDS);
            if (!info.written()) {
                LOG.info("No snapshot at stop: the newest covers journal sequence {} already", info.sequence());
            }
        } catch (TimeoutException e) {
            LOG.warn("No snapshot at stop: the engine thread did not answer in time; the next start replays the"
                    + " journal from the newest snapshot");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
            // Logged by the engine thread; the journal holds everything, the next start replays more.
            LOG.warn("No snapshot at stop: {}", e.getCause() == null ? e : e.getCause().toString());
        }
    }

    /** The alerts bundle; alerts raised while it is away are logged only (the engine logs each condition anyway). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AlertService alertService;

    private final EngineAlerts alerts = (key, critical, message) -> {
        AlertService service = alertService;
        if (service == null) {
            return;
        }
        try {
            service.raise(Alert.of(alertKey(key), critical ? Severity.CRITICAL : Severity.WARNING, "engine", message));
        } catch (RuntimeException e) {
            LOG.warn("Alert {} could not be raised: {}", key, e.toString());
        }
    };

    /** An alert key from ids that may hold what a key may not (spaces, control characters), at most its length. */
    private static String alertKey(String key) {
        String clean = key.replaceAll("[\\s\\p{Cntrl}]", "_");
        return clean.length() <= Alert.MAX_KEY ? clean : clean.substring(0, Alert.MAX_KEY);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExchangeAdapter(ExchangeAdapter adapter) {
        venues.add(adapter, loop, watchWholeMarket);
    }

    void removeExchangeAdapter(ExchangeAdapter adapter) {
        venues.remove(adapter);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPreTradeCheck(PreTradeCheck check) {
        gate.addCheck(check);
    }

    void removePreTradeCheck(PreTradeCheck check) {
        gate.removeCheck(check);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRuleSet(RuleSet ruleSet) {
        gate.putRuleSet(ruleSet);
        LOG.info("Compliance rule set {} version {} now decides for jurisdiction {}", ruleSet.id(), ruleSet.version(),
                ruleSet.jurisdiction());
    }

    void removeRuleSet(RuleSet ruleSet) {
        gate.removeRuleSet(ruleSet);
        LOG.warn("Compliance rule set {} version {} removed; orders for {} are rejected until another is installed",
                ruleSet.id(), ruleSet.version(), ruleSet.jurisdiction());
    }

    @Override
    public CompletionStage<ExecutionReport> submit(OrderRequest order, String source) {
        String refusal = strategyAttributionRefusal(order);
        return refusal == null ? loop.submit(order, source)
                : CompletableFuture.failedFuture(new IllegalArgumentException(refusal));
    }

    /** The exported path: refuses an order attributed to a strategy, which only the strategy host may send. */
    @Override
    public void send(OrderRequest order, String source) {
        String refusal = strategyAttributionRefusal(order);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        loop.send(order, source);
    }

    /** The strategy host's path ({@link StrategyOrderPath}, not exported): its orders carry their instance's id. */
    @Override
    public void sendAsStrategy(OrderRequest order, String source) {
        loop.send(order, source);
    }

    /** Published before the instance's first request, so the engine thread sets the rate before it counts one. */
    @Override
    public void throttleStrategy(String source, int maxMessagesPerSecond) {
        loop.change(engineCore -> {
            engineCore.throttleStrategy(source, maxMessagesPerSecond);
            return null;
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.warn("The message throttle of {} was not set ({}): the engine refuses its requests anyway",
                        source, failure.toString());
            }
        });
    }

    @Override
    public CompletionStage<Integer> engageKillSwitch(KillScope scope, String who, String reason) {
        return loop.change(core -> core.engageKillSwitch(scope, who, reason, EngineClock.nowNanos()));
    }

    @Override
    public CompletionStage<Boolean> resetKillSwitch(KillScope scope, String who) {
        return loop.change(core -> core.resetKillSwitch(scope, who, EngineClock.nowNanos()));
    }

    @Override
    public CompletionStage<List<KillSwitchState>> killSwitches() {
        return loop.query(EngineCore::killSwitches);
    }

    @Override
    public CompletionStage<List<io.alphintra.engine.CreditUsage>> credit() {
        return loop.query(engine -> engine.credit(EngineClock.nowNanos()));
    }

    @Override
    public CompletionStage<List<io.alphintra.engine.RiskFigures>> riskMonitor() {
        return loop.query(EngineCore::riskFigures);
    }

    /** The loss thresholds in force reach the engine thread whole, as a change journaled with what it engages. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unbindLossThresholds")
    void bindLossThresholds(io.alphintra.engine.internal.monitor.LossThresholdBook book) {
        book.listen(thresholds -> loop.change(engine -> {
            engine.riskThresholds(thresholds, EngineClock.nowNanos());
            return null;
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.error("Could not put the loss thresholds in force: {}", failure.toString());
            }
        }));
    }

    void unbindLossThresholds(io.alphintra.engine.internal.monitor.LossThresholdBook book) {
        book.listen(null);
        loop.change(engine -> {
            engine.riskThresholds(List.of(), EngineClock.nowNanos());
            return null;
        });
    }

    private static String strategyAttributionRefusal(OrderRequest order) {
        String strategyId = order.attribution().strategyId();
        return StrategyHost.OPERATOR_STRATEGY_ID.equals(strategyId) ? null : "attribution.strategyId = '"
                + strategyId + "': only the strategy host attributes orders to a strategy; other sources send"
                + " them as '" + StrategyHost.OPERATOR_STRATEGY_ID + "', attributed to their trader and account";
    }

    @Override
    public CompletionStage<ExecutionReport> cancel(ClientOrderId clientOrderId, String source) {
        return loop.cancel(clientOrderId, source);
    }

    @Override
    public CompletionStage<OrderView> releaseHeldOrder(ClientOrderId clientOrderId, String releasedBy,
                                                       String reason) {
        // A refusal is an answer, not a failure of the engine event: it travels as a value to here.
        return loop.change(core -> core.release(clientOrderId, releasedBy, reason, EngineClock.nowNanos()))
                .thenApply(release -> {
                    if (release == null) {
                        throw new java.util.concurrent.CompletionException(new IllegalArgumentException(
                                "no order held has client order id " + clientOrderId));
                    }
                    if (release.refusal() != null) {
                        throw new java.util.concurrent.CompletionException(
                                new IllegalStateException(release.refusal()));
                    }
                    return release.order();
                });
    }

    @Override
    public CompletionStage<ExecutionReport> replace(ClientOrderId clientOrderId, long newQuantity, long newLimitPrice,
                                                    long newStopPrice, String source) {
        return loop.replace(clientOrderId, newQuantity, newLimitPrice, newStopPrice, source);
    }

    @Override
    public CompletionStage<List<OrderView>> orders() {
        return loop.query(EngineCore::orders);
    }

    /** One hash lookup on the engine thread. */
    @Override
    public CompletionStage<Optional<OrderView>> order(ClientOrderId clientOrderId) {
        return loop.query(engineCore -> engineCore.orderView(clientOrderId));
    }

    /**
     * A budgeted walk on the engine thread ({@link EngineCore#orders(OrderQuery, long)}); a malformed cursor fails
     * the stage with {@link IllegalArgumentException} before anything reaches the engine thread.
     */
    @Override
    public CompletionStage<OrderPage> orders(OrderQuery query) {
        long below;
        try {
            below = EngineCore.parseCursor(query.cursor());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return loop.query(engineCore -> engineCore.orders(query, below));
    }

    @Override
    public EngineStatistics statistics() {
        return core.counters().statistics(loop.ringDepth(), loop.ringCapacity());
    }

    @Override
    public List<AccountView> accounts() {
        return accountDirectory.table().accounts().stream().map(account -> account.isBroken()
                ? new AccountView(account.id(), null, "NOT IN FORCE", null, List.of(), List.of(),
                        List.of(), List.of(), account.problem())
                : new AccountView(account.id(), account.owner(), account.status().word(),
                        account.baseCurrency().code(), account.cash().list(), account.margin().list(),
                        account.venues().values(), account.instruments().values().stream()
                                .map(Object::toString).toList(), null)).toList();
    }

    @Override
    public List<Venue> venues() {
        return venues.venues();
    }

    @Override
    public List<Instrument> instruments() {
        return venues.instruments();
    }

    @Override
    public CompletionStage<List<OpenOrder>> openOrders() {
        return loop.query(EngineCore::openOrders);
    }

    @Override
    public Optional<String> haltReason() {
        return loop.halted().map(Throwable::getMessage);
    }

    @Override
    public JournalDiskUse journalDiskUse() {
        try {
            return JournalArchive.diskUse(settings.journalDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the journal's disk use in " + settings.journalDirectory(), e);
        }
    }

    @Override
    public int pruneJournalArchive(Instant cutoff) {
        try {
            List<Path> deleted = JournalArchive.prune(settings.journalDirectory(), cutoff);
            LOG.info("Pruned {} archived journal segments last modified before {}: {}", deleted.size(), cutoff,
                    deleted);
            return deleted.size();
        } catch (IOException e) {
            throw new UncheckedIOException("pruning " + JournalArchive.archiveOf(settings.journalDirectory()), e);
        }
    }

    private void warnOfALargeArchive() {
        try {
            JournalDiskUse use = journalDiskUse();
            long limit = settings.archiveWarnMegabytes() * 1024L * 1024L;
            if (use.archivedBytes() > limit) {
                LOG.warn("The journal archive {} holds {} MB in {} segments, over archiveWarnMegabytes = {} ({} MB"
                        + " left on its disk). Prune what audit no longer needs: alphintra:journal-prune"
                        + " --older-than <days>",
                        JournalArchive.archiveOf(use.directory()), use.archivedBytes() >> 20, use.archivedSegments(),
                        settings.archiveWarnMegabytes(), use.usableBytes() >> 20);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not read the journal archive's size", e);
        }
    }

    @Override
    public Map<String, String> quarantinedPlugins() {
        return gate.quarantined();
    }

    @Override
    public CompletionStage<String> stateHash() {
        return loop.query(EngineCore::stateHash);
    }

    @Override
    public CompletionStage<List<MarketLine>> market() {
        return loop.query(core -> market.lines());
    }

    @Override
    public CompletionStage<List<PositionView>> positions() {
        return loop.query(core -> accounts.positions());
    }

    @Override
    public void addListener(EngineListener listener) {
        loop.addListener(listener);
    }

    @Override
    public void removeListener(EngineListener listener) {
        loop.removeListener(listener);
    }

    @Override
    public void subscribe(InstrumentId instrumentId, MarketDataType type) {
        venues.subscribe(instrumentId, type);
    }

    @Override
    public void unsubscribe(InstrumentId instrumentId, MarketDataType type) {
        venues.unsubscribe(instrumentId, type);
    }

    @Override
    public Optional<Instrument> instrument(InstrumentId instrumentId) {
        return venues.instrument(instrumentId);
    }

    @Override
    public Optional<Venue> venue(String venueId) {
        return Optional.ofNullable(venues.venue(venueId));
    }

    @Override
    public Map<Jurisdiction, List<RuleSet>> ruleSets() {
        return gate.ruleSets();
    }
}
