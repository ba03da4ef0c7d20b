package io.alphintra.risk.limits.internal;

import java.util.EnumSet;
import java.util.Set;

/** The five checks of this bundle and the limit kinds each decides with. */
enum Control {
    PRICE_COLLAR(EnumSet.of(LimitKind.PRICE_COLLAR)),
    ORDER_SIZE(EnumSet.of(LimitKind.MAX_ORDER_QUANTITY, LimitKind.WARN_ORDER_QUANTITY, LimitKind.MAX_ORDER_VALUE,
            LimitKind.WARN_ORDER_VALUE)),
    DUPLICATES(EnumSet.of(LimitKind.DUPLICATES)),
    POSITION(EnumSet.of(LimitKind.MAX_LONG_POSITION, LimitKind.MAX_SHORT_POSITION,
            LimitKind.MAX_STRATEGY_LONG_POSITION, LimitKind.MAX_STRATEGY_SHORT_POSITION)),
    CREDIT(EnumSet.of(LimitKind.ACCOUNT_CREDIT, LimitKind.TRADER_CREDIT, LimitKind.STRATEGY_CREDIT));

    private final Set<LimitKind> kinds;

    Control(Set<LimitKind> kinds) {
        this.kinds = Set.copyOf(kinds);
    }

    Set<LimitKind> kinds() {
        return kinds;
    }
}
