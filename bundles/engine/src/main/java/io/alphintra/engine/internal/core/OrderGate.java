package io.alphintra.engine.internal.core;

import io.alphintra.engine.GateDecision;

import io.alphintra.sdk.compliance.ComplianceContext;
import io.alphintra.sdk.compliance.ComplianceDecision;
import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.Position;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.CreditScope;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.risk.PreTradeContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pre-trade gate every order passes, whatever its source: the engine's own checks, then the risk checks
 * (plugins, in their declared order), then the rule set of the instrument's jurisdiction. It fails closed: a check
 * that throws rejects the order, and an order whose jurisdiction has no rule set installed is rejected.
 *
 * <p>Plugins come and go on other threads (whiteboard), so the chain is held in copy-on-write arrays that the
 * engine thread reads without locking or allocating; evaluation runs on the engine thread. An accepted order
 * allocates nothing here: each check's accept decision is made once per id and version and reused, and so is the
 * list of them while the chain stays the same. Warnings and rejections carry their own text and are new each time.
 */
public final class OrderGate {
    static final String ENGINE = "ENGINE";
    static final String RISK = "RISK";
    static final String COMPLIANCE = "COMPLIANCE";

    /** Faults (a throw of any kind, an overrun of the watchdog's budget) after which a plugin is quarantined. */
    static final int QUARANTINE_AFTER_FAULTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(OrderGate.class);

    /** A plugin in the chain, with the accept decision last made for it (engine thread only). */
    private static final class Link<T> {
        final T plugin;
        GateDecision accept;
        /** Faults so far; engine thread only. */
        int faults;
        /** Why the plugin is quarantined, or null; set on the engine thread, read by operators' views. */
        volatile String quarantined;

        Link(T plugin) {
            this.plugin = plugin;
        }

        GateDecision accept(String stage, String checkId, String version) {
            GateDecision cached = accept;
            if (cached == null || !cached.checkId().equals(checkId) || !cached.version().equals(version)) {
                accept = cached = new GateDecision(stage, checkId, version, GateDecision.ACCEPT, null, null);
            }
            return cached;
        }
    }

    @SuppressWarnings("unchecked")
    private volatile Link<PreTradeCheck>[] checks = new Link[0];
    /** Per jurisdiction, every installed rule set; the last installed decides, and its removal hands back. */
    private final Map<Jurisdiction, Link<RuleSet>[]> ruleSets = new ConcurrentHashMap<>();
    private final String engineVersion;
    private final GateDecision engineAccept;
    private final PluginWatchdog watchdog;
    private EngineAlerts alerts = EngineAlerts.NONE;
    /** Where quarantines are counted; the engine's own once it takes this gate ({@link #countInto}). */
    private EngineCounters counters = new EngineCounters();

    // Engine thread only: the decisions of the order being evaluated, and the last all-accept chain handed out.
    private GateDecision[] made = new GateDecision[4];
    private int madeCount;
    private List<GateDecision> lastAccepted = List.of();

    public OrderGate(String engineVersion) {
        this(engineVersion, PluginWatchdog.none());
    }

    /** @param watchdog times every plugin call and interrupts one that overruns its budget */
    public OrderGate(String engineVersion, PluginWatchdog watchdog) {
        this.engineVersion = engineVersion;
        this.watchdog = watchdog;
        this.engineAccept = new GateDecision(ENGINE, "engine", engineVersion, GateDecision.ACCEPT, null, null);
    }

    /** Counts the quarantines of this gate's plugins into the engine's counters; before the engine thread starts. */
    void countInto(EngineCounters engineCounters) {
        counters = engineCounters;
    }

    public synchronized void addCheck(PreTradeCheck check) {
        Link<PreTradeCheck>[] next = Arrays.copyOf(checks, checks.length + 1);
        next[next.length - 1] = new Link<>(check);
        Arrays.sort(next, Comparator.comparingInt(link -> orderOf(link.plugin)));
        checks = next;
    }

