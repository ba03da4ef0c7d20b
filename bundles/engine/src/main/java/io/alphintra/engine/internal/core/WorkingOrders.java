package io.alphintra.engine.internal.core;

import io.alphintra.sdk.instrument.InstrumentId;
import java.util.HashMap;
import java.util.Map;

/**
 * The working orders of each account in each instrument, so that a pre-trade credit check costs the orders it
 * counts rather than every order the engine ever took. Each pair's orders form a list linked through the orders
 * themselves: an order joins and leaves in O(1) without an entry object, and a lookup of a known pair allocates
 * nothing. Engine thread only.
 */
final class WorkingOrders {

    /** The working orders of one account in one instrument, oldest first. */
    static final class Chain {
        private OrderState first;
        private OrderState last;

        private void add(OrderState order) {
            order.chain = this;
            order.previousWorking = last;
            if (last == null) {
                first = order;
            } else {
                last.nextWorking = order;
            }
            last = order;
        }

        private void remove(OrderState order) {
            if (order.previousWorking == null) {
                first = order.nextWorking;
            } else {
                order.previousWorking.nextWorking = order.nextWorking;
            }
            if (order.nextWorking == null) {
                last = order.previousWorking;
            } else {
                order.nextWorking.previousWorking = order.previousWorking;
            }
            order.chain = null;
            order.previousWorking = null;
            order.nextWorking = null;
        }
    }

    // Empty chains are kept: an account trading an instrument keeps coming back to it.
    private final Map<InstrumentId, Map<String, Chain>> byInstrument = new HashMap<>();

    /** Brings the order's membership in line with its state; call after every change of its status. */
    void update(OrderState order) {
        boolean working = order.isWorking();
        if (working && order.chain == null) {
            byInstrument.computeIfAbsent(order.instrumentId, id -> new HashMap<>())
                    .computeIfAbsent(order.attribution.accountId(), account -> new Chain()).add(order);
        } else if (!working && order.chain != null) {
            order.chain.remove(order);
        }
    }

    /** Forgets every order, for a restore into an engine that held others. */
    void clear() {
        byInstrument.clear();
    }

    /** The account's working orders in the instrument (follow {@code nextWorking}), or null when there are none. */
    OrderState first(String accountId, InstrumentId instrumentId) {
        Map<String, Chain> accounts = byInstrument.get(instrumentId);
        Chain chain = accounts == null ? null : accounts.get(accountId);
        return chain == null ? null : chain.first;
    }
}
