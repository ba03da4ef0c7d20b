package io.alphintra.engine.internal.core;

import java.util.HashMap;
import java.util.Map;

/**
 * Message throttles (PT6): new orders, replaces and cancels per second, per venue and per account; a message beyond
 * either rate is refused before it is journaled or sent, so nothing beyond the rate reaches a venue. Fixed one-second
 * windows of engine time. Engine thread only; a window is allocated once per venue or account, counting allocates
 * nothing.
 */
final class MessageThrottles {
    private static final long SECOND = 1_000_000_000L;

    private final int perVenue;
    private final int perAccount;
    private final Map<String, long[]> venues = new HashMap<>();
    private final Map<String, long[]> accounts = new HashMap<>();

    /** @param perVenue messages a second a venue may be sent, 0: no limit; {@code perAccount} likewise */
    MessageThrottles(int perVenue, int perAccount) {
        this.perVenue = perVenue;
        this.perAccount = perAccount;
    }

    static MessageThrottles none() {
        return new MessageThrottles(0, 0);
    }

    /** Counts a message if both rates admit it; null then, else why it is refused (nothing is counted). */
    String admit(String venueId, String accountId, long nowNanos) {
        long[] venue = perVenue > 0 ? window(venues, venueId, nowNanos) : null;
        long[] account = perAccount > 0 ? window(accounts, accountId, nowNanos) : null;
        if (venue != null && venue[1] >= perVenue) {
            return "message throttle: venue " + venueId + " was sent its " + perVenue
                    + " messages (orders, replaces, cancels) of this second (maxMessagesPerSecondPerVenue)";
        }
        if (account != null && account[1] >= perAccount) {
            return "message throttle: account " + accountId + " sent its " + perAccount
                    + " messages (orders, replaces, cancels) of this second (maxMessagesPerSecondPerAccount)";
        }
        if (venue != null) {
            venue[1]++;
        }
        if (account != null) {
            account[1]++;
        }
        return null;
    }

    /** The key's window of this second: {start, count}. */
    private static long[] window(Map<String, long[]> windows, String key, long nowNanos) {
        long[] window = windows.get(key);
        if (window == null) {
            window = new long[] {nowNanos, 0};
            windows.put(key, window);
        } else if (nowNanos - window[0] >= SECOND || nowNanos < window[0]) {
            window[0] = nowNanos;
            window[1] = 0;
        }
        return window;
    }
}
