package io.alphintra.sdk.harness;

import io.alphintra.sdk.money.Money;

/**
 * The headline numbers of a run, in the base currency (the quote currency of the first instrument).
 *
 * @param orders orders the strategy submitted, rejected ones included
 * @param fills executions booked
 * @param rejectedOrders orders refused by the harness's gate or the venue
 * @param realizedPnl realised P&amp;L after fees
 * @param unrealizedPnl open positions marked at the last recorded price
 * @param fees fees paid
 * @param equity cash plus open positions at the last recorded price
 */
public record Summary(int orders, int fills, int rejectedOrders, Money realizedPnl, Money unrealizedPnl, Money fees,
        Money equity) {
}
