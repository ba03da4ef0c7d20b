package io.alphintra.risk.limits.internal;

/**
 * The limits a scope can set. Each is resolved on its own: for every order, the most specific matching scope that
 * sets a kind decides it (value limits: per currency), whatever the other kinds come from.
 */
enum LimitKind {
    /** Band, reference and maximum reference age together: a band without its age is not a complete control. */
    PRICE_COLLAR("priceCollarBasisPoints"),
    MAX_ORDER_QUANTITY("maxOrderQuantity"),
    WARN_ORDER_QUANTITY("warnOrderQuantity"),
    MAX_ORDER_VALUE("maxOrderValue"),
    WARN_ORDER_VALUE("warnOrderValue"),
    /** Count and window together. */
    DUPLICATES("duplicateCount"),
    MAX_LONG_POSITION("maxLongPosition"),
    MAX_SHORT_POSITION("maxShortPosition"),
    MAX_STRATEGY_LONG_POSITION("maxStrategyLongPosition"),
    MAX_STRATEGY_SHORT_POSITION("maxStrategyShortPosition"),
    /** PT1 credit of the order's account, per quote currency. */
    ACCOUNT_CREDIT("accountCreditLimit"),
    TRADER_CREDIT("traderCreditLimit"),
    STRATEGY_CREDIT("strategyCreditLimit");

    private final String key;

    LimitKind(String key) {
        this.key = key;
    }

    /** The configuration key that sets it. */
    String key() {
        return key;
    }
}
