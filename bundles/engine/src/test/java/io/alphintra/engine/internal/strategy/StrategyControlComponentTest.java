package io.alphintra.engine.internal.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.engine.OrderPage;
import io.alphintra.engine.StrategyInstance;
import io.alphintra.engine.StrategyType;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.strategy.Strategy;
import io.alphintra.sdk.strategy.StrategyContext;
import io.alphintra.sdk.strategy.StrategyFactory;
import io.alphintra.sdk.strategy.StrategyConfig;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Strategy instances created, started, stopped and removed at run time: validated as the instance component reads a
 * configuration, written through ConfigAdmin (a fake here, which hands each change to the host on another thread,
 * as Declarative Services does), and listed with their settings, secrets left out.
 */
class StrategyControlComponentTest {
    private static final Map<String, String> REQUIRED = Map.of("instruments", "AAPL@SIMX_US", "accountId", "ACC-1",
            "traderId", "alice");

    @TempDir
    Path home;

    private final FakeConfigurationAdmin configurationAdmin = new FakeConfigurationAdmin();
    private StrategyHost host;
    private StrategyControlComponent control;

    @BeforeEach
    void start() {
        System.setProperty("karaf.home", home.toString());
        TradingEngine engine = (TradingEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TradingEngine.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "haltReason" -> Optional.empty();
                    case "orders" -> CompletableFuture.completedFuture(new OrderPage(List.of(), null));
                    case "instrument", "venue" -> Optional.empty();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        host = new StrategyHost(engine, (order, source) -> { });
        configurationAdmin.host = host;
        control = new StrategyControlComponent(host, configurationAdmin.proxy());
        host.bindStrategyFactory(reference("com.example.strategies.idle", "2.3.1"), factory("idle"));
    }

    @AfterEach
    void stop() {
        host.deactivate();
    }

    @Test
    void typesNameTheBundleThatRegisteredTheirFactory() {
        assertThat(control.types()).containsExactly(new StrategyType("idle", "com.example.strategies.idle", "2.3.1"));
    }

    @Test
    void aCreatedInstanceIsWrittenAsAConfigurationRunsAndIsListedWithoutItsSecrets() {
        Map<String, String> settings = new HashMap<>(REQUIRED);
        settings.put("maxOrdersPerSecond", "20");
        settings.put("param.window", "20");
        settings.put("param.apiToken", "s3cr3t");

        StrategyInstance created = control.create("idle-1", "idle", settings, "admin");

        assertThat(created.state()).isEqualTo("RUNNING");
        assertThat(created.instruments()).containsExactly("AAPL@SIMX_US");
        assertThat(configurationAdmin.written("idle-1")).containsEntry("instanceId", "idle-1")
                .containsEntry("type", "idle").containsEntry("maxOrdersPerSecond", "20")
                .containsEntry("param.apiToken", "s3cr3t");
        StrategyInstance listed = control.instances().get(0);
        assertThat(listed.settings()).containsEntry("param.window", "20").containsEntry("maxOrdersPerSecond", "20")
                .doesNotContainKeys("param.apiToken", "instanceId", "type", "service.pid", "service.factoryPid");
        assertThat(listed.accountId()).isEqualTo("ACC-1");
        assertThat(listed.traderId()).isEqualTo("alice");
    }

    @Test
    void stopStartAndRemoveGoThroughTheHostAndRemoveDeletesTheConfiguration() {
        control.create("idle-1", "idle", REQUIRED, "admin");

        assertThat(control.stop("idle-1", "bob")).isEqualTo("idle-1 stopped");
        assertThat(control.instances().get(0).state()).isEqualTo("STOPPED");
        assertThat(control.stop("idle-1", "bob")).isEqualTo("idle-1 is not running");
        assertThat(control.start("idle-1", "bob")).isEqualTo("idle-1 started");
        assertThat(control.instances().get(0).state()).isEqualTo("RUNNING");

        assertThat(control.remove("idle-1", "admin")).isTrue();
        assertThat(configurationAdmin.written("idle-1")).isNull();
        assertThat(control.instances()).isEmpty();
        assertThat(control.remove("idle-1", "admin")).as("gone").isFalse();
        assertThatThrownBy(() -> control.start("idle-1", "bob")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no strategy instance 'idle-1'");
    }

    @Test
    void badInstancesAreRefusedNamingKeyAndValueAndNothingIsWritten() {
        control.create("taken", "idle", REQUIRED, "admin");
        assertRefused("bad id!", "idle", REQUIRED, "id = 'bad id!'");
        assertRefused("a..b", "idle", REQUIRED, "id = 'a..b'");
        assertRefused("manual", "idle", REQUIRED, "id = 'manual': reserved");
        assertRefused("taken", "idle", REQUIRED, "id = 'taken': an instance with this id exists");
        assertRefused("x-1", "nosuch", REQUIRED, "type = 'nosuch': no strategy type", "installed: idle");
        assertRefused("x-1", "idle", without("accountId"), "settings.accountId = '': required");
        assertRefused("x-1", "idle", with("maxOrderPerSecond", "5"), "settings.maxOrderPerSecond = '5': not a"
                + " strategy setting");
        assertRefused("x-1", "idle", with("maxOrdersPerSecond", "lots"), "maxOrdersPerSecond = 'lots'");
        assertRefused("x-1", "idle", with("maxMessagesPerSecond", "80"), "maxMessagesPerSecond = '80': must be"
                + " below maxOrdersPerSecond");
        assertRefused("x-1", "idle", with("instruments", "AAPL"), "instruments = 'AAPL'");
        assertRefused("x-1", "idle", with("instanceId", "other"), "settings.instanceId = 'other'");
        assertThat(configurationAdmin.configurations.keySet()).containsExactly("taken");
    }

    private void assertRefused(String id, String type, Map<String, String> settings, String... expected) {
        assertThatThrownBy(() -> control.create(id, type, settings, "admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(expected);
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> settings = new HashMap<>(REQUIRED);
        settings.put(key, value);
        return settings;
    }

    private static Map<String, String> without(String key) {
        Map<String, String> settings = new HashMap<>(REQUIRED);
        settings.remove(key);
        return settings;
    }

    private static StrategyFactory factory(String type) {
        return new StrategyFactory() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Strategy create(StrategyConfig config) {
                return new Strategy() {
                    @Override
                    public void onStart(StrategyContext context) {
                    }
                };
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<StrategyFactory> reference(String symbolicName, String version) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> Version.parseVersion(version);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ServiceReference<StrategyFactory>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * ConfigAdmin's factory configurations of {@code io.alphintra.strategy}, by name; each change reaches the host on
     * another thread, as the instance component's activation and deactivation do.
     */
    private static final class FakeConfigurationAdmin {
        final Map<String, Map<String, Object>> configurations = new ConcurrentHashMap<>();
        StrategyHost host;

        Map<String, Object> written(String name) {
            return configurations.get(name);
        }

        ConfigurationAdmin proxy() {
            return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getFactoryConfiguration" -> configuration((String) args[1]);
                        case "listConfigurations" -> configurations.isEmpty() ? null
                                : configurations.keySet().stream().map(this::configuration)
                                        .toArray(Configuration[]::new);
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private Configuration configuration(String name) {
            String pid = StrategyInstanceConfig.PID + "~" + name;
            java.util.concurrent.atomic.AtomicBoolean deleted = new java.util.concurrent.atomic.AtomicBoolean();
            return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                        // Felix's ConfigurationAdmin: a deleted configuration throws on every call
                        case "getPid" -> {
                            if (deleted.get()) {
                                throw new IllegalStateException("Configuration " + pid + " deleted");
                            }
                            yield pid;
                        }
                        case "getProperties" -> properties(name, pid);
                        case "update" -> {
                            Map<String, Object> values = new HashMap<>();
                            Dictionary<?, ?> given = (Dictionary<?, ?>) args[0];
                            for (Enumeration<?> keys = given.keys(); keys.hasMoreElements(); ) {
                                Object key = keys.nextElement();
                                values.put((String) key, given.get(key));
                            }
                            configurations.put(name, values);
                            deliver(() -> host.configure(StrategySettings.fromProperties(values)));
                            yield null;
                        }
                        case "delete" -> {
                            deleted.set(true);
                            Map<String, Object> gone = configurations.remove(name);
                            deliver(() -> host.unconfigure((String) gone.get("instanceId")));
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private Dictionary<String, Object> properties(String name, String pid) {
            Map<String, Object> values = configurations.get(name);
            if (values == null) {
                return null;
            }
            java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>(values);
            properties.put("service.pid", pid);
            properties.put("service.factoryPid", StrategyInstanceConfig.PID);
            return properties;
        }

        private static void deliver(Runnable change) {
            new Thread(change, "fake-configadmin").start();
        }
    }
}
