package io.alphintra.config.support;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a typed (annotation) configuration and collects every problem with the key and the value as the operator
 * wrote it, so that one message says all that is wrong. Components validate a new configuration completely before
 * applying any of it, which is how a node keeps its last good configuration when a bad one arrives.
 *
 * @param <C> the configuration annotation type
 */
public final class ConfigReader<C> {
    private final String pid;
    private final C config;
    private final Map<String, ?> raw;
    private final List<String> problems = new ArrayList<>();

    public ConfigReader(String pid, C config, Map<String, ?> raw) {
        this.pid = pid;
        this.config = config;
        this.raw = raw;
    }

    /** The value of one attribute, or null (with a problem recorded) when it cannot be converted to its type. */
    public <T> T get(String key, Function<C, T> accessor) {
        try {
            return accessor.apply(config);
        } catch (RuntimeException e) {
            // Declarative Services reports a value it cannot convert (port = abc) only when it is read.
            problem(key, raw.get(key), "not a valid value for its type");
            return null;
        }
    }

    /** A non-blank string attribute, trimmed. */
    public String text(String key, Function<C, String> accessor) {
        String value = get(key, accessor);
        if (value != null && value.isBlank()) {
            problem(key, value, "must not be empty");
            return null;
        }
        return value == null ? null : value.trim();
    }

    /** An integer attribute within {@code [min, max]}. */
    public Integer range(String key, Function<C, Integer> accessor, int min, int max) {
        Integer value = get(key, accessor);
        if (value != null && (value < min || value > max)) {
            problem(key, raw.containsKey(key) ? raw.get(key) : value, "must be between " + min + " and " + max);
            return null;
        }
        return value;
    }

    /** A TCP port attribute, 1 to 65535. */
    public Integer port(String key, Function<C, Integer> accessor) {
        return range(key, accessor, 1, 65535);
    }

    /** Parses a string attribute; a parser's {@link IllegalArgumentException} becomes a problem for that key. */
    public <T> T parsed(String key, Function<C, String> accessor, Function<String, T> parser) {
        String value = get(key, accessor);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            problem(key, value, e.getMessage());
            return null;
        }
    }

    public void problem(String key, Object value, String why) {
        problems.add(key + " = '" + value + "': " + why);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** Throws when any problem was recorded; call it before using any value read. */
    public void requireValid() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(pid, problems);
        }
    }

    /**
     * An instance of a configuration annotation that answers every attribute with its declared default, for a
     * component that must start although its configuration file is unusable.
     */
    public static <A> A defaults(Class<A> annotationType) {
        return annotationType.cast(Proxy.newProxyInstance(annotationType.getClassLoader(),
                new Class<?>[] {annotationType}, (proxy, method, args) -> {
                    Object value = method.getDefaultValue();
                    if (value != null) {
                        return value;
                    }
                    return switch (method.getName()) {
                        case "annotationType" -> annotationType;
                        case "toString" -> "defaults of " + annotationType.getName();
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new IllegalStateException(
                                annotationType.getName() + "." + method.getName() + " has no default");
                    };
                }));
    }

    /**
     * An instance of a configuration annotation that answers each attribute from {@code properties} (converted from
     * its text as Declarative Services would: a value that cannot be converted throws {@link IllegalArgumentException}
     * when read, which {@link #get} reports as a problem) and the declared default for the others. For validating a
     * configuration before it is written, e.g. a change typed into the shell, exactly as the component will.
     */
    public static <A> A typed(Class<A> annotationType, Map<String, ?> properties) {
        return annotationType.cast(Proxy.newProxyInstance(annotationType.getClassLoader(),
                new Class<?>[] {annotationType}, (proxy, method, args) -> {
                    // Answered here rather than by calling defaults(): an annotation type is often package-private,
                    // and a reflective call from this package into it would be refused.
                    Object fallback = method.getDefaultValue();
                    if (fallback != null) {
                        Object value = properties.get(method.getName());
                        return value == null ? fallback
                                : converted(method.getName(), String.valueOf(value).trim(), method.getReturnType());
                    }
                    return switch (method.getName()) {
                        case "annotationType" -> annotationType;
                        case "toString" -> annotationType.getName() + properties;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new IllegalStateException(
                                annotationType.getName() + "." + method.getName() + " has no default");
                    };
                }));
    }

    private static Object converted(String key, String text, Class<?> type) {
        try {
            if (type == String.class) {
                return text;
            } else if (type == int.class) {
                return Integer.parseInt(text);
            } else if (type == long.class) {
                return Long.parseLong(text);
            } else if (type == boolean.class) {
                return Boolean.parseBoolean(text);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + text + "': not a " + type.getSimpleName(), e);
        }
        throw new IllegalArgumentException(key + ": attributes of type " + type.getSimpleName() + " are not read");
    }
}
