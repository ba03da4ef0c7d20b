package io.alphintra.engine.internal.account;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Account configurations as ConfigAdmin hands them over: the typed view and the raw properties. */
final class AccountFixtures {
    private AccountFixtures() {
    }

    /** A valid configuration of {@code id}, changed by {@code overrides} (key, value, key, value...). */
    static Map<String, Object> properties(String id, String... overrides) {
        Map<String, Object> properties = new HashMap<>(Map.of("id", id, "owner", "desk-eq", "baseCurrency", "USD",
                "cash", "USD 1000000, EUR 250000.50", "venues", "*"));
        for (int i = 0; i < overrides.length; i += 2) {
            properties.put(overrides[i], overrides[i + 1]);
        }
        return properties;
    }

    /** The typed view of {@code properties}: a key not given answers the annotation's default, as DS does. */
    static AccountConfig typed(Map<String, Object> properties) {
        return (AccountConfig) Proxy.newProxyInstance(AccountConfig.class.getClassLoader(),
                new Class<?>[] {AccountConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return AccountConfig.class;
                    }
                    Object value = properties.get(method.getName());
                    return value != null ? value.toString() : method.getDefaultValue();
                });
    }

    static Account account(Map<String, Object> properties, String source) {
        return Account.from(typed(properties), properties, source);
    }
}
