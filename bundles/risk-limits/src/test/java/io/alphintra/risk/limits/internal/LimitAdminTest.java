package io.alphintra.risk.limits.internal;

import static io.alphintra.risk.limits.internal.Fixtures.AAPL;
import static io.alphintra.risk.limits.internal.Fixtures.config;
import static io.alphintra.risk.limits.internal.Fixtures.limit;
import static io.alphintra.risk.limits.internal.Fixtures.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.engine.CreditUsage;
import io.alphintra.engine.TradingEngine;
import io.alphintra.risk.limits.CreditLine;
import io.alphintra.risk.limits.LimitSet;
import io.alphintra.risk.limits.internal.Fixtures.Context;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.CreditScope;
import java.io.InterruptedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The {@code RiskLimits} service as the shell and the HTTP API use it, against a ConfigAdmin that hands every
 * configuration to the limit components as Declarative Services does: what is written, what comes into force, what the
 * next order meets, and what the journal records with who.
 */
class LimitAdminTest {
    private static final String PID = LimitConfig.PID;
    private static final Currency USD = Currency.of("USD");
    private static final Currency JPY = Currency.of("JPY");

    @TempDir
    Path data;
    private final LimitBook book = new LimitBook();
    private final OrderSizeCheck check = new OrderSizeCheck(book);
    private LimitChangeLog changes;
    private ConfigStore store;
    private LimitAdmin limits;

