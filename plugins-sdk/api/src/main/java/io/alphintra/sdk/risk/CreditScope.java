package io.alphintra.sdk.risk;

/**
 * Whose credit {@link PreTradeContext#creditUsed} counts: the order's account, trader or strategy, as its
 * {@link io.alphintra.sdk.order.Attribution} names them.
 *
 * @since 1.2
 */
public enum CreditScope {
    ACCOUNT,
    TRADER,
    STRATEGY
}
