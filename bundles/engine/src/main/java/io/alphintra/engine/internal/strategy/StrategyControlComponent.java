package io.alphintra.engine.internal.strategy;

import io.alphintra.config.support.InvalidConfigurationException;
import io.alphintra.engine.StrategyControl;
import io.alphintra.engine.StrategyInstance;
import io.alphintra.engine.StrategyType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strategy instances managed at run time (the HTTP API's {@code /strategies}): an instance is written as a factory
 * configuration {@code io.alphintra.strategy}, exactly what a file in {@code etc/} holds, so it survives a restart and
 * goes through the one path every instance takes ({@link StrategyInstanceComponent}, then the {@link StrategyHost}).
 * A new instance is validated here as that component will read it, so nothing invalid is written. Calls block on
 * ConfigAdmin and wait (boundedly) for the host to take the change: never call them on an event loop.
 */
@Component(service = StrategyControl.class)
public final class StrategyControlComponent implements StrategyControl {
    private static final Logger LOG = LoggerFactory.getLogger(StrategyControlComponent.class);
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final List<String> REQUIRED = List.of("instruments", "accountId", "traderId");
    /** The settings an instance's configuration may hold besides {@code param.*}, as its component reads them. */
    static final Set<String> KEYS = Collections.unmodifiableSortedSet(
            Arrays.stream(StrategyInstanceConfig.class.getDeclaredMethods()).map(Method::getName)
                    .filter(name -> !name.equals("instanceId") && !name.equals("type"))
                    .collect(Collectors.toCollection(TreeSet<String>::new)));
    /** Keys ConfigAdmin and Karaf's file installer add to a configuration; not the instance's settings. */
    private static final Set<String> BOOKKEEPING = Set.of("service.pid", "service.factoryPid",
            "service.bundleLocation", "felix.fileinstall.filename", "instanceId", "type");
    private static final long HOST_WAIT_MILLIS = 10_000;

    private final StrategyHost host;
    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public StrategyControlComponent(@Reference StrategyHost host, @Reference ConfigurationAdmin configurationAdmin) {
        this.host = host;
        this.configurationAdmin = configurationAdmin;
    }

    @Override
    public List<StrategyType> types() {
        return host.types();
    }

    @Override
    public List<StrategyInstance> instances() {
        Map<String, Map<String, String>> settings = new HashMap<>();
        for (Configuration configuration : configurations()) {
            Dictionary<String, Object> properties = configuration.getProperties();
            Object instanceId = properties == null ? null : properties.get("instanceId");
            if (instanceId != null) {
                settings.put(String.valueOf(instanceId).trim(), shown(properties));
            }
        }
        return host.instances().stream()
                .map(view -> instance(view, settings.getOrDefault(view.id(), Map.of()))).toList();
    }

    @Override
    public synchronized StrategyInstance create(String id, String type, Map<String, String> settings,
                                                String createdBy) {
        if (id == null || !INSTANCE_ID.matcher(id).matches() || id.contains("..")) {
            throw new IllegalArgumentException("id = '" + id + "': 1 to 64 letters, digits, '.', '_' or '-',"
                    + " beginning with a letter or digit, without '..'");
        }
        if (StrategyHost.OPERATOR_STRATEGY_ID.equals(id)) {
            throw new IllegalArgumentException("id = '" + id + "': reserved for the orders operators enter, which no"
                    + " strategy may take as its own");
        }
        Configuration existing = configurationOf(id);
        if (existing != null || host.configured(id)) {
            throw new IllegalArgumentException("id = '" + id + "': an instance with this id exists"
                    + (existing == null ? "" : " (configuration " + existing.getPid() + ")"));
        }
        if (type == null || !host.typeInstalled(type)) {
            throw new IllegalArgumentException("type = '" + type + "': no strategy type of that name is installed"
                    + " (installed: " + host.types().stream().map(StrategyType::type).collect(Collectors.joining(
                    ", ")) + ")");
        }
        Map<String, Object> properties = new TreeMap<>();
        (settings == null ? Map.<String, String>of() : settings).forEach((key, value) -> {
            if (!KEYS.contains(key) && !(key.startsWith(StrategySettings.PARAMETER_PREFIX)
                    && key.length() > StrategySettings.PARAMETER_PREFIX.length())) {
                throw new IllegalArgumentException("settings." + key + " = '" + value + "': not a strategy setting;"
                        + " they are " + String.join(", ", KEYS) + ", and param.<name> for the strategy's own"
                        + " parameters");
            }
            if (value == null) {
                throw new IllegalArgumentException("settings." + key + ": has no value");
            }
            properties.put(key, value.trim());
        });
        for (String key : REQUIRED) {
            Object value = properties.get(key);
            if (value == null || value.toString().isEmpty()) {
                throw new IllegalArgumentException("settings." + key + " = '" + (value == null ? "" : value)
                        + "': required");
            }
        }
        properties.put("instanceId", id);
        properties.put("type", type);
        StrategySettings validated;
        try {
            validated = StrategySettings.fromProperties(properties);
        } catch (InvalidConfigurationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        try {
            Configuration configuration = configurationAdmin.getFactoryConfiguration(StrategyInstanceConfig.PID, id,
                    "?");
            if (configuration.getProperties() != null) {
                throw new IllegalArgumentException("id = '" + id + "': configuration " + configuration.getPid()
                        + " exists already");
            }
            configuration.update(new Hashtable<>(properties));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the configuration of strategy instance " + id, e);
        }
        LOG.info("Strategy instance {} of type {} created by {}: {}", id, type, createdBy, shown(properties));
        awaitHost(() -> host.configured(id));
        return host.instances().stream().filter(view -> view.id().equals(id)).findFirst()
                .map(view -> instance(view, shown(properties)))
                .orElseGet(() -> new StrategyInstance(id, type, "WAITING", "not yet taken up by the strategy host",
                        null, validated.config().instruments().stream().map(Object::toString).toList(),
                        validated.config().accountId(), validated.config().attribution().traderId(), 0,
                        shown(properties)));
    }

    @Override
    public String start(String id, String by) {
        requireConfigured(id);
        String answer = host.start(id);
        LOG.info("Strategy instance {} start requested by {}: {}", id, by, answer);
        return answer;
    }

    @Override
    public String stop(String id, String by) {
        requireConfigured(id);
        if (!host.running(id)) {
            return id + " is not running";
        }
        String answer = host.stop(id);
        LOG.info("Strategy instance {} stopped by {}", id, by);
        return answer;
    }

    @Override
    public synchronized boolean remove(String id, String by) {
        Configuration configuration = configurationOf(id);
        if (configuration == null) {
            return false;
        }
        String pid = configuration.getPid(); // a deleted configuration no longer answers
        try {
            configuration.delete();
        } catch (IOException e) {
            throw new UncheckedIOException("deleting the configuration of strategy instance " + id, e);
        }
        LOG.info("Strategy instance {} removed by {} (configuration {} deleted)", id, by, pid);
        // The host stops it (orders cancelled as configured) when its component goes with the configuration.
        awaitHost(() -> !host.configured(id));
        return true;
    }

    private void requireConfigured(String id) {
        if (!host.configured(id)) {
            throw new IllegalArgumentException("no strategy instance '" + id + "' is configured");
        }
    }

    private static StrategyInstance instance(StrategyHost.InstanceView view, Map<String, String> settings) {
        String state = view.state().equals("WAITING_FOR_TYPE") ? "WAITING" : view.state();
        return new StrategyInstance(view.id(), view.type(), state, view.reason(), view.since(), view.instruments(),
                view.accountId(), view.traderId(), view.ordersSent(), settings);
    }

    /** The settings as written, without bookkeeping and without any key that may hold a secret. */
    private static Map<String, String> shown(Dictionary<String, Object> properties) {
        Map<String, Object> copy = new HashMap<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            copy.put(key, properties.get(key));
        }
        return shown(copy);
    }

    private static Map<String, String> shown(Map<String, Object> properties) {
        Map<String, String> shown = new TreeMap<>();
        properties.forEach((key, value) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            if (!BOOKKEEPING.contains(key) && !lower.contains("password") && !lower.contains("secret")
                    && !lower.contains("token")) {
                shown.put(key, value instanceof Object[] array ? Arrays.stream(array).map(String::valueOf)
                        .collect(Collectors.joining(",")) : String.valueOf(value));
            }
        });
        return shown;
    }

    /** The configuration whose {@code instanceId} is {@code id}, whatever wrote it (a file, this class). */
    private Configuration configurationOf(String id) {
        for (Configuration configuration : configurations()) {
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties != null && id.equals(String.valueOf(properties.get("instanceId")).trim())) {
                return configuration;
            }
        }
        return null;
    }

    private List<Configuration> configurations() {
        try {
            Configuration[] found = configurationAdmin.listConfigurations(
                    "(service.factoryPid=" + StrategyInstanceConfig.PID + ")");
            return found == null ? List.of() : List.of(found);
        } catch (IOException e) {
            throw new UncheckedIOException("listing the strategy instance configurations", e);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the filter of strategy instance configurations", e);
        }
    }

    /** ConfigAdmin hands a change to the component on its own thread: waits a while for the host to have it. */
    private static void awaitHost(BooleanSupplier done) {
        long deadline = System.nanoTime() + HOST_WAIT_MILLIS * 1_000_000;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