    public synchronized void removeCheck(PreTradeCheck check) {
        checks = without(checks, check);
    }

    /**
     * Installs a rule set; it decides for its jurisdiction from now on (a compliance team's swap). The one it
     * replaces stays installed and decides again if this one is removed.
     */
    @SuppressWarnings("unchecked")
    public void putRuleSet(RuleSet ruleSet) {
        ruleSets.compute(ruleSet.jurisdiction(), (jurisdiction, installed) -> {
            Link<RuleSet>[] next = installed == null ? new Link[1] : Arrays.copyOf(installed, installed.length + 1);
            next[next.length - 1] = new Link<>(ruleSet);
            return next;
        });
    }

    public void removeRuleSet(RuleSet ruleSet) {
        ruleSets.computeIfPresent(ruleSet.jurisdiction(), (jurisdiction, installed) -> {
            Link<RuleSet>[] next = without(installed, ruleSet);
            return next.length == 0 ? null : next;
        });
    }

    public Optional<RuleSet> ruleSet(Jurisdiction jurisdiction) {
        Link<RuleSet> deciding = decidingRuleSet(jurisdiction);
        return deciding == null ? Optional.empty() : Optional.of(deciding.plugin);
    }

    /** Every installed rule set per jurisdiction, oldest first: the last of each list decides. */
    public Map<Jurisdiction, List<RuleSet>> ruleSets() {
        Map<Jurisdiction, List<RuleSet>> installed = new EnumMap<>(Jurisdiction.class);
        ruleSets.forEach((jurisdiction, links) -> installed.put(jurisdiction,
                Arrays.stream(links).map(link -> link.plugin).toList()));
        return installed;
    }

    private Link<RuleSet> decidingRuleSet(Jurisdiction jurisdiction) {
        Link<RuleSet>[] installed = ruleSets.get(jurisdiction);
        return installed == null ? null : installed[installed.length - 1];
    }

    private static <T> Link<T>[] without(Link<T>[] links, T plugin) {
        Link<T>[] next = Arrays.copyOf(links, links.length);
        int kept = 0;
        for (Link<T> link : links) {
            if (link.plugin != plugin) {
                next[kept++] = link;
            }
        }
        return Arrays.copyOf(next, kept);
    }

    /**
     * Runs the chain and returns every decision made, stopping at the first rejection; the order may proceed only if
     * none of them {@linkplain GateDecision#rejects() rejects}, and waits for an authorised override when one of them
     * {@linkplain GateDecision#holds() holds} it (a hold does not stop the chain). The list is immutable and may be
     * shared between orders.
     */
    List<GateDecision> evaluate(OrderRequest order, GateInputs inputs) {
        madeCount = 0;
        if (made(engineChecks(order, inputs)).rejects()) {
            return decisions();
        }
        Link<PreTradeCheck>[] chain = checks;
        if (chain.length > 0) {
            PreTradeContext riskContext = inputs.riskContext(order);
            for (Link<PreTradeCheck> check : chain) {
                if (made(run(check, order, riskContext)).rejects()) {
                    return decisions();
                }
            }
        }
        made(compliance(order, inputs));
        return decisions();
    }

    /**
     * A limit breached (PT11): one alert per check and account, which the alerts bundle de-duplicates, so a strategy
     * that keeps hitting a limit is one alert with a count, not a flood. Only what a check decided: a hold has its own
     * alert, per order, once the order is held (a later check may still reject it), and a check's faults theirs.
     */
    private void riskAlert(GateDecision decision, OrderRequest order) {
        String what = decision.rejects() ? "rejected" : "passed with a warning";
        alerts.raise("risk." + decision.checkId() + "." + order.attribution().accountId(), false, "Risk check "
                + decision.checkId() + " " + what + " order " + order.clientOrderId() + " of account "
                + order.attribution().accountId() + " (strategy " + order.attribution().strategyId() + ", trader "
                + order.attribution().traderId() + "): " + decision.text());
    }

