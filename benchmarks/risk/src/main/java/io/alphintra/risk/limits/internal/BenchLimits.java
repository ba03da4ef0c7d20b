package io.alphintra.risk.limits.internal;

import io.alphintra.config.support.ConfigReader;
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
            book.put(ScopeLimits.from(ConfigReader.typed(LimitConfig.class, map), map, "bench-" + i), map);
        }
        return book;
    }

    /** The bundle's checks in ascending {@code order()}, as the gate runs them. */
    public static PreTradeCheck[] chain(LimitBook book) {
        return new PreTradeCheck[] {new CreditLimitCheck(book), new OrderSizeCheck(book), new PriceCollarCheck(book),
            new DuplicateOrderCheck(book), new PositionLimitCheck(book)};
    }
}
