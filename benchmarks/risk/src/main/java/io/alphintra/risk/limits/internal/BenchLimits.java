package io.alphintra.risk.limits.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import io.alphintra.sdk.risk.PreTradeCheck;

/**
 * The benchmark's way into the bundle's private package: limits put in force as ConfigAdmin would (validated by the
 * same {@code ScopeLimits.from}), and the four checks in the gate's order. Lives in the bundle's package on the
 * benchmark's class path only; the bundle exports nothing.
 */
public final class BenchLimits {

    private BenchLimits() {
    }

    /** A book with one configuration per map, each validated as a real configuration is. */
    public static LimitBook book(List<Map<String, Object>> configurations) {
        LimitBook book = new LimitBook();
        for (int i = 0; i < configurations.size(); i++) {
            Map<String, Object> map = configurations.get(i);
            book.put(ScopeLimits.from(typed(map), map, "bench-" + i));
        }
        return book;
    }

    /** The bundle's checks in ascending {@code order()}, as the gate runs them. */
    public static PreTradeCheck[] chain(LimitBook book) {
        return new PreTradeCheck[] {new CreditLimitCheck(book), new OrderSizeCheck(book), new PriceCollarCheck(book),
            new DuplicateOrderCheck(book), new PositionLimitCheck(book)};
    }

    private static LimitConfig typed(Map<String, Object> map) {
        return (LimitConfig) Proxy.newProxyInstance(LimitConfig.class.getClassLoader(),
                new Class<?>[] {LimitConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class || method.getName().equals("annotationType")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Object value = map.get(method.getName());
                    return value == null ? method.getDefaultValue() : value.toString();
                });
    }
}