    private GateDecision made(GateDecision decision) {
        if (madeCount == made.length) {
            made = Arrays.copyOf(made, madeCount * 2);
        }
        made[madeCount++] = decision;
        return decision;
    }

    /** The decisions just made: the list handed out last time when they are the same accept decisions. */
    private List<GateDecision> decisions() {
        List<GateDecision> last = lastAccepted;
        if (last.size() == madeCount) {
            int same = 0;
            while (same < madeCount && last.get(same) == made[same]) {
                same++;
            }
            if (same == madeCount) {
                return last;
            }
        }
        List<GateDecision> decisions = List.of(Arrays.copyOf(made, madeCount));
        if (!made[madeCount - 1].rejects()) {
            lastAccepted = decisions;
        }
        return decisions;
    }

    private GateDecision engineChecks(OrderRequest order, GateInputs inputs) {
        String venueId = order.instrument().id().venueId();
        if (!inputs.venueKnown(venueId)) {
            return new GateDecision(ENGINE, "venue", engineVersion, GateDecision.REJECT,
                    RejectReason.UNKNOWN_INSTRUMENT, "no exchange adapter for venue " + venueId + " is installed");
        }
        if (!inputs.venueConnected(venueId)) {
            return new GateDecision(ENGINE, "venue", engineVersion, GateDecision.REJECT,
                    RejectReason.VENUE_DISCONNECTED, "venue " + venueId + " is not connected");
        }
        // Before any plugin: no check should spend its time, or count its limits, on an order no account may place.
        io.alphintra.engine.internal.account.Account.Refusal account = inputs.accounts().refusal(order);
        if (account != null) {
            return new GateDecision(ENGINE, "account", engineVersion, GateDecision.REJECT, account.reason(),
                    account.text());
        }
        return engineAccept;
    }

    private GateDecision run(Link<PreTradeCheck> link, OrderRequest order, PreTradeContext context) {
        PreTradeCheck check = link.plugin;
        String id = nameOf(check, false);
        String version = nameOf(check, true);
        String quarantined = link.quarantined;
        if (quarantined != null) {
            return new GateDecision(RISK, id, version, GateDecision.REJECT, RejectReason.RISK_LIMIT,
                    "check " + id + " is quarantined (" + quarantined + "); rejecting, the gate fails closed");
        }
        CheckResult result = null;
        Throwable thrown = null;
        long started = watchdog.begin(id);
        try {
            result = check.check(order, context);
        } catch (Throwable e) {
            thrown = Failures.rethrowIfFatal(e);
        }
        String fault = fault(link, "check", id, started, thrown);
        if (fault != null) {
            return new GateDecision(RISK, id, version, GateDecision.REJECT, RejectReason.RISK_LIMIT,
                    "check " + id + " " + fault + "; rejecting, the gate fails closed");
        }
        if (result == null) {
            return new GateDecision(RISK, id, version, GateDecision.REJECT, RejectReason.RISK_LIMIT,
                    "the check returned no result; rejecting, the gate fails closed");
        }
        GateDecision decision = switch (result.outcome()) {
            case ACCEPT -> link.accept(RISK, id, version);
            case WARN -> new GateDecision(RISK, id, version, GateDecision.WARN, null, result.text());
            case REJECT -> new GateDecision(RISK, id, version, GateDecision.REJECT, result.reason(), result.text());
            // Does not stop the chain: the rest still decides, and a rejection after it wins.
            case HOLD -> new GateDecision(RISK, id, version, GateDecision.HOLD, null, result.text());
        };
        if (result.outcome() == CheckResult.Outcome.REJECT || result.outcome() == CheckResult.Outcome.WARN) {
            riskAlert(decision, order);
        }
        return decision;
    }

