package io.alphintra.engine.internal.core;

import java.util.Objects;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The orders the engine holds, by their dense ids: a lookup is an array read, and iteration is in id order. Only the
 * ids from the lowest one still held to the newest take a slot: ids are issued in ascending order and orders are
 * forgotten roughly oldest first, so the slots behind the oldest held order are released as it goes, and the table
 * spans the ids of the orders held rather than every id ever issued. A slot in between is null for an order already
 * forgotten, or an id whose journal append failed.
 *
 * <p>Id {@code i} lives at slot {@code i & mask} of a power-of-two array, which therefore needs no moving as the
 * window of ids slides along; it doubles (the engine thread's only allocation here) when the span of held ids
 * outgrows it. Engine thread only.
 */
final class OrderSlots {
    private OrderState[] slots;
    private int mask;
    /** The lowest id held, or {@link #end} when none is. */
    private long first = 1;
    /** One past the highest id held. */
    private long end = 1;
    private int size;

    OrderSlots(int expectedSpan) {
        slots = new OrderState[Integer.highestOneBit(Math.max(16, expectedSpan - 1)) << 1];
        mask = slots.length - 1;
    }

    /** The order with this id, or null: never issued, failed to journal, or forgotten. */
    OrderState get(long orderId) {
        return orderId >= first && orderId < end ? slots[(int) orderId & mask] : null;
    }

    /** Holds {@code order}, replacing whatever held its id; ids must not go below the lowest one held. */
    void put(OrderState order) {
        long id = order.orderId;
        if (first == end) {
            first = end = id;
        } else if (id < first) {
            throw new IllegalArgumentException("order id " + id + " is below the lowest id held, " + first);
        }
        if (id >= end) {
            while (id - first >= slots.length) {
                grow();
            }
            end = id + 1;
        }
        int slot = (int) id & mask;
        if (slots[slot] == null) {
            size++;
        }
        slots[slot] = order;
    }

    /** Lets go of the order with this id; once the lowest id is let go, the slots up to the next held one are free. */
    void forget(long orderId) {
        if (orderId < first || orderId >= end || slots[(int) orderId & mask] == null) {
            return;
        }
        slots[(int) orderId & mask] = null;
        size--;
        while (first < end && slots[(int) first & mask] == null) {
            first++;
        }
    }

    /** Orders held. */
    int size() {
        return size;
    }

    /** The lowest id a slot is kept for: the oldest order held, or the next id when none is. */
    long first() {
        return first;
    }

    /** One past the highest id a slot is kept for. */
    long end() {
        return end;
    }

    /** Every order held, oldest (lowest id) first. */
    Stream<OrderState> stream() {
        return LongStream.range(first, end).mapToObj(this::get).filter(Objects::nonNull);
    }

    void clear() {
        java.util.Arrays.fill(slots, null);
        first = end = 1;
        size = 0;
    }

    private void grow() {
        OrderState[] old = slots;
        slots = new OrderState[old.length * 2];
        mask = slots.length - 1;
        for (long id = first; id < end; id++) {
            slots[(int) id & mask] = old[(int) id & (old.length - 1)];
        }
    }
}
