package io.alphintra.engine.internal.strategy;

import io.alphintra.engine.StrategyType;
import io.alphintra.engine.TradingEngine;
import io.alphintra.engine.internal.core.CallScopedListener;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.strategy.Strategy;
import io.alphintra.sdk.strategy.StrategyFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs strategy instances: an instance runs while both its configuration ({@code io.alphintra.strategy} factory
 * configurations) and its type's {@link StrategyFactory} (a whiteboard service from a strategy bundle) are present.
 * Installing a strategy bundle and adding a configuration starts it on live data; removing either stops it, which
 * cancels its working orders and keeps its positions.
 *
 * <p>One runner per instance: a stopped or quarantined instance starts again only once the thread of its previous
 * run has ended. A callback that ignores the interrupt keeps that thread alive, but its context is revoked, so
 * nothing it does reaches the engine; a second runner beside it would share the instance's id and state file.
 *
 * <p>Account snapshots and the audit trail of quarantines come from the engine's {@link AccountSource} and
 * {@link StrategyAudit} services when it registers them; strategies run without them.
 */
@Component(service = StrategyHost.class, immediate = true)
public final class StrategyHost implements CallScopedListener {
    private static final Logger LOG = LoggerFactory.getLogger(StrategyHost.class);

    /**
     * The strategy id of the orders operators enter in the shell. No instance may take it, so no strategy's reports,
     * positions or clean-up on stop include them.
     */
    public static final String OPERATOR_STRATEGY_ID = "manual";

    /**
     * How long a start waits for the thread of the instance's previous run to end: a stopped instance's thread ends
     * once its {@code onStop} returned and its orders were swept, normally within milliseconds.
     */
    private static final long PREVIOUS_RUN_GRACE_MILLIS = 1000;

    /**
     * What operators see of an instance.
     *
     * @param reason why it stopped or was quarantined; null while it runs
     * @param since when it entered its state; null for an instance that has not run since the host started
     */
    public record InstanceView(String id, String type, String state, String reason, Instant since,
                               List<String> instruments, String accountId, String traderId, long ordersSent) {
    }