    private GateDecision compliance(OrderRequest order, GateInputs inputs) {
        Jurisdiction jurisdiction = inputs.jurisdiction(order.instrument());
        Link<RuleSet> link = decidingRuleSet(jurisdiction);
        if (link == null) {
            return new GateDecision(COMPLIANCE, "rule-set:" + jurisdiction, "none", GateDecision.REJECT,
                    RejectReason.NO_RULE_SET, "no compliance rule set is installed for jurisdiction " + jurisdiction);
        }
        RuleSet ruleSet = link.plugin;
        String quarantined = link.quarantined;
        if (quarantined != null) {
            return new GateDecision(COMPLIANCE, nameOf(ruleSet, false), nameOf(ruleSet, true), GateDecision.REJECT,
                    RejectReason.COMPLIANCE, "rule set " + nameOf(ruleSet, false) + " is quarantined ("
                    + quarantined + "); rejecting, the gate fails closed");
        }
        ComplianceDecision decision = null;
        Throwable thrown = null;
        long started = watchdog.begin(nameOf(ruleSet, false));
        try {
            decision = ruleSet.evaluate(order, inputs.complianceContext(order));
        } catch (Throwable e) {
            thrown = Failures.rethrowIfFatal(e);
        }
        String fault = fault(link, "rule set", nameOf(ruleSet, false), started, thrown);
        if (fault != null) {
            return new GateDecision(COMPLIANCE, nameOf(ruleSet, false), nameOf(ruleSet, true), GateDecision.REJECT,
                    RejectReason.COMPLIANCE, "rule set " + nameOf(ruleSet, false) + " " + fault
                    + "; rejecting, the gate fails closed");
        }
        if (decision == null) {
            return new GateDecision(COMPLIANCE, nameOf(ruleSet, false), nameOf(ruleSet, true), GateDecision.REJECT,
                    RejectReason.COMPLIANCE, "the rule set returned no decision; rejecting, the gate fails closed");
        }
        return switch (decision.verdict()) {
            // An accept names no rule, so its check id is the rule set's.
            case ACCEPT -> link.accept(COMPLIANCE, decision.ruleSetId(), decision.ruleSetVersion());
            case ALERT -> new GateDecision(COMPLIANCE, ruleCheckId(decision), decision.ruleSetVersion(),
                    GateDecision.WARN, null, decision.reason());
            case REJECT -> new GateDecision(COMPLIANCE, ruleCheckId(decision), decision.ruleSetVersion(),
                    GateDecision.REJECT, RejectReason.COMPLIANCE, decision.reason());
        };
    }

    /**
     * Ends a plugin call: clears the watchdog's interrupt, and when the call threw or overran its budget, counts the
     * fault, quarantines the plugin after {@link #QUARANTINE_AFTER_FAULTS} of them (at once when it ignored the
     * interrupt) and says what went wrong; null when the call was fine.
     */
    private String fault(Link<?> link, String kind, String id, long started, Throwable thrown) {
        long overran = watchdog.end(started);
        String fault;
        boolean ignoredInterrupt = false;
        if (overran >= 0) {
            long millis = overran / 1_000_000;
            ignoredInterrupt = watchdog.ignoredInterrupt();
            fault = "ran " + millis + " ms on the engine thread, over its budget of " + watchdog.budgetMillis()
                    + " ms" + (watchdog.interruptedLast() ? " (interrupted" + (ignoredInterrupt
                    ? ", and it ignored the interrupt" : "") + ")" : "")
                    + (thrown == null ? "" : ", then failed: " + thrown);
        } else if (thrown != null) {
            fault = "failed (" + thrown + ")";
        } else {
            return null;
        }
        link.faults++;
        LOG.error("The {} {} {}; its order is rejected (fault {} of {})", kind, id, fault, link.faults,
                QUARANTINE_AFTER_FAULTS, thrown);
        if (link.quarantined == null && (link.faults >= QUARANTINE_AFTER_FAULTS || ignoredInterrupt)) {
            counters.increment(EngineCounters.PLUGIN_QUARANTINES);
            link.quarantined = "quarantined after " + link.faults + " fault" + (link.faults == 1 ? "" : "s")
                    + ", the last: " + fault;
            LOG.error("The {} {} is quarantined: every order it would decide is rejected until it is installed"
                    + " again ({})", kind, id, link.quarantined);
            alerts.raise("engine.plugin.quarantine." + id, true, "The " + kind + " " + id + " is quarantined: every"
                    + " order it would decide is rejected until its bundle registers it again (" + link.quarantined
                    + ")");
        }
        return fault;
    }

