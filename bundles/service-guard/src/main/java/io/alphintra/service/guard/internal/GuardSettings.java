package io.alphintra.service.guard.internal;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.alphintra.config.support.ConfigReader;

/**
 * A validated guard configuration: the only thing {@link ServiceGuardHooks} decides from. {@link #from} reads every
 * key, collects every problem as {@code key = 'value': why} and throws one
 * {@link io.alphintra.config.support.InvalidConfigurationException} if there is any, so nothing of a bad
 * configuration is ever applied.
 *
 * @param adapterAllowList symbolic names of the bundles that may obtain exchange adapters
 * @param engineAllowList symbolic names of plugin bundles that may obtain the trading engine all the same
 * @param engineDenyList symbolic names of bundles that may not obtain the trading engine although they are no plugins
 * @param pluginPackages packages that make a bundle wired to them (or registering a service from them) a plugin
 */
record GuardSettings(Set<String> adapterAllowList, Set<String> engineAllowList, Set<String> engineDenyList,
        Set<String> pluginPackages) {

    /** OSGi's symbolic-name grammar: dot-separated tokens of letters, digits, '_' and '-'. */
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final Pattern PACKAGE = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
            + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    GuardSettings {
        adapterAllowList = sorted(adapterAllowList);
        engineAllowList = sorted(engineAllowList);
        engineDenyList = sorted(engineDenyList);
        pluginPackages = sorted(pluginPackages);
    }

    /** What the guard enforces when it has no usable configuration. */
    static GuardSettings defaults() {
        ServiceGuardConfig defaults = ConfigReader.defaults(ServiceGuardConfig.class);
        return from(defaults, Map.of());
    }

    /** Parses and validates a configuration as Configuration Admin hands it over. */
    static GuardSettings from(Dictionary<String, ?> properties) {
        Map<String, Object> raw = new HashMap<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            raw.put(key, properties.get(key));
        }
        return from(typed(raw), raw);
    }

    /** Parses and validates a configuration. */
    static GuardSettings from(ServiceGuardConfig config, Map<String, ?> raw) {
        ConfigReader<ServiceGuardConfig> reader = new ConfigReader<>(ServiceGuardConfig.PID, config, raw);
        Set<String> adapters = reader.parsed("adapterAllowList", ServiceGuardConfig::adapterAllowList,
                text -> list(text, SYMBOLIC_NAME, "a bundle symbolic name"));
        if (adapters != null && adapters.isEmpty()) {
            reader.problem("adapterAllowList", raw.get("adapterAllowList"),
                    "must name at least the engine bundle (io.alphintra.engine); without it no order reaches a venue");
        }
        Set<String> engine = reader.parsed("engineAllowList", ServiceGuardConfig::engineAllowList,
                text -> list(text, SYMBOLIC_NAME, "a bundle symbolic name"));
        Set<String> denied = reader.parsed("engineDenyList", ServiceGuardConfig::engineDenyList,
                text -> list(text, SYMBOLIC_NAME, "a bundle symbolic name"));
        if (engine != null && denied != null) {
            for (String name : denied) {
                if (engine.contains(name)) {
                    reader.problem("engineDenyList", name, "also in engineAllowList; name it in one of them");
                }
            }
        }
        Set<String> plugins = reader.parsed("pluginPackages", ServiceGuardConfig::pluginPackages,
                text -> list(text, PACKAGE, "a Java package name"));
        if (plugins != null && plugins.isEmpty()) {
            reader.problem("pluginPackages", raw.get("pluginPackages"),
                    "must name at least one package (io.alphintra.sdk.strategy); empty, every plugin would obtain"
                            + " the engine");
        }
        reader.requireValid();
        return new GuardSettings(adapters, engine, denied, plugins);
    }

    /**
     * The configuration typed as {@link ServiceGuardConfig}: each attribute is the value of its key as text (the
     * elements of an array or collection joined by commas), or its default when the key is absent.
     */
    static ServiceGuardConfig typed(Map<String, ?> raw) {
        return (ServiceGuardConfig) Proxy.newProxyInstance(ServiceGuardConfig.class.getClassLoader(),
                new Class<?>[] {ServiceGuardConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> ServiceGuardConfig.PID + raw;
                        };
                    }
                    if (method.getName().equals("annotationType")) {
                        return ServiceGuardConfig.class;
                    }
                    Object value = raw.get(method.getName());
                    if (value == null) {
                        return method.getDefaultValue();
                    }
                    if (value instanceof Object[] array) {
                        return Arrays.stream(array).map(String::valueOf).collect(Collectors.joining(","));
                    }
                    if (value instanceof Collection<?> collection) {
                        return collection.stream().map(String::valueOf).collect(Collectors.joining(","));
                    }
                    return value.toString();
                });
    }

    /** A comma-separated list; every entry must match {@code grammar}. */
    private static Set<String> list(String text, Pattern grammar, String what) {
        Set<String> entries = new LinkedHashSet<>();
        if (text.isBlank()) {
            return entries;
        }
        for (String entry : text.split(",", -1)) {
            String trimmed = entry.trim();
            if (!grammar.matcher(trimmed).matches()) {
                throw new IllegalArgumentException(
                        trimmed.isEmpty() ? "an empty entry (a stray comma?)" : "'" + trimmed + "' is not " + what);
            }
            entries.add(trimmed);
        }
        return entries;
    }

    /** Sorted, so that the log shows the same settings the same way. */
    private static Set<String> sorted(Set<String> entries) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(entries));
    }

    @Override
    public String toString() {
        return "adapterAllowList=" + adapterAllowList + ", engineAllowList=" + engineAllowList + ", engineDenyList="
                + engineDenyList + ", pluginPackages=" + pluginPackages;
    }
}