    @BeforeEach
    void start() {
        changes = new LimitChangeLog(data.resolve("changes.log"),
                Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));
        store = new ConfigStore();
        limits = new LimitAdmin(store.admin(), book, changes);
    }

    private CheckResult buyForAcc1(long quantity) {
        return check.check(limit(AAPL, Side.BUY, quantity, 1_900_000), new Context(AAPL));
    }

    @Test
    void aChangeCreatesTheScopesConfigurationDecidesTheNextOrderAndIsJournaledWithWho() throws Exception {
        assertThat(buyForAcc1(1_001)).isSameAs(CheckResult.accept());

        LimitSet inForce = limits.change("account:ACC-1", Map.of("maxOrderQuantity", "1000", "maxLongPosition",
                " 50000 "), List.of(), "carol");

        assertThat(inForce).isEqualTo(new LimitSet("account:ACC-1", PID + "~account-acc-1",
                Map.of("maxOrderQuantity", "1000", "maxLongPosition", "50000"),
                "maxOrderQuantity = 1000, maxLongPosition = 50000", false, "carol"));
        assertThat(buyForAcc1(1_001).text()).endsWith("over the limit of 1000 for account:ACC-1");
        assertThat(store.properties(PID + "~account-acc-1")).containsEntry("changedBy", "carol")
                .containsKey("changeId").containsEntry("scope", "account:ACC-1");
        assertThat(limits.inForce()).containsExactly(inForce);
        assertThat(limits.history(5)).singleElement().asString()
                .startsWith("2026-12-07T10:00:00Z\tin force\tcarol\t" + PID + "~account-acc-1\t")
                .endsWith("\taccount:ACC-1\tmaxOrderQuantity = 1000, maxLongPosition = 50000");
    }

    @Test
    void setAndUnsetChangeOnlyTheKeysNamedAndKeepTheOthersOfTheScope() throws Exception {
        store.file(PID + "~acc1", config("account:ACC-1", "maxOrderQuantity", "1000", "warnOrderQuantity", "500",
                "maxLongPosition", "50000", "maxShortPosition", "0"));
        Map<String, String> set = new LinkedHashMap<>();
        set.put("maxOrderQuantity", "2000");
        set.put("maxLongPosition", ""); // empty: left to less specific scopes, as in a file
        set.put("maxShortPosition", null);

        LimitSet inForce = limits.change("account:ACC-1", set, List.of("warnOrderQuantity"), "carol");

        assertThat(inForce.source()).as("the scope's own configuration, not a new one").isEqualTo(PID + "~acc1");
        assertThat(inForce.limits()).isEqualTo(Map.of("maxOrderQuantity", "2000"));
        assertThat(store.properties(PID + "~acc1")).doesNotContainKeys("warnOrderQuantity", "maxLongPosition",
                "maxShortPosition");
        assertThat(buyForAcc1(2_000)).isSameAs(CheckResult.accept());
        assertThat(buyForAcc1(2_001).isRejected()).isTrue();
    }

    @Test
    void aChangeThatWouldBeRefusedNamesWhatIsWrongAndWritesNothing() throws Exception {
        store.file(PID + "~acc1", config("account:ACC-1", "maxOrderQuantity", "1000"));
        List<LimitSet> before = limits.inForce();

        assertThatThrownBy(() -> limits.change("account:ACC-1", Map.of("maxOrderQuantity", "1,000"), List.of(),
                "carol")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxOrderQuantity = '1,000': not a plain non-negative decimal number");
        assertThatThrownBy(() -> limits.change("account:ACC-1", Map.of("warnOrderQuantity", "1000"), List.of(),
                "carol")).hasMessageContaining("warnOrderQuantity = '1000': must be below maxOrderQuantity = 1000");
        assertThatThrownBy(() -> limits.change("account:ACC-1", Map.of("maxOrderQty", "5"), List.of(), "carol"))
                .hasMessageStartingWith("key 'maxOrderQty' is not a risk limit; the keys are accountCreditLimit,");
        assertThatThrownBy(() -> limits.change("acount:ACC-1", Map.of("maxOrderQuantity", "5"), List.of(), "carol"))
                .hasMessageStartingWith("scope = 'acount:ACC-1': ");
        assertThatThrownBy(() -> limits.change("account:ACC-1", Map.of("maxOrderQuantity", "5"),
                List.of("maxOrderQuantity"), "carol")).hasMessage("key 'maxOrderQuantity' is both set and unset");
        assertThatThrownBy(() -> limits.change("account:ACC-1", Map.of("maxOrderQuantity", "5"), List.of(), " "))
                .hasMessageStartingWith("changedBy is empty");

        assertThat(store.updates).as("written once, by the file").isEqualTo(1);
        assertThat(limits.inForce()).isEqualTo(before);
        assertThat(limits.history(10)).anySatisfy(line -> assertThat(line).contains("\trefused, nothing changed\tcarol\t"
                + PID + "~acc1\t\taccount:ACC-1\tInvalid configuration io.alphintra.risk.limit: maxOrderQuantity ="
                + " '1,000'"));
    }

    @Test
    void theSameLimitsAgainWriteAndJournalNothing() throws Exception {
        LimitSet first = limits.change("*", Map.of("maxOrderQuantity", "1000"), List.of(), "carol");
        int journaled = limits.history(100).size();

        LimitSet again = limits.change("*", Map.of("maxOrderQuantity", "1000"), List.of(), "dave");

        assertThat(again).isEqualTo(first);
        assertThat(store.updates).isEqualTo(1);
        assertThat(limits.history(100)).hasSize(journaled);
    }

    @Test
    void inForceListsEveryScopeMostSpecificFirstWithItsKeysAsWrittenAndWhoChangedIt() throws Exception {
        store.file(PID + "~default", config("*", "maxOrderValue", "USD 1000000", "softLimitAction", "warn",
                "warnOrderValue", "USD 500000"));
        store.file(PID + "~bad", config("trader:bob", "maxOrderQuantity", "lots"));
        limits.change("account:ACC-1 instrument:AAPL@SIMX_US", Map.of("maxShortPosition", "0"), List.of(), "carol");

        List<LimitSet> inForce = limits.inForce();

        assertThat(inForce).extracting(LimitSet::scope)
                .containsExactly("account:ACC-1 instrument:AAPL@SIMX_US", "trader:bob", "*");
        assertThat(inForce.get(0).changedBy()).isEqualTo("carol");
        assertThat(inForce.get(0).limits()).as("no scope, changedBy, changeId or service.pid")
                .isEqualTo(Map.of("maxShortPosition", "0"));
        assertThat(inForce.get(1).broken()).isTrue();
        assertThat(inForce.get(1).limits()).as("what was written, wrong as it is")
                .isEqualTo(Map.of("maxOrderQuantity", "lots"));
        assertThat(inForce.get(1).description()).startsWith("NOT IN FORCE (Invalid configuration");
        assertThat(inForce.get(2)).isEqualTo(new LimitSet("*", PID + "~default", Map.of("maxOrderValue",
                "USD 1000000", "softLimitAction", "warn", "warnOrderValue", "USD 500000"),
                book.get(PID + "~default").describe(), false, null));
    }

    @Test
    void aFileEditThatIsRefusedLeavesTheLastGoodLimitsAndTheirKeysOnShow() throws Exception {
        LimitSet good = limits.change("account:ACC-1", Map.of("maxOrderQuantity", "1000"), List.of(), "carol");
        store.file(PID + "~account-acc-1", config("account:ACC-1", "maxOrderQuantity", "1,000"));

        assertThat(limits.inForce()).containsExactly(good);
        assertThat(buyForAcc1(1_001).isRejected()).isTrue();
    }

    @Test
    void aNewScopeNeverTakesOverAnotherScopesConfigurationOfTheSameName() throws Exception {
        store.file(PID + "~account-acc-1", config("account:ACC-1 venue:SIMX_US", "maxOrderQuantity", "10"));

        LimitSet created = limits.change("account:ACC-1", Map.of("maxOrderQuantity", "1000"), List.of(), "carol");

        assertThat(created.source()).isEqualTo(PID + "~account-acc-1-2");
        assertThat(store.properties(PID + "~account-acc-1")).containsEntry("scope", "account:ACC-1 venue:SIMX_US")
                .containsEntry("maxOrderQuantity", "10");
    }

    @Test
    void aScopeConfiguredTwiceIsForTheOperatorToMergeFirst() {
        store.file(PID + "~a", config("account:ACC-1", "maxOrderQuantity", "10"));
        store.file(PID + "~b", config("account:ACC-1", "maxLongPosition", "10"));

        assertThatThrownBy(() -> limits.change("account:ACC-1", Map.of("maxOrderQuantity", "20"), List.of(),
                "carol")).hasMessage("scope account:ACC-1 is configured 2 times (" + PID + "~a, " + PID + "~b):"
                + " merge them into one configuration first");
        assertThatThrownBy(() -> limits.delete("account:ACC-1", "carol")).hasMessageContaining("configured 2 times");
    }

    @Test
    void deleteTakesTheScopesLimitsOutOfForceJournaledWithWho() throws Exception {
        limits.change("account:ACC-1", Map.of("maxOrderQuantity", "1000"), List.of(), "carol");

        limits.delete("account:ACC-1", "dave");

        assertThat(limits.inForce()).isEmpty();
        assertThat(store.properties(PID + "~account-acc-1")).isNull();
        assertThat(buyForAcc1(1_001)).isSameAs(CheckResult.accept());
        List<String> journal = limits.history(2);
        assertThat(journal.get(0)).contains("\tdeletion requested\tdave\t" + PID + "~account-acc-1\t");
        assertThat(journal.get(1)).contains("\tremoved\t");
        assertThatThrownBy(() -> limits.delete("account:ACC-9", "dave")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scope account:ACC-9 has no limit configuration (alphintra:risk-limits lists them)");
    }

    @Test
    void anInterruptedWaitSaysWhatWasWrittenAndKeepsTheInterrupt() throws Exception {
        store.file(PID + "~acc1", config("account:ACC-1", "maxOrderQuantity", "1000"));
        store.deliver = false; // ConfigAdmin has not handed the change to the component yet

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> limits.change("account:ACC-1", Map.of("maxOrderQuantity", "5"), List.of(), "carol"))
                .isInstanceOf(InterruptedIOException.class).hasMessage("the change of account:ACC-1 was written ("
                        + PID + "~acc1) and applies once read; interrupted while waiting for it to come into force");
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> limits.delete("account:ACC-1", "carol")).isInstanceOf(InterruptedIOException.class)
                .hasMessageContaining("was deleted; interrupted while waiting for its limits to leave force");
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void creditShowsEachScopesOwnLimitElseTheDefaultAndWhatIsLeft() throws Exception {
        store.file(PID + "~default", config("*", "accountCreditLimit", "USD 1000000"));
        store.file(PID + "~acc1", config("account:ACC-1", "accountCreditLimit", "USD 500"));
        store.file(PID + "~acc1-us", config("account:ACC-1 venue:SIMX_US", "accountCreditLimit", "USD 5"));
        store.file(PID + "~alice", config("trader:alice", "traderCreditLimit", "none"));
        limits.bindEngine(engine(List.of(
                usage(CreditScope.ACCOUNT, "ACC-1", USD, 400_0000L, 150_5000L),
                usage(CreditScope.ACCOUNT, "ACC-2", USD, 10_0000L, 0),
                usage(CreditScope.ACCOUNT, "ACC-2", JPY, 10_0000L, 0),
                usage(CreditScope.TRADER, "alice", USD, 400_0000L, 150_5000L))));

        List<CreditLine> rows = limits.credit().toCompletableFuture().get(5, TimeUnit.SECONDS);

        // ACC-1's own scope, not the narrower account-and-venue one (which decides only its SIMX_US orders).
        assertThat(rows.get(0).limit()).hasValue("USD 500");
        assertThat(rows.get(0).limitScope()).hasValue("account:ACC-1");
        assertThat(rows.get(0).headroom()).hasValue(Money.of(USD, -50_5000L, 4));
        assertThat(rows.get(1).limit()).hasValue("USD 1000000");
        assertThat(rows.get(1).limitScope()).hasValue("*");
        assertThat(rows.get(1).headroom()).hasValue(Money.of(USD, 999_990_0000L, 4));
        assertThat(rows.get(2).limit()).as("no limit in yen anywhere").isEmpty();
        assertThat(rows.get(2).limitScope()).isEmpty();
        assertThat(rows.get(2).headroom()).isEmpty();
        assertThat(rows.get(3).limit()).hasValue("USD none");
        assertThat(rows.get(3).headroom()).as("lifted").isEqualTo(Optional.empty());
        assertThat(rows).extracting(CreditLine::usage).extracting(CreditUsage::id)
                .containsExactly("ACC-1", "ACC-2", "ACC-2", "alice");
    }

    @Test
    void creditNeedsTheEngineAndFollowsItsReplacement() throws Exception {
        assertThatThrownBy(() -> limits.credit().toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("the trading engine is not running: it counts the credit used");

        TradingEngine first = engine(List.of());
        TradingEngine second = engine(List.of(usage(CreditScope.STRATEGY, "momentum-1", USD, 1_0000L, 0)));
        limits.bindEngine(first);
        limits.bindEngine(second); // a greedy replacement binds the new engine before it unbinds the old one
        limits.unbindEngine(first);

        assertThat(limits.credit().toCompletableFuture().get(5, TimeUnit.SECONDS)).extracting(row -> row.usage().id())
                .containsExactly("momentum-1");
        limits.unbindEngine(second);
        assertThat(limits.credit().toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void historyNeedsAPositiveLimit() {
        assertThatThrownBy(() -> limits.history(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("history limit = 0: must be at least 1");
    }

    private static CreditUsage usage(CreditScope scope, String id, Currency currency, long working, long executed) {
        return new CreditUsage(scope, id, Money.of(currency, working, 4), Money.of(currency, executed, 4));
    }

    /** An engine that answers {@code credit()} with {@code usage}, as the real one does, from another thread. */
    private static TradingEngine engine(List<CreditUsage> usage) {
        return (TradingEngine) Proxy.newProxyInstance(LimitAdminTest.class.getClassLoader(),
                new Class<?>[] {TradingEngine.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "credit" -> CompletableFuture.supplyAsync(() -> usage);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * Factory configurations of {@link LimitConfig#PID} as Felix ConfigAdmin keeps them ({@code PID~name}), handed to
     * one {@link LimitScopeComponent} per configuration as Declarative Services does: activated by the first update,
     * modified by the next, deactivated as deleted.
     */
    private final class ConfigStore {
        private final Map<String, Map<String, Object>> stored = new HashMap<>();
        private final Map<String, LimitScopeComponent> components = new HashMap<>();
        /** False: ConfigAdmin keeps changes but has not delivered them yet. */
        boolean deliver = true;
        int updates;

        /** A configuration as a file in {@code etc/} gives it: no user, no change id. */
        void file(String pid, Map<String, Object> properties) {
            update(pid, properties);
        }

        Map<String, Object> properties(String pid) {
            return stored.get(pid);
        }

        ConfigurationAdmin admin() {
            return (ConfigurationAdmin) Proxy.newProxyInstance(LimitAdminTest.class.getClassLoader(),
                    new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getFactoryConfiguration" -> {
                            assertThat(args).hasSize(3);
                            assertThat(args[0]).isEqualTo(PID);
                            yield configuration(PID + "~" + args[1]);
                        }
                        case "listConfigurations" -> {
                            assertThat(args[0]).isEqualTo("(service.factoryPid=" + PID + ")");
                            List<Configuration> all = stored.keySet().stream().sorted().map(this::configuration)
                                    .toList();
                            yield all.isEmpty() ? null : all.toArray(new Configuration[0]); // as Felix answers
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private Configuration configuration(String pid) {
            return (Configuration) Proxy.newProxyInstance(LimitAdminTest.class.getClassLoader(),
                    new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getPid" -> pid;
                        case "getFactoryPid" -> PID;
                        case "getProperties" -> dictionary(pid);
                        case "update" -> {
                            @SuppressWarnings("unchecked")
                            Dictionary<String, Object> written = (Dictionary<String, Object>) args[0];
                            List<String> keys = Collections.list(written.keys());
                            assertThat(keys).doesNotContain("service.pid", "service.factoryPid");
                            Map<String, Object> map = new HashMap<>();
                            keys.forEach(key -> map.put(key, written.get(key)));
                            update(pid, map);
                            yield null;
                        }
                        case "delete" -> {
                            stored.remove(pid);
                            LimitScopeComponent component = deliver ? components.remove(pid) : null;
                            if (component != null) {
                                component.deactivate(4);
                            }
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        /** As ConfigAdmin answers: the stored properties with the PIDs, or null before the first update. */
        private Dictionary<String, Object> dictionary(String pid) {
            Map<String, Object> properties = stored.get(pid);
            if (properties == null) {
                return null;
            }
            Hashtable<String, Object> copy = new Hashtable<>(properties);
            copy.put("service.pid", pid);
            copy.put("service.factoryPid", PID);
            return copy;
        }

        private void update(String pid, Map<String, Object> properties) {
            updates++;
            stored.put(pid, new HashMap<>(properties));
            if (!deliver) {
                return;
            }
            Map<String, Object> delivered = new HashMap<>(properties);
            delivered.put("service.pid", pid);
            delivered.put("service.factoryPid", PID);
            LimitScopeComponent component = components.get(pid);
            if (component == null) {
                components.put(pid, new LimitScopeComponent(book, changes, typed(delivered), delivered));
            } else {
                component.modified(typed(delivered), delivered);
            }
        }
    }
}
