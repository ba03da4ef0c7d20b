package io.alphintra.engine.internal.core;

import io.alphintra.engine.GateDecision;

import io.alphintra.sdk.compliance.ComplianceContext;
import io.alphintra.sdk.compliance.ComplianceDecision;
import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.Position;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.risk.PreTradeContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pre-trade gate every order passes, whatever its source: the engine's own checks, then the risk checks
 * (plugins, in their declared order), then the rule set of the instrument's jurisdiction. It fails closed: a check
 * that throws rejects the order, and an order whose jurisdiction has no rule set installed is rejected.
 *
 * <p>Plugins come and go on other threads (whiteboard), so the chain is held in concurrent collections; evaluation
 * runs on the engine thread.
 */
public final class OrderGate {
    static final String ENGINE = "ENGINE";
    static final String RISK = "RISK";
    static final String COMPLIANCE = "COMPLIANCE";

    private final List<PreTradeCheck> checks = new CopyOnWriteArrayList<>();
    /** Per jurisdiction, every installed rule set; the last installed decides, and its removal hands back. */
    private final Map<Jurisdiction, List<RuleSet>> ruleSets = new ConcurrentHashMap<>();
    private final String engineVersion;

    public OrderGate(String engineVersion) {
        this.engineVersion = engineVersion;
    }

    public void addCheck(PreTradeCheck check) {
        checks.add(check);
        checks.sort(Comparator.comparingInt(OrderGate::orderOf));
    }

    public void removeCheck(PreTradeCheck check) {
        checks.remove(check);
    }

    /**
     * Installs a rule set; it decides for its jurisdiction from now on (a compliance team's swap). The one it
     * replaces stays installed and decides again if this one is removed.
     */
    public void putRuleSet(RuleSet ruleSet) {
        ruleSets.computeIfAbsent(ruleSet.jurisdiction(), j -> new CopyOnWriteArrayList<>()).add(ruleSet);
    }

    public void removeRuleSet(RuleSet ruleSet) {
        List<RuleSet> installed = ruleSets.get(ruleSet.jurisdiction());
        if (installed != null) {
            installed.remove(ruleSet);
        }
    }

    public Optional<RuleSet> ruleSet(Jurisdiction jurisdiction) {
        List<RuleSet> installed = ruleSets.get(jurisdiction);
        if (installed == null || installed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(installed.get(installed.size() - 1));
        } catch (IndexOutOfBoundsException removedMeanwhile) {
            return ruleSet(jurisdiction);
        }
    }

    /**
     * Runs the chain and returns every decision made, stopping at the first rejection; the order may proceed only if
     * none of them {@linkplain GateDecision#rejects() rejects}.
     */
    List<GateDecision> evaluate(OrderRequest order, GateInputs inputs) {
        List<GateDecision> decisions = new ArrayList<>(checks.size() + 2);
        GateDecision engine = engineChecks(order, inputs);
        decisions.add(engine);
        if (engine.rejects()) {
            return decisions;
        }
        PreTradeContext riskContext = inputs.riskContext(order);
        for (PreTradeCheck check : checks) {
            GateDecision decision = run(check, order, riskContext);
            decisions.add(decision);
            if (decision.rejects()) {
                return decisions;
            }
        }
        decisions.add(compliance(order, inputs));
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
        return new GateDecision(ENGINE, "engine", engineVersion, GateDecision.ACCEPT, null, null);
    }

    private static GateDecision run(PreTradeCheck check, OrderRequest order, PreTradeContext context) {
        String id = safe(check::id, "unnamed-check");
        String version = safe(check::version, "unknown");
        CheckResult result;
        try {
            result = check.check(order, context);
        } catch (RuntimeException | LinkageError e) {
            return new GateDecision(RISK, id, version, GateDecision.REJECT, RejectReason.RISK_LIMIT,
                    "the check failed (" + e + "); rejecting, the gate fails closed");
        }
        if (result == null) {
            return new GateDecision(RISK, id, version, GateDecision.REJECT, RejectReason.RISK_LIMIT,
                    "the check returned no result; rejecting, the gate fails closed");
        }
        return switch (result.outcome()) {
            case ACCEPT -> new GateDecision(RISK, id, version, GateDecision.ACCEPT, null, null);
            case WARN -> new GateDecision(RISK, id, version, GateDecision.WARN, null, result.text());
            case REJECT -> new GateDecision(RISK, id, version, GateDecision.REJECT, result.reason(), result.text());
        };
    }

