package io.alphintra.engine;

import io.alphintra.sdk.instrument.InstrumentId;

/**
 * Which orders a scoped query asks for, newest first, one page at a time: the engine answers it on its thread from
 * its indexes and examines a bounded number of orders per call, so no query walks the whole book there.
 *
 * @param strategyId   only the orders attributed to this strategy; null for any
 * @param accountId    only this account's; null for any
 * @param traderId     only this trader's; null for any
 * @param instrumentId only orders in this instrument; null for any
 * @param workingOnly  only orders not yet finished (held ones included)
 * @param cursor       where the previous page ended ({@link OrderPage#nextCursor()}); null for the newest
 * @param limit        most orders in the page, 1 to {@link #MAX_LIMIT}
 * @since 1.6
 */
public record OrderQuery(String strategyId, String accountId, String traderId, InstrumentId instrumentId,
                         boolean workingOnly, String cursor, int limit) {

    /** The largest page a query may ask for. */
    public static final int MAX_LIMIT = 1000;

    public OrderQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit = " + limit + ": must be 1 to " + MAX_LIMIT);
        }
    }

    /** The newest {@code limit} orders of every kind. */
    public static OrderQuery newest(int limit) {
        return new OrderQuery(null, null, null, null, false, null, limit);
    }
}
