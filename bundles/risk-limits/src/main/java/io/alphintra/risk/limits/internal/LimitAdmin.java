package io.alphintra.risk.limits.internal;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.config.support.InvalidConfigurationException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Changes the risk limits at run time on behalf of a user (the shell): finds or creates the one configuration of a
 * scope, validates the change exactly as the component will, writes it through ConfigAdmin with the user's name, and
 * waits until the limits are in force. A change that would be refused is refused here, naming every key and value at
 * fault, and nothing is written, so the limits in force never change to a broken state from the shell.
 */
@Component(service = LimitAdmin.class)
public final class LimitAdmin {
    /** The keys of a limit configuration, as the README documents them. */
    static final Set<String> KEYS = Collections.unmodifiableSortedSet(
            Arrays.stream(LimitConfig.class.getDeclaredMethods()).map(Method::getName)
                    .filter(name -> !name.equals("scope")).collect(Collectors.toCollection(TreeSet<String>::new)));
    private static final Duration IN_FORCE_WAIT = Duration.ofSeconds(10);

    private final ConfigurationAdmin configurationAdmin;
    private final LimitBook book;
    private final LimitChangeLog changes;

    @Activate
    public LimitAdmin(@Reference ConfigurationAdmin configurationAdmin, @Reference LimitBook book,
            @Reference LimitChangeLog changes) {
        this.configurationAdmin = configurationAdmin;
        this.book = book;
        this.changes = changes;
    }

    /** Every configuration's limits in force (or broken), most specific scope first. */
    public List<ScopeLimitsView> inForce() {
        return book.all().stream().map(ScopeLimitsView::of).toList();
    }

    /**
     * Sets and removes keys of the limits of {@code scopeText} as {@code user}; creates the scope's configuration when
     * there is none. Returns the limits in force afterwards.
     *
     * @throws IllegalArgumentException naming what is wrong (scope, key, value), when nothing was changed
     * @throws IOException when ConfigAdmin cannot store the change
     */
    public synchronized ScopeLimitsView change(String user, String scopeText, Map<String, String> set, List<String> unset)
            throws IOException, InterruptedException {
        Scope scope = parseScope(scopeText);
        for (String key : concat(set.keySet(), unset)) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("key '" + key + "' is not a risk limit; the keys are "
                        + String.join(", ", KEYS));
            }
        }
        Configuration configuration = configurationOf(scope);
        if (configuration == null) {
            configuration = configurationAdmin.getFactoryConfiguration(LimitConfig.PID, nameFor(scope), "?");
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
            if (value.isBlank()) {
                next.remove(key); // empty: left to less specific scopes, as in a file
            } else {
                next.put(key, value.trim());
            }
        });
        unset.forEach(next::remove);
        String changeId = UUID.randomUUID().toString();
        next.put(LimitChangeLog.CHANGED_BY, user);
        next.put(LimitChangeLog.CHANGE_ID, changeId);
        String source = configuration.getPid();
        ScopeLimits candidate;
        try {
            candidate = ScopeLimits.from(ConfigReader.typed(LimitConfig.class, next), next, source);
        } catch (InvalidConfigurationException e) {
            changes.recordRequest("refused by the shell, nothing changed", user, source, scope.toString(),
                    e.getMessage());
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (candidate.equals(book.get(source))) {
            return ScopeLimitsView.of(candidate); // the same limits: nothing to write or journal
        }
        Dictionary<String, Object> written = new Hashtable<>();
        next.forEach((key, value) -> {
            if (!key.equals("service.pid") && !key.equals("service.factoryPid")) {
                written.put(key, value);
            }
        });
        configuration.update(written);
        return ScopeLimitsView.of(awaitInForce(source, scope, changeId));
    }

    /** Deletes the configuration of {@code scopeText}: its limits leave force, less specific scopes decide again. */
    public synchronized void delete(String user, String scopeText) throws IOException, InterruptedException {
        Scope scope = parseScope(scopeText);
        Configuration configuration = configurationOf(scope);
        if (configuration == null) {
            throw new IllegalArgumentException("scope " + scope + " has no limit configuration"
                    + " (alphintra:risk-limits lists them)");
        }
        String source = configuration.getPid(); // a deleted configuration answers nothing more
        changes.recordRequest("deletion requested", user, source, scope.toString(), "");
        configuration.delete();
        long deadline = System.nanoTime() + IN_FORCE_WAIT.toNanos();
        while (book.get(source) != null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /**
     * The credit limit of each account, trader and strategy the engine counts credit for, and the headroom left
     * (PT1). The limit shown is the one the scope itself sets (e.g. {@code account:ACC-1} for the account), else the
     * {@code *} default: an order is decided by the most specific scope that matches it, so a scope naming more
     * terms (an account in one venue) can decide some of its orders otherwise, which its rejection then names.
     */
    public List<CreditHeadroom> creditHeadroom(List<io.alphintra.engine.CreditUsage> usage) {
        List<ScopeLimits> all = book.all();
        List<CreditHeadroom> out = new ArrayList<>(usage.size());
        for (io.alphintra.engine.CreditUsage row : usage) {
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
            out.add(CreditHeadroom.of(row, deciding, limit));
        }
        return out;
    }

    /** Whether {@code scope} is {@code *} or names exactly the row's account, trader or strategy and nothing else. */
    private static boolean ownScope(Scope scope, io.alphintra.engine.CreditUsage row) {
        if (scope.instrument() != null || scope.venue() != null) {
            return false;
        }
        String account = row.scope() == io.alphintra.sdk.risk.CreditScope.ACCOUNT ? row.id() : null;
        String trader = row.scope() == io.alphintra.sdk.risk.CreditScope.TRADER ? row.id() : null;
        String strategy = row.scope() == io.alphintra.sdk.risk.CreditScope.STRATEGY ? row.id() : null;
        boolean everything = scope.account() == null && scope.trader() == null && scope.strategy() == null;
        return everything || (java.util.Objects.equals(scope.account(), account)
                && java.util.Objects.equals(scope.trader(), trader)
                && java.util.Objects.equals(scope.strategy(), strategy));
    }

    /** The change journal's newest lines. */
    public List<String> history(int limit) throws IOException {
        return changes.history(limit);
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
                : scope.toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-|-$", "");
        return name.isEmpty() ? "scope" : name;
    }

    /** Waits for the component to journal the change (it journals after putting it in force). */
    private ScopeLimits awaitInForce(String source, Scope scope, String changeId) throws InterruptedException {
        long deadline = System.nanoTime() + IN_FORCE_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            ScopeLimits limits = book.get(source);
            if (limits != null && changes.isRecorded(changeId)) {
                return limits;
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
