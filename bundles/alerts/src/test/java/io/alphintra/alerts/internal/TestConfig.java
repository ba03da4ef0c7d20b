package io.alphintra.alerts.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * An {@link AlertsConfig} answering from a map of raw values as Declarative Services does: a value it cannot convert
 * to the attribute's type fails when read, an absent one answers the default.
 */
final class TestConfig {
    private TestConfig() {
    }

    static AlertsConfig of(Map<String, ?> raw) {
        return (AlertsConfig) Proxy.newProxyInstance(AlertsConfig.class.getClassLoader(),
                new Class<?>[] {AlertsConfig.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("annotationType")) {
                        return AlertsConfig.class;
                    }
                    if (name.equals("toString")) {
                        return "test config " + raw;
                    }
                    if (!raw.containsKey(name)) {
                        return method.getDefaultValue();
                    }
                    String value = String.valueOf(raw.get(name));
                    return method.getReturnType() == int.class ? Integer.parseInt(value.trim()) : value;
                });
    }
}
