package io.alphintra.simexchange.internal.venue;

import io.alphintra.collections.OpenAddressingMap;
import java.util.Arrays;

import io.alphintra.sdk.order.ClientOrderId;

/**
 * The client order ids a venue has seen in its trading day, up to a window of the latest {@code window} of them, and
 * the host orders that finished under them: what answers "was this id used?" and "is this order already done?".
 *
 * <p>A venue that never ends its trading day, or whose day sees more orders than memory allows, would otherwise keep
 * every id forever. Ids leave in the order the venue first saw them (a FIFO ring); an order that finishes after its
 * id has left is remembered again from its finish, so a finished order is known for at least a window of ids. An
 * id that has left is forgotten as a real venue forgets yesterday's orders: it can be used again, and a cancel naming
 * its order is answered as one naming an unknown order.
 *
 * <p>The ring and the index are sized for {@code min(expected, window)} ids at start and grow, by doubling, to the
 * window at most; after that nothing on the order path allocates. Not thread-safe: the venue thread owns it.
 */
final class RecentOrderIds {
    /** The value of an id that names no finished order (a live order, a cancel or replace, a refused order). */
    private static final Object USED = new Object();

    private final int window;
    private final OpenAddressingMap<ClientOrderId, Object> index;
    private ClientOrderId[] ring;
    private int oldest;
    private int count;

    /**
     * @param window most ids remembered
     * @param expected ids the venue expects in a window, which it holds without growing
     */
    RecentOrderIds(int window, int expected) {
        if (window < 1 || expected < 1) {
            throw new IllegalArgumentException("window and expected: must be positive (window " + window
                    + ", expected " + expected + ")");
        }
        this.window = window;
        int initial = Math.min(window, expected);
        this.index = new OpenAddressingMap<>(initial);
        this.ring = new ClientOrderId[initial];
    }

    /** Records a newly used id; false (and nothing changes) when it is already among the remembered ones. */
    boolean use(ClientOrderId id) {
        if (index.containsKey(id)) {
            return false;
        }
        remember(id, USED);
        return true;
    }

    /** Remembers a finished order under its client order id. */
    void finished(HostOrder order) {
        ClientOrderId id = order.clientOrderId;
        if (index.containsKey(id)) {
            index.put(id, order);
        } else {
            remember(id, order);
        }
    }

    /** The finished order with this client order id, if it is still remembered; otherwise null. */
    HostOrder finishedOrder(ClientOrderId id) {
        Object value = index.get(id);
        return value instanceof HostOrder order ? order : null;
    }

    /** Forgets every id: a new trading day. */
    void clear() {
        index.clear();
        Arrays.fill(ring, null);
        oldest = 0;
        count = 0;
    }

    /** Ids remembered. */
    int size() {
        return count;
    }

    /** Slots of the index and the ring together: the memory the window takes, whatever is in it. */
    long slots() {
        return (long) index.capacity() + ring.length;
    }

    /** Adds an id the index lacks; a full window first forgets its oldest, so the index never outgrows it. */
    private void remember(ClientOrderId id, Object value) {
        if (count == ring.length) {
            if (ring.length < window) {
                growRing();
            } else {
                index.remove(ring[oldest]);
                ring[oldest] = null;
                oldest = oldest + 1 == ring.length ? 0 : oldest + 1;
                count--;
            }
        }
        index.put(id, value);
        int tail = oldest + count;
        ring[tail < ring.length ? tail : tail - ring.length] = id;
        count++;
    }

    private void growRing() {
        ClientOrderId[] grown = new ClientOrderId[(int) Math.min(window, 2L * ring.length)];
        for (int i = 0; i < count; i++) {
            int from = oldest + i;
            grown[i] = ring[from < ring.length ? from : from - ring.length];
        }
        ring = grown;
        oldest = 0;
    }
}
