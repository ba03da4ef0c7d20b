package io.alphintra.sdk.order;

/** How an order is priced. */
public enum OrderType {
    /** Executes at the best available prices; no limit price. */
    MARKET(false, false),
    /** Executes at the limit price or better. */
    LIMIT(true, false),
    /** Becomes a market order when the stop price trades. */
    STOP(false, true),
    /** Becomes a limit order when the stop price trades. */
    STOP_LIMIT(true, true);

    private final boolean requiresLimitPrice;
    private final boolean requiresStopPrice;

    OrderType(boolean requiresLimitPrice, boolean requiresStopPrice) {
        this.requiresLimitPrice = requiresLimitPrice;
        this.requiresStopPrice = requiresStopPrice;
    }

    /** Whether an order of this type has, and must have, a limit price. */
    public boolean requiresLimitPrice() {
        return requiresLimitPrice;
    }

    /** Whether an order of this type has, and must have, a stop price. */
    public boolean requiresStopPrice() {
        return requiresStopPrice;
    }
}
