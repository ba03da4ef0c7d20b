package io.alphintra.simexchange.internal.matching;

/**
 * All orders at one price on one side (or, in a stop ladder, at one stop price), oldest first. The list is intrusive
 * so that appending, and removing any order found through the order index, is O(1) without allocation.
 */
final class PriceLevel {
    long price;
    Side side;
    PriceLadder ladder;
    long quantity;
    int orderCount;
    Order head;
    Order tail;

    /** Queued for a depth event at the end of the command. */
    boolean dirty;
    /** Taken out of its ladder; returned to the pool only once its final depth event is out. */
    boolean removed;

    void append(Order order) {
        order.level = this;
        order.prev = tail;
        order.next = null;
        if (tail == null) {
            head = order;
        } else {
            tail.next = order;
        }
        tail = order;
        quantity += order.remaining;
        orderCount++;
    }

    void unlink(Order order) {
        if (order.prev == null) {
            head = order.next;
        } else {
            order.prev.next = order.next;
        }
        if (order.next == null) {
            tail = order.prev;
        } else {
            order.next.prev = order.prev;
        }
        quantity -= order.remaining;
        orderCount--;
        order.level = null;
        order.prev = null;
        order.next = null;
    }
}
