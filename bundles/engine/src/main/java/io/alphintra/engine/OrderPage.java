package io.alphintra.engine;

import java.util.List;

/**
 * A page of a scoped order query.
 *
 * @param orders     matching orders, newest first; may hold fewer than the limit (even none) while {@code
 *                   nextCursor} is set, when the engine's per-call budget of orders examined ran out first
 * @param nextCursor where the next page begins; null when no older order can match
 * @since 1.6
 */
public record OrderPage(List<OrderView> orders, String nextCursor) {
    public OrderPage {
        orders = List.copyOf(orders);
    }
}
