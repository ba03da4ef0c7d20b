package io.alphintra.risk.limits.internal;

import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.OrderRequest;

/**
 * The times at which recent orders passed the duplicate check, by fingerprint: a fixed open-addressing table of
 * {@code long}s, allocated once, so remembering an order allocates nothing. Each fingerprint keeps its last
 * {@link DuplicateLimit#MAX_COUNT}{@code  - 1} times, all a count of at most {@code MAX_COUNT} needs.
 *
 * <p>A fingerprint is a 64-bit hash of what makes two orders identical: instrument, side, type, limit and stop price,
 * quantity, strategy and account. Two different orders share one with a probability of about 2^-64.
 *
 * <p>The table holds {@link #CAPACITY} fingerprints. A new one takes, within {@link #PROBES} slots of its home, a free
 * slot, else one whose newest time is older than every configured window (of no use to any order), else the one
 * whose newest time is oldest: beyond {@code CAPACITY} distinct orders within the longest window, the least recent
 * are forgotten first. Engine thread only.
 */
final class RecentOrders {
    static final int CAPACITY = 8192;
    static final int PROBES = 8;
    private static final int KEPT = DuplicateLimit.MAX_COUNT - 1;
    private static final int MASK = CAPACITY - 1;
    private static final long FREE = 0;

    private final long[] fingerprints = new long[CAPACITY];
    private final long[] newest = new long[CAPACITY];
    private final long[] times = new long[CAPACITY * KEPT];
    private final int[] filled = new int[CAPACITY];
    private final int[] next = new int[CAPACITY];

    /** The slot holding {@code fingerprint}, or -1. */
    int find(long fingerprint) {
        int home = home(fingerprint);
        for (int probe = 0; probe < PROBES; probe++) {
            int slot = (home + probe) & MASK;
            long held = fingerprints[slot];
            if (held == fingerprint) {
                return slot;
            }
            if (held == FREE) {
                // Slots are never freed, only reused in place: nothing of this fingerprint lies beyond a free one.
                return -1;
            }
        }
        return -1;
    }

    /** How many of the slot's times lie within {@code windowNanos} before {@code nowNanos} (exclusive). */
    int countWithin(int slot, long nowNanos, long windowNanos) {
        int count = 0;
        int base = slot * KEPT;
        for (int i = 0; i < filled[slot]; i++) {
            if (nowNanos - times[base + i] < windowNanos) {
                count++;
            }
        }
        return count;
    }

    /**
     * Records that an order with {@code fingerprint} passed at {@code nowNanos}.
     *
     * @param slot its slot from {@link #find}, or -1 for a fingerprint not held
     * @param staleBeforeNanos times before this are of no use to any configured window
     */
    void record(long fingerprint, int slot, long nowNanos, long staleBeforeNanos) {
        if (slot < 0) {
            slot = claim(fingerprint, staleBeforeNanos);
        }
        int base = slot * KEPT;
        times[base + next[slot]] = nowNanos;
        next[slot] = next[slot] + 1 == KEPT ? 0 : next[slot] + 1;
        if (filled[slot] < KEPT) {
            filled[slot]++;
        }
        newest[slot] = nowNanos;
    }

    private int claim(long fingerprint, long staleBeforeNanos) {
        int home = home(fingerprint);
        int oldest = home;
        for (int probe = 0; probe < PROBES; probe++) {
            int slot = (home + probe) & MASK;
            if (fingerprints[slot] == FREE || newest[slot] < staleBeforeNanos) {
                return reset(slot, fingerprint);
            }
            if (newest[slot] < newest[oldest]) {
                oldest = slot;
            }
        }
        return reset(oldest, fingerprint);
    }

    private int reset(int slot, long fingerprint) {
        fingerprints[slot] = fingerprint;
        filled[slot] = 0;
        next[slot] = 0;
        return slot;
    }

    private static int home(long fingerprint) {
        return (int) (fingerprint ^ (fingerprint >>> 32)) & MASK;
    }

    /** The fingerprint of an order; never {@link #FREE}. Allocates nothing. */
    static long fingerprint(OrderRequest order) {
        Attribution attribution = order.attribution();
        long hash = mix(0x9E3779B97F4A7C15L, hash(order.instrument().id().symbol()));
        hash = mix(hash, hash(order.instrument().id().venueId()));
        hash = mix(hash, order.side().ordinal());
        hash = mix(hash, order.type().ordinal());
        hash = mix(hash, order.limitPrice());
        hash = mix(hash, order.stopPrice());
        hash = mix(hash, order.quantity());
        hash = mix(hash, hash(attribution.strategyId()));
        hash = mix(hash, hash(attribution.accountId()));
        return hash == FREE ? 1 : hash;
    }

    /** 64-bit FNV-1a over the characters: {@code String.hashCode} has 32 bits and well-known collisions. */
    private static long hash(String text) {
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001B3L;
        }
        return hash;
    }

    /** Folds a value in with the murmur3 finaliser's multiply-xorshift, so that every input bit reaches every bit. */
    private static long mix(long hash, long value) {
        long h = (hash ^ value) * 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