    private GateDecision compliance(OrderRequest order, GateInputs inputs) {
        Jurisdiction jurisdiction = inputs.jurisdiction(order.instrument());
        RuleSet ruleSet = ruleSet(jurisdiction).orElse(null);
        if (ruleSet == null) {
            return new GateDecision(COMPLIANCE, "rule-set:" + jurisdiction, "none", GateDecision.REJECT,
                    RejectReason.NO_RULE_SET, "no compliance rule set is installed for jurisdiction " + jurisdiction);
        }
        String id = safe(ruleSet::id, "unnamed-rule-set");
        String version = safe(ruleSet::version, "unknown");
        ComplianceDecision decision;
        try {
            decision = ruleSet.evaluate(order, inputs.complianceContext(order));
        } catch (RuntimeException | LinkageError e) {
            return new GateDecision(COMPLIANCE, id, version, GateDecision.REJECT, RejectReason.COMPLIANCE,
                    "the rule set failed (" + e + "); rejecting, the gate fails closed");
        }
        if (decision == null) {
            return new GateDecision(COMPLIANCE, id, version, GateDecision.REJECT, RejectReason.COMPLIANCE,
                    "the rule set returned no decision; rejecting, the gate fails closed");
        }
        String checkId = decision.ruleId() == null ? decision.ruleSetId() : decision.ruleSetId() + "/" + decision.ruleId();
        return switch (decision.verdict()) {
            case ACCEPT -> new GateDecision(COMPLIANCE, checkId, decision.ruleSetVersion(), GateDecision.ACCEPT, null,
                    null);
            case ALERT -> new GateDecision(COMPLIANCE, checkId, decision.ruleSetVersion(), GateDecision.WARN, null,
                    decision.reason());
            case REJECT -> new GateDecision(COMPLIANCE, checkId, decision.ruleSetVersion(), GateDecision.REJECT,
                    RejectReason.COMPLIANCE, decision.reason());
        };
    }

    private static int orderOf(PreTradeCheck check) {
        try {
            return check.order();
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String safe(java.util.function.Supplier<String> supplier, String fallback) {
        try {
            String value = supplier.get();
            return value == null || value.isBlank() ? fallback : value;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    /** What the gate needs from the engine to decide. */
    public interface GateInputs {
        boolean venueKnown(String venueId);

        boolean venueConnected(String venueId);

        Jurisdiction jurisdiction(Instrument instrument);

        PreTradeContext riskContext(OrderRequest order);

        ComplianceContext complianceContext(OrderRequest order);
    }

    /** The contexts plugins see, built from the engine's account book and market view. */
    public static final class Contexts {
        private final AccountBook accounts;
        private final MarketView market;
        private final OpenOrdersNotional openOrders;

        public Contexts(AccountBook accounts, MarketView market, OpenOrdersNotional openOrders) {
            this.accounts = accounts;
            this.market = market;
            this.openOrders = openOrders;
        }

        public PreTradeContext risk(OrderRequest order, long nowNanos) {
            Instrument instrument = order.instrument();
            String account = order.attribution().accountId();
            return new PreTradeContext() {
                @Override
                public Instrument instrument() {
                    return instrument;
                }

                @Override
                public AccountSnapshot account() {
                    return accounts.account(account);
                }

                @Override
                public Optional<Position> position() {
                    return accounts.position(account, order.attribution().strategyId(), instrument.id());
                }

                @Override
                public Money openOrdersNotional() {
                    return openOrders.notional(account, instrument);
                }

                @Override
                public OptionalLong referencePrice() {
                    return market.lastPrice(instrument.id());
                }

                @Override
                public long referencePriceAgeNanos() {
                    long at = market.lastPriceTimeNanos(instrument.id());
                    return at == 0 ? Long.MAX_VALUE : Math.max(0, nowNanos - at);
                }

                @Override
                public long nowNanos() {
                    return nowNanos;
                }
            };
        }

        public ComplianceContext compliance(OrderRequest order, Venue venue, long nowNanos) {
            Instrument instrument = order.instrument();
            String account = order.attribution().accountId();
            return new ComplianceContext() {
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
                    return instrument;
                }

                @Override
                public Venue venue() {
                    return venue;
                }

                @Override
                public AccountSnapshot account() {
                    return accounts.account(account);
                }

                @Override
                public long accountNetQuantity() {
                    return accounts.accountNetQuantity(account, instrument.id());
                }

                @Override
                public long locatedQuantity() {
                    return 0; // no securities-lending locate feed is connected: a rule requiring a locate rejects
                }

                @Override
                public Optional<TopOfBookRecord> topOfBook() {
                    return market.topOfBook(instrument.id());
                }

                @Override
                public OptionalLong lastPrice() {
                    return market.lastPrice(instrument.id());
                }

                @Override
                public OptionalLong previousClose() {
                    return market.previousClose(instrument.id());
                }

                @Override
                public boolean isHalted() {
                    return false; // venues report halts as rejects (VENUE_CLOSED); no separate halt feed yet
                }

                @Override
                public boolean isRestricted() {
                    return false; // restricted lists are rules of the jurisdiction's rule set
                }
            };
        }
    }

    /** Notional of an account's working orders in an instrument, in its quote currency. */
    public interface OpenOrdersNotional {
        Money notional(String accountId, Instrument instrument);
    }
}
