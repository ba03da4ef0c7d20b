package io.alphintra.engine.internal;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.engine.TradingEngine;
import io.alphintra.engine.internal.account.AccountComponent;
import io.alphintra.engine.internal.account.AccountConfig;
import io.alphintra.engine.internal.account.AccountDirectory;
import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * The production engine, {@link TradingEngineComponent}, built without a framework: the same constructor Declarative
 * Services calls (journal, gate, {@code PortfolioAccounts}, {@code EngineCore}, Disruptor-fed {@code EngineLoop}),
 * and the same whiteboard binds for venues and rule sets. It lives in the component's package because those binds
 * are package-private; benchmarks run on a plain classpath, so the split package is harmless here.
 */
public final class BenchEngine implements AutoCloseable {
    private final TradingEngineComponent component;

    private BenchEngine(TradingEngineComponent component) {
        this.component = component;
    }

    /**
     * @param durability {@code write} or {@code fsync}
     * @param waitStrategy backoff (the shipped default), blocking, sleeping (the default before), yielding or busy-spin
     */
    public static BenchEngine start(Path journalDirectory, String durability, String waitStrategy, int ringSize)
            throws IOException {
        Map<String, Object> values = Map.of("journalDirectory", journalDirectory.toAbsolutePath().toString(),
                "durability", durability, "waitStrategy", waitStrategy, "ringSize", ringSize);
        return new BenchEngine(new TradingEngineComponent(bundleContext(), config(values), values, accounts()));
    }

    /** The benchmarks' accounts, ACC-1 and ACC-2, through the component that reads them from configuration. */
    private static AccountDirectory accounts() {
        AccountDirectory directory = new AccountDirectory();
        for (String id : new String[] {"ACC-1", "ACC-2"}) {
            Map<String, Object> account = Map.of("id", id, "owner", "benchmark", "baseCurrency", "USD",
                    "cash", "USD 1000000000", "venues", "*", Constants.SERVICE_PID, "io.alphintra.account~" + id);
            new AccountComponent(directory, ConfigReader.typed(AccountConfig.class, account), account);
        }
        return directory;
    }

    public TradingEngine engine() {
        return component;
    }

    public void addVenue(ExchangeAdapter adapter) {
        component.addExchangeAdapter(adapter);
    }

    public void addRuleSet(RuleSet ruleSet) {
        component.addRuleSet(ruleSet);
    }

    @Override
    public void close() {
        component.deactivate();
    }

    private static BundleContext bundleContext() {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getVersion" -> Version.parseVersion("0.1.0.benchmark");
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "benchmark bundle";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "benchmark bundle context";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The configuration as DS would hand it over: each attribute from {@code values}, else its default. */
    private static EngineConfig config(Map<String, Object> values) {
        return (EngineConfig) Proxy.newProxyInstance(EngineConfig.class.getClassLoader(),
                new Class<?>[] {EngineConfig.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "annotationType":
                            return EngineConfig.class;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "EngineConfig" + values;
                        default:
                            Object value = values.get(method.getName());
                            return value == null ? method.getDefaultValue() : value;
                    }
                });
    }
}