    /** The decision of an order refused because a kill switch covers it: no check runs for it. */
    List<GateDecision> killed(io.alphintra.engine.KillSwitchState state) {
        return List.of(new GateDecision(ENGINE, "kill-switch", engineVersion, GateDecision.REJECT,
                RejectReason.KILL_SWITCH, "kill switch " + state.scope() + " engaged by " + state.engagedBy()
                + (state.reason().isEmpty() ? "" : " (" + state.reason() + ")") + "; reset it to trade again"));
    }

    /** The decision of an order a reduce-only kill switch refuses: it would not reduce the position it watches. */
    List<GateDecision> reduceOnly(io.alphintra.engine.KillSwitchState state) {
        return List.of(new GateDecision(ENGINE, "kill-switch", engineVersion, GateDecision.REJECT,
                RejectReason.RISK_LIMIT, "reduce-only kill switch " + state.scope() + " engaged by "
                + state.engagedBy() + (state.reason().isEmpty() ? "" : " (" + state.reason() + ")")
                + ": only orders that reduce the position of " + state.scope() + " in their instrument (its working"
                + " orders on the same side counted) are accepted until it is reset"));
    }

    /**
     * The decision recording an authorised user's override of a held order, appended to its decisions; built from
     * the journal's record alone, so that a replay rebuilds the very same one.
     */
    static GateDecision released(String releasedBy, String reason, long atNanos, String engineVersion) {
        return new GateDecision(ENGINE, "order-release", engineVersion, GateDecision.RELEASED, null, "released by "
                + releasedBy + " at " + Instant.ofEpochSecond(0, atNanos) + (reason.isEmpty() ? "" : ": " + reason));
    }

    String engineVersion() {
        return engineVersion;
    }

    void alertsTo(EngineAlerts alerts) {
        this.alerts = alerts;
    }

    /** The decision of an order refused by a message throttle: no check runs for it. */
    List<GateDecision> throttled(String why) {
        return List.of(new GateDecision(ENGINE, "message-throttle", engineVersion, GateDecision.REJECT,
                RejectReason.THROTTLED, why));
    }

    /** The watchdog of the engine thread's plugin calls, which also times the calls into exchange adapters. */
    PluginWatchdog watchdog() {
        return watchdog;
    }

