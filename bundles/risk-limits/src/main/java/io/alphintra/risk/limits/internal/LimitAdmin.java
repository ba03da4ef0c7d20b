package io.alphintra.risk.limits.internal;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.config.support.InvalidConfigurationException;
import io.alphintra.engine.CreditUsage;
import io.alphintra.engine.TradingEngine;
import io.alphintra.risk.limits.CreditLine;
import io.alphintra.risk.limits.LimitSet;
import io.alphintra.risk.limits.RiskLimits;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.risk.CreditScope;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link RiskLimits} service, which the shell commands and the HTTP API use: changes the risk limits at run time
 * on behalf of a user, finds or creates the one configuration of a scope, validates the change exactly as the
 * component will, writes it through ConfigAdmin with the user's name, and waits until the limits are in force. A
 * change that would be refused is refused here, naming every key and value at fault, and nothing is written, so the
 * limits in force never change to a broken state through this service.
 *
 * <p>The trading engine is optional: without it the limits can still be read and changed, only {@link #credit()}
 * (the engine counts credit used) fails.
 */
@Component(service = RiskLimits.class)
public final class LimitAdmin implements RiskLimits {
    private static final Duration IN_FORCE_WAIT = Duration.ofSeconds(10);

    private final ConfigurationAdmin configurationAdmin;
    private final LimitBook book;
    private final LimitChangeLog changes;
    private final AtomicReference<TradingEngine> engine = new AtomicReference<>();

    @Activate
    public LimitAdmin(@Reference ConfigurationAdmin configurationAdmin, @Reference LimitBook book,
            @Reference LimitChangeLog changes) {
        this.configurationAdmin = configurationAdmin;
        this.book = book;
        this.changes = changes;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindEngine")
    void bindEngine(TradingEngine bound) {
        engine.set(bound);
    }

    void unbindEngine(TradingEngine unbound) {
        engine.compareAndSet(unbound, null); // a greedy replacement binds the new engine before unbinding the old
    }

    @Override
    public List<LimitSet> inForce() {
        return book.inForce();
    }

    /**
     * {@inheritDoc}
     *
     * <p>A value that is null or blank removes the key, as {@code unset} does (left to less specific scopes, as an
     * empty key in a file); {@code none} lifts the limit at this scope. Returns at once, writing nothing, when the
     * change leaves the limits as they are.
     *
     * @throws java.io.InterruptedIOException when interrupted while waiting for the written change to come into force
     *     (the interrupt flag is set again)
     */
    @Override
    public synchronized LimitSet change(String scopeText, Map<String, String> set, List<String> unset,
            String changedBy) throws IOException {
        if (changedBy == null || changedBy.isBlank()) {
            throw new IllegalArgumentException("changedBy is empty: every change is journaled with who made it");
        }
        Scope scope = parseScope(scopeText);
        for (String key : concat(set.keySet(), unset)) {
            if (!ScopeLimits.KEYS.contains(key)) {
                throw new IllegalArgumentException("key '" + key + "' is not a risk limit; the keys are "
                        + String.join(", ", ScopeLimits.KEYS));
            }
        }
        for (String key : unset) {
            if (set.containsKey(key)) {
                throw new IllegalArgumentException("key '" + key + "' is both set and unset");
            }
        }
        Configuration configuration = configurationOf(scope);
        if (configuration == null) {
            configuration = newConfiguration(scope);
        }
        Map<String, Object> next = new HashMap<>();
        Dictionary<String, Object> current = configuration.getProperties();
        if (current != null) {
            for (Enumeration<String> keys = current.keys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                next.put(key, current.get(key));
            }
        }
        next.put("scope", scope.toString());
        set.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                next.remove(key); // empty: left to less specific scopes, as in a file
            } else {
                next.put(key, value.trim());
            }
        });
        unset.forEach(next::remove);
        String changeId = UUID.randomUUID().toString();
        next.put(LimitChangeLog.CHANGED_BY, changedBy);
        next.put(LimitChangeLog.CHANGE_ID, changeId);
        String source = configuration.getPid();
        ScopeLimits candidate;
        try {
            candidate = ScopeLimits.from(ConfigReader.typed(LimitConfig.class, next), next, source);
        } catch (InvalidConfigurationException e) {
            changes.recordRequest("refused, nothing changed", changedBy, source, scope.toString(),
                    e.getMessage());
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (candidate.equals(book.get(source))) {
            return book.limitSet(source); // the same limits: nothing to write or journal
        }
        Dictionary<String, Object> written = new Hashtable<>();
        next.forEach((key, value) -> {
            if (!key.equals("service.pid") && !key.equals("service.factoryPid")) {
                written.put(key, value);
            }
        });
        configuration.update(written);
        try {
            awaitInForce(source, scope, changeId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted("the change of " + scope + " was written (" + source + ") and applies once read;"
                    + " interrupted while waiting for it to come into force", e);
        }
        return book.limitSet(source);
    }

    /**
     * {@inheritDoc}
     *
     * @throws java.io.InterruptedIOException when interrupted while waiting for the limits to leave force (the
     *     interrupt flag is set again)
     */
    @Override
    public synchronized void delete(String scopeText, String deletedBy) throws IOException {
        if (deletedBy == null || deletedBy.isBlank()) {
            throw new IllegalArgumentException("deletedBy is empty: every change is journaled with who made it");
        }
        Scope scope = parseScope(scopeText);
        Configuration configuration = configurationOf(scope);
        if (configuration == null) {
            throw new IllegalArgumentException("scope " + scope + " has no limit configuration"
                    + " (alphintra:risk-limits lists them)");
        }
        String source = configuration.getPid(); // a deleted configuration answers nothing more
        changes.recordRequest("deletion requested", deletedBy, source, scope.toString(), "");
        configuration.delete();
        long deadline = System.nanoTime() + IN_FORCE_WAIT.toNanos();
        try {
            while (book.get(source) != null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted("the configuration of " + scope + " (" + source + ") was deleted; interrupted while"
                    + " waiting for its limits to leave force", e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The limit shown is the one the scope itself sets (e.g. {@code account:ACC-1} for the account), else the
     * {@code *} default: an order is decided by the most specific scope that matches it, so a scope naming more terms
     * (an account in one venue) can decide some of its orders otherwise, which its rejection then names. Fails with
     * an {@link IllegalStateException} when the trading engine is not running.
     */
    @Override
    public CompletionStage<List<CreditLine>> credit() {
        TradingEngine current = engine.get();
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "the trading engine is not running: it counts the credit used"));
        }
        // The engine answers on its own thread, which must never wait for the book's lock: combine on another.
        return current.credit().thenApplyAsync(this::creditLines);
    }

    private List<CreditLine> creditLines(List<CreditUsage> usage) {
        List<ScopeLimits> all = book.all();
        List<CreditLine> out = new ArrayList<>(usage.size());
        for (CreditUsage row : usage) {
            LimitKind kind = switch (row.scope()) {
                case ACCOUNT -> LimitKind.ACCOUNT_CREDIT;
                case TRADER -> LimitKind.TRADER_CREDIT;
                case STRATEGY -> LimitKind.STRATEGY_CREDIT;
            };
            ScopeLimits deciding = null;
            DecimalLimit limit = null;
            for (ScopeLimits limits : all) { // most specific first
                if (limits.isBroken() || !ownScope(limits.scope(), row)) {
                    continue;
                }
                DecimalLimit amount = limits.value(kind, row.working().currency());
                if (amount != null) {
                    deciding = limits;
                    limit = amount;
                    break;
                }
            }
            out.add(creditLine(row, deciding, limit));
        }
        return out;
    }

    private static CreditLine creditLine(CreditUsage usage, ScopeLimits deciding, DecimalLimit limit) {
        if (limit == null) {
            return new CreditLine(usage, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<Money> headroom = Optional.empty();
        if (!limit.isNone()) {
            Money used = usage.used();
            BigDecimal left = BigDecimal.valueOf(limit.mantissa(), limit.scale())
                    .subtract(BigDecimal.valueOf(used.mantissa(), used.scale()));
            int scale = Math.max(left.scale(), used.scale());
            headroom = Optional.of(Money.of(used.currency(), left.setScale(scale).unscaledValue().longValueExact(),
                    scale));
        }
        return new CreditLine(usage, Optional.of(usage.working().currency().code() + " " + limit),
                Optional.of(deciding.scope().toString()), headroom);
    }

    /** Whether {@code scope} is {@code *} or names exactly the row's account, trader or strategy and nothing else. */
    private static boolean ownScope(Scope scope, CreditUsage row) {
        if (scope.instrument() != null || scope.venue() != null) {
            return false;
        }
        String account = row.scope() == CreditScope.ACCOUNT ? row.id() : null;
        String trader = row.scope() == CreditScope.TRADER ? row.id() : null;
        String strategy = row.scope() == CreditScope.STRATEGY ? row.id() : null;
        boolean everything = scope.account() == null && scope.trader() == null && scope.strategy() == null;
        return everything || (Objects.equals(scope.account(), account)
                && Objects.equals(scope.trader(), trader)
                && Objects.equals(scope.strategy(), strategy));
    }

    @Override
    public List<String> history(int limit) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("history limit = " + limit + ": must be at least 1");
        }
        return changes.history(limit);
    }

    private static InterruptedIOException interrupted(String message, InterruptedException cause) {
        InterruptedIOException exception = new InterruptedIOException(message);
        exception.initCause(cause);
        return exception;
    }

    private static Scope parseScope(String text) {
        try {
            return Scope.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scope = '" + text + "': " + e.getMessage(), e);
        }
    }

    /** The one configuration of {@code scope}, or null; two or more are for the operator to merge first. */
    private Configuration configurationOf(Scope scope) throws IOException {
        Configuration[] all;
        try {
            all = configurationAdmin.listConfigurations("(service.factoryPid=" + LimitConfig.PID + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Configuration> ofScope = new ArrayList<>();
        for (Configuration configuration : all == null ? new Configuration[0] : all) {
            Object text = configuration.getProperties() == null ? null : configuration.getProperties().get("scope");
            try {
                if (text != null && Scope.parse(text.toString()).equals(scope)) {
                    ofScope.add(configuration);
                }
            } catch (IllegalArgumentException unreadable) {
                // Not this scope's: its own component reports it.
            }
        }
        if (ofScope.size() > 1) {
            throw new IllegalArgumentException("scope " + scope + " is configured " + ofScope.size() + " times ("
                    + ofScope.stream().map(Configuration::getPid).collect(Collectors.joining(", "))
                    + "): merge them into one configuration first");
        }
        return ofScope.isEmpty() ? null : ofScope.get(0);
    }

    /** A factory configuration name from the scope: {@code account:ACC-1 instrument:AAPL@X} → {@code account-acc-1-...}. */
    static String nameFor(Scope scope) {
        String name = scope.toString().equals("*") ? "all"
                : scope.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-|-$", "");
        return name.isEmpty() ? "scope" : name;
    }

    /**
     * A new configuration for {@code scope}, named after it. A configuration of that name can exist for another scope
     * (a file {@code ...limit-account-acc-1.cfg} whose scope also names a venue): that one is left alone.
     */
    private Configuration newConfiguration(Scope scope) throws IOException {
        String name = nameFor(scope);
        for (int suffix = 2; ; suffix++) {
            Configuration configuration = configurationAdmin.getFactoryConfiguration(LimitConfig.PID, name, "?");
            if (configuration.getProperties() == null) {
                return configuration;
            }
            name = nameFor(scope) + "-" + suffix;
        }
    }

    /** Waits for the component to journal the change (it journals after putting it in force). */
    private void awaitInForce(String source, Scope scope, String changeId) throws InterruptedException {
        long deadline = System.nanoTime() + IN_FORCE_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (book.get(source) != null && changes.isRecorded(changeId)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the change of " + scope + " was written (" + source + ") but is not in force"
                + " after " + IN_FORCE_WAIT.toSeconds() + " s: see the log");
    }

    private static List<String> concat(Set<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