    private final TradingEngine engine;
    private final StrategyOrderPath orders;
    /** Set once the watchdog saw the engine halted and stopped every strategy; the watchdog thread only. */
    private boolean engineHalted;
    private final Path stateDirectory;
    private final Map<String, StrategyFactory> factories = new ConcurrentHashMap<>();
    /** The type each factory in use makes, with the bundle that registered it. */
    private final Map<String, StrategyType> types = new ConcurrentHashMap<>();
    private final Map<String, StrategySettings> configurations = new ConcurrentHashMap<>();
    private final Map<String, StrategyRunner> runners = new ConcurrentHashMap<>();
    /**
     * Runners no longer in {@link #runners} (the configuration changed or went, the type was uninstalled, a start
     * replaced them) while their thread may still live; the watchdog still supervises them, and forgets each once its
     * thread has ended.
     */
    private final Map<String, StrategyRunner> retiring = new ConcurrentHashMap<>();
    /** The runners as an array, so the engine thread visits them per event without an iterator. */
    private volatile StrategyRunner[] active = new StrategyRunner[0];
    private final AtomicReference<AccountSource> accountSource = new AtomicReference<>();
    private final AtomicReference<StrategyAudit> audit = new AtomicReference<>();
    private final AccountSource accounts = accountId -> {
        AccountSource source = accountSource.get();
        if (source == null) {
            throw new IllegalStateException("the engine provides no account snapshots (no AccountSource service)");
        }
        return source.account(accountId);
    };
    private final StrategyAudit auditTrail = (instanceId, reason, epochNanos) -> {
        StrategyAudit target = audit.get();
        if (target != null) {
            target.quarantined(instanceId, reason, epochNanos);
        }
    };
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "alphintra-strategy-timers");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public StrategyHost(@Reference TradingEngine engine, @Reference StrategyOrderPath orders) {
        this.engine = engine;
        this.orders = orders;
        this.stateDirectory = Path.of(System.getProperty("karaf.home", "."), "var", "strategies");
        engine.addListener(this);
        timers.scheduleWithFixedDelay(this::watchdog, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    synchronized void deactivate() {
        engine.removeListener(this);
        runners.values().forEach(runner -> runner.stop("the strategy host is stopping"));
        runners.clear();
        retiring.clear();
        active = new StrategyRunner[0];
        timers.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAccountSource(AccountSource source) {
        accountSource.set(source);
    }

    void unsetAccountSource(AccountSource source) {
        accountSource.compareAndSet(source, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setStrategyAudit(StrategyAudit target) {
        audit.set(target);
    }

    void unsetStrategyAudit(StrategyAudit target) {
        audit.compareAndSet(target, null);
    }

    /** @param reference the factory's registration, which names the bundle that provides the type */
    @Reference(name = "strategyFactory", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeStrategyFactory")
    void bindStrategyFactory(ServiceReference<StrategyFactory> reference, StrategyFactory factory) {
        // Null once the bundle has unregistered the service again, in the moment between its going and this call.
        Bundle provider = reference.getBundle();
        install(factory, provider == null ? "(uninstalled)" : provider.getSymbolicName(),
                provider == null ? "" : provider.getVersion().toString());
    }

    /** Installs a type outside a framework (benchmarks, tests), where no bundle provides it. */
    void addStrategyFactory(StrategyFactory factory) {
        install(factory, "(no bundle)", "");
    }

    private synchronized void install(StrategyFactory factory, String bundle, String bundleVersion) {
        String type = factory.type();
        StrategyFactory previous = factories.putIfAbsent(type, factory);
        if (previous != null) {
            LOG.error("A second strategy factory for type '{}' was installed and is not used: {}", type, factory);
            return;
        }
        types.put(type, new StrategyType(type, bundle, bundleVersion));
        LOG.info("Strategy type '{}' installed by {} {}", type, bundle, bundleVersion);
        configurations.values().stream().filter(s -> s.config().type().equals(type)).forEach(settings -> {
            String previousRun = previousRunAlive(settings.instanceId());
            if (previousRun != null) {
                LOG.error("{} Start it with alphintra:strategies start {} once that thread has ended.", previousRun,
                        settings.instanceId());
            } else {
                startIfReady(settings);
            }
        });
    }

    synchronized void removeStrategyFactory(StrategyFactory factory) {
        String type = factory.type();
        if (!factories.remove(type, factory)) {
            return;
        }
        types.remove(type);
        LOG.info("Strategy type '{}' uninstalled", type);
        new ArrayList<>(runners.values()).stream().filter(r -> r.settings().config().type().equals(type))
                .forEach(runner -> stopAndForget(runner.id(), "its strategy type '" + type + "' was uninstalled"));
    }

    synchronized void configure(StrategySettings settings) {
        StrategySettings previous = configurations.put(settings.instanceId(), settings);
        if (previous != null && previous.equals(settings)) {
            return;
        }
        if (previous != null) {
            stopAndForget(settings.instanceId(), "its configuration changed");
        }
        String previousRun = previousRunAlive(settings.instanceId());
        if (previousRun != null) {
            LOG.error("{} Its new configuration waits: start it with alphintra:strategies start {} once that thread"
                    + " has ended.", previousRun, settings.instanceId());
            return;
        }
        startIfReady(settings);
    }

    synchronized void unconfigure(String instanceId) {
        configurations.remove(instanceId);
        stopAndForget(instanceId, "its configuration was removed");
    }

    /**
     * Starts an instance again after a stop or a quarantine (operators' decision, e.g. after a fix). Refused, with
     * the answer saying why, while the thread of its previous run is still alive.
     */
    public synchronized String start(String instanceId) {
        StrategySettings settings = configurations.get(instanceId);
        if (settings == null) {
            throw new IllegalArgumentException("no strategy instance '" + instanceId + "' is configured");
        }
        StrategyRunner running = runners.get(instanceId);
        if (running != null && running.status().lifecycle() == StrategyRunner.Lifecycle.RUNNING) {
            return instanceId + " is already running";
        }
        String previousRun = previousRunAlive(instanceId);
        if (previousRun != null) {
            return previousRun;
        }
        forget(instanceId);
        return startIfReady(settings) ? instanceId + " started"
                : instanceId + " waits for its strategy type '" + settings.config().type() + "' to be installed";
    }

    public synchronized String stop(String instanceId) {
        StrategyRunner runner = runners.get(instanceId);
        if (runner == null) {
            throw new IllegalArgumentException("no strategy instance '" + instanceId + "' is running");
        }
        runner.stop("stopped by an operator");
        return instanceId + " stopped";
    }

    /** The strategy types installed, by type. */
    public List<StrategyType> types() {
        return types.values().stream().sorted(Comparator.comparing(StrategyType::type)).toList();
    }

    /** Whether a factory for the type is installed. */
    public boolean typeInstalled(String type) {
        return factories.containsKey(type);
    }

    /**
     * Whether a valid configuration of the instance reached the host (whether or not it runs). Synchronized with
     * {@link #configure}, so a caller that sees it also sees the instance started, if it could be.
     */
    public synchronized boolean configured(String instanceId) {
        return configurations.containsKey(instanceId);
    }

    /** Whether the instance runs now. */
    public boolean running(String instanceId) {
        StrategyRunner runner = runners.get(instanceId);
        return runner != null && runner.status().lifecycle() == StrategyRunner.Lifecycle.RUNNING;
    }

    public List<InstanceView> instances() {
        List<InstanceView> views = new ArrayList<>();
        for (StrategySettings settings : configurations.values()) {
            StrategyRunner runner = runners.get(settings.instanceId());
            StrategyRunner.Status status = runner != null ? runner.status() : null;
            String state = status != null ? status.lifecycle().name()
                    : factories.containsKey(settings.config().type()) ? "STOPPED" : "WAITING_FOR_TYPE";
            views.add(new InstanceView(settings.instanceId(), settings.config().type(), state,
                    status != null ? status.reason() : null, status != null ? status.since() : null,
                    settings.config().instruments().stream().map(Object::toString).toList(),
                    settings.config().accountId(), settings.config().attribution().traderId(),
                    runner != null ? runner.ordersSent() : 0));
        }
        views.sort(Comparator.comparing(InstanceView::id));
        return views;
    }

    /**
     * Waits briefly for the threads of the instance's earlier runs to end.
     *
     * @return null once none is alive; else why the instance cannot start, naming it and the thread
     */
    private String previousRunAlive(String instanceId) {
        for (StrategyRunner previous : new StrategyRunner[] {runners.get(instanceId), retiring.get(instanceId)}) {
            if (previous == null || previous.status().lifecycle() == StrategyRunner.Lifecycle.RUNNING
                    || previous.awaitThreadEnd(PREVIOUS_RUN_GRACE_MILLIS)) {
                continue;
            }
            StrategyRunner.Status status = previous.status();
            return "Strategy " + instanceId + " is not started: the thread of its previous run, "
                    + previous.describeThread() + ", is still alive. It was " + status.lifecycle() + " ("
                    + status.reason() + ") and its callback has not returned; its context is revoked, so nothing"
                    + " it does reaches the engine. One runner per instance: it can start once that thread has ended"
                    + " (a restart of the node ends it).";
        }
        retiring.remove(instanceId);
        return null;
    }

    private boolean startIfReady(StrategySettings settings) {
        StrategyFactory factory = factories.get(settings.config().type());
        if (factory == null || runners.containsKey(settings.instanceId())) {
            return false;
        }
        Strategy strategy;
        try {
            strategy = factory.create(settings.config());
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Strategy factory '{}' failed to create instance {}", settings.config().type(),
                    settings.instanceId(), e);
            return false;
        }
        if (strategy == null) {
            LOG.error("Strategy factory '{}' created no strategy for {}", settings.config().type(),
                    settings.instanceId());
            return false;
        }
        StrategyRunner runner = new StrategyRunner(settings, strategy, engine, orders, accounts, auditTrail, timers,
                FileStrategyState.of(stateDirectory, settings.instanceId()));
        runners.put(settings.instanceId(), runner);
        active = runners.values().toArray(new StrategyRunner[0]);
        runner.start();
        LOG.info("Strategy {} ({}) started on {} for account {}", settings.instanceId(), settings.config().type(),
                settings.config().instruments(), settings.config().accountId());
        return true;
    }

    private void stopAndForget(String instanceId, String reason) {
        StrategyRunner runner = forget(instanceId);
        if (runner != null) {
            runner.stop(reason);
        }
    }

    private StrategyRunner forget(String instanceId) {
        StrategyRunner runner = runners.remove(instanceId);
        if (runner != null) {
            retiring.put(instanceId, runner);
        }
        active = runners.values().toArray(new StrategyRunner[0]);
        return runner;
    }

    private void watchdog() {
        stopAllIfTheEngineHalted();
        long now = System.nanoTime();
        for (StrategyRunner runner : runners.values()) {
            runner.checkCallbackTime(now);
        }
        for (StrategyRunner runner : retiring.values()) {
            if (runner.threadAlive()) {
                runner.checkCallbackTime(now);
            } else {
                retiring.remove(runner.id(), runner);
            }
        }
    }

    /**
     * A halted engine refuses every request at once, and a strategy's orders are sent one way: without this, its
     * strategies would go on deciding on a market they can no longer trade, unaware. They are stopped, saying why.
     */
    private void stopAllIfTheEngineHalted() {
        if (engineHalted) {
            return;
        }
        Optional<String> halt = engine.haltReason();
        if (halt.isEmpty()) {
            return;
        }
        engineHalted = true;
        LOG.error("The engine halted ({}); stopping every strategy", halt.get());
        for (StrategyRunner runner : runners.values()) {
            runner.stop("the engine halted: " + halt.get());
        }
    }

    // ---- EngineListener: on the engine thread; only copies into the runners' rings ----

    @Override
    public void onReport(ExecutionReport report, String source, String strategyId) {
        if (strategyId == null) {
            return;
        }
        StrategyRunner runner = runners.get(strategyId);
        if (runner != null) {
            runner.deliverReport(report);
        }
    }

    @Override
    public void onTrade(Trade trade) {
        for (StrategyRunner runner : active) {
            runner.deliverTrade(trade);
        }
    }

    @Override
    public void onTopOfBook(TopOfBook topOfBook) {
        for (StrategyRunner runner : active) {
            runner.deliverTopOfBook(topOfBook);
        }
    }
}