    /** Why each quarantined check or rule set is quarantined, by its id. */
    public Map<String, String> quarantined() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Link<PreTradeCheck> link : checks) {
            String why = link.quarantined;
            if (why != null) {
                out.put(nameOf(link.plugin, false), why);
            }
        }
        ruleSets.forEach((jurisdiction, links) -> {
            for (Link<RuleSet> link : links) {
                String why = link.quarantined;
                if (why != null) {
                    out.put(nameOf(link.plugin, false), why);
                }
            }
        });
        return out;
    }

    private static String ruleCheckId(ComplianceDecision decision) {
        return decision.ruleId() == null ? decision.ruleSetId() : decision.ruleSetId() + "/" + decision.ruleId();
    }

    private static int orderOf(PreTradeCheck check) {
        try {
            return check.order();
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    /**
     * A plugin's id or version, read without a lambda per call: a check or rule set that throws or answers blank
     * is named by a placeholder.
     */
    private static String nameOf(Object plugin, boolean version) {
        String fallback = version ? "unknown" : plugin instanceof RuleSet ? "unnamed-rule-set" : "unnamed-check";
        try {
            String value;
            if (plugin instanceof RuleSet ruleSet) {
                value = version ? ruleSet.version() : ruleSet.id();
            } else {
                PreTradeCheck check = (PreTradeCheck) plugin;
                value = version ? check.version() : check.id();
            }
            return value == null || value.isBlank() ? fallback : value;
        } catch (Throwable e) {
            Failures.rethrowIfFatal(e);
            return fallback;
        }
    }

    /** What the gate needs from the engine to decide. */
    public interface GateInputs {
        boolean venueKnown(String venueId);

        boolean venueConnected(String venueId);

        /** The account reference data in force: which accounts may place which orders. */
        io.alphintra.engine.internal.account.AccountTable accounts();

        Jurisdiction jurisdiction(Instrument instrument);

        PreTradeContext riskContext(OrderRequest order);

        ComplianceContext complianceContext(OrderRequest order);
    }

    /**
     * The contexts plugins see, built from the engine's account book and market view. A context is valid only during
     * the plugin's call (SDK contract), so one of each is reused for every order: engine thread only.
     */
    public static final class Contexts {
        private final AccountBook accounts;
        private final RiskView risk;
        private final ComplianceView compliance;

        public Contexts(AccountBook accounts, MarketView market, WorkingOrderView workingOrders) {
            this.accounts = accounts;
            this.risk = new RiskView(accounts, market, workingOrders);
            this.compliance = new ComplianceView(accounts, market, workingOrders);
        }

        /** The account reference data in force in the account book the contexts show. */
        public io.alphintra.engine.internal.account.AccountTable accounts() {
            return accounts.table();
        }

        public PreTradeContext risk(OrderRequest order, long nowNanos) {
            risk.order = order;
            risk.nowNanos = nowNanos;
            return risk;
        }

        public ComplianceContext compliance(OrderRequest order, Venue venue, boolean halted, long nowNanos) {
            compliance.order = order;
            compliance.venue = venue;
            compliance.halted = halted;
            compliance.nowNanos = nowNanos;
            return compliance;
        }
    }

    private static final class RiskView implements PreTradeContext {
        private final AccountBook accounts;
        private final MarketView market;
        private final WorkingOrderView workingOrders;
        OrderRequest order;
        long nowNanos;

        RiskView(AccountBook accounts, MarketView market, WorkingOrderView workingOrders) {
            this.accounts = accounts;
            this.market = market;
            this.workingOrders = workingOrders;
        }

        @Override
        public Instrument instrument() {
            return order.instrument();
        }

        @Override
        public AccountSnapshot account() {
            return accounts.account(order.attribution().accountId());
        }

        @Override
        public Optional<Position> position() {
            return accounts.position(order.attribution().accountId(), order.attribution().strategyId(),
                    order.instrument().id());
        }

        @Override
        public Money openOrdersNotional() {
            return workingOrders.openNotional(order.attribution().accountId(), order.instrument(),
                    market.lastPrice(order.instrument().id()));
        }

        @Override
        public Optional<OpenOrder> replacing() {
            return workingOrders.replacing();
        }

        @Override
        public long accountNetQuantity() {
            return accounts.accountNetQuantity(order.attribution().accountId(), order.instrument().id());
        }

        @Override
        public long accountWorkingQuantity(Side side) {
            return workingOrders.workingQuantity(order.attribution().accountId(), order.instrument().id(),
                    side == Side.BUY);
        }

        @Override
        public OptionalLong referencePrice() {
            return market.lastPrice(order.instrument().id());
        }

        @Override
        public long referencePriceAgeNanos() {
            long at = market.lastPriceTimeNanos(order.instrument().id());
            return at == 0 ? Long.MAX_VALUE : Math.max(0, nowNanos - at);
        }

        @Override
        public long nowNanos() {
            return nowNanos;
        }

        @Override
        public long strategyNetQuantity() {
            return accounts.strategyNetQuantity(order.attribution().accountId(), order.attribution().strategyId(),
                    order.instrument().id());
        }

        @Override
        public long strategyWorkingQuantity(Side side) {
            return workingOrders.strategyWorkingQuantity(order.attribution().accountId(),
                    order.attribution().strategyId(), order.instrument().id(), side == Side.BUY);
        }

        @Override
        public OptionalLong midPrice() {
            return market.midPrice(order.instrument().id());
        }

        @Override
        public long midPriceAgeNanos() {
            long at = market.midPriceTimeNanos(order.instrument().id());
            return at == 0 ? Long.MAX_VALUE : Math.max(0, nowNanos - at);
        }

        @Override
        public long creditUsed(CreditScope scope, Currency currency) {
            return workingOrders.creditUsed(scope, order.attribution(), currency, nowNanos);
        }
    }

    private static final class ComplianceView implements ComplianceContext {
        private final AccountBook accounts;
        private final MarketView market;
        private final WorkingOrderView workingOrders;
        OrderRequest order;
        Venue venue;
        boolean halted;
        long nowNanos;

        ComplianceView(AccountBook accounts, MarketView market, WorkingOrderView workingOrders) {
            this.accounts = accounts;
            this.market = market;
            this.workingOrders = workingOrders;
        }

        @Override
        public long asOfNanos() {
            return nowNanos;
        }

        @Override
        public LocalDate tradingDate() {
            return LocalDate.ofInstant(Instant.ofEpochSecond(0, nowNanos), venue.timeZone());
        }

        @Override
        public Instrument instrument() {
            return order.instrument();
        }

        @Override
        public Venue venue() {
            return venue;
        }

        @Override
        public AccountSnapshot account() {
            return accounts.account(order.attribution().accountId());
        }

        @Override
        public long accountNetQuantity() {
            return accounts.accountNetQuantity(order.attribution().accountId(), order.instrument().id());
        }

        @Override
        public long accountWorkingSellQuantity() {
            return workingOrders.workingQuantity(order.attribution().accountId(), order.instrument().id(), false);
        }

        @Override
        public long locatedQuantity() {
            return 0; // no securities-lending locate feed is connected: a rule requiring a locate rejects
        }

        @Override
        public Optional<TopOfBookRecord> topOfBook() {
            return market.topOfBook(order.instrument().id());
        }

        @Override
        public OptionalLong lastPrice() {
            return market.lastPrice(order.instrument().id());
        }

        @Override
        public OptionalLong previousClose() {
            return market.previousClose(order.instrument().id());
        }

        @Override
        public boolean isHalted() {
            return halted;
        }

        @Override
        public boolean isRestricted() {
            return false; // restricted lists are rules of the jurisdiction's rule set
        }
    }

    /**
     * The engine's working orders as the contexts show them to plugins. While a replace is decided, the order being
     * replaced is left out of every figure (the request carries it at its new size) and is what {@link #replacing()}
     * returns.
     */
    public interface WorkingOrderView {
        /**
         * Notional of an account's working orders in an instrument, in its quote currency: leaves at the limit
         * price, or at {@code referencePrice} for orders without one.
         */
        Money openNotional(String accountId, Instrument instrument, OptionalLong referencePrice);

        /**
         * Unfilled quantity of the account's working buys ({@code buys}) or sells (of every short marking) in the
         * instrument.
         */
        long workingQuantity(String accountId, InstrumentId instrumentId, boolean buys);

        /** The working order a replace being decided would change; empty while a new order is decided. */
        Optional<OpenOrder> replacing();

        /**
         * Unfilled quantity of the working buys ({@code buys}) or sells of one strategy within the account in the
         * instrument, as {@link #workingQuantity} counts the account's. Allocation-free.
         */
        long strategyWorkingQuantity(String accountId, String strategyId, InstrumentId instrumentId, boolean buys);

        /**
         * Credit used by the order's account, trader or strategy ({@code who}, as {@code scope} says) in
         * {@code currency}, as {@link PreTradeContext#creditUsed} defines it at engine time {@code nowNanos}.
         * Allocation-free.
         */
        long creditUsed(CreditScope scope, Attribution who, Currency currency, long nowNanos);
    }
}
