package io.alphintra.engine.internal.core;

import java.util.HashMap;
import java.util.Map;

/**
 * Message throttles (PT6): new orders, replaces and cancels per second, per venue, per account and per strategy
 * instance; a message beyond any of the rates is refused before it is journaled or sent, so nothing beyond a rate
 * reaches a venue. Fixed one-second windows of engine time. Engine thread only; a window is allocated once per venue,
 * account or strategy, counting allocates nothing.
 *
 * <p>A strategy's rate counts what the instance itself sends (the source {@code strategy:<instance>} the strategy
 * host gives every request of one instance), not an operator's cancel of its orders. Its own rate, from its instance
 * configuration, replaces the engine-wide one.
 */
final class MessageThrottles {
    /** The source prefix of every request a strategy instance sends (see {@code StrategyRunner}). */
    static final String STRATEGY_SOURCE = "strategy:";
    private static final long SECOND = 1_000_000_000L;
    private static final int START = 0;
    private static final int COUNT = 1;
    /** A strategy window's rate: its instance's own, or the engine-wide one. */
    private static final int RATE = 2;
    /** A strategy window's flag: 1 when the rate is the instance's own. */
    private static final int OWN = 3;

    private final int perVenue;
    private final int perAccount;
    private final int perStrategy;
    private final Map<String, long[]> venues = new HashMap<>();
    private final Map<String, long[]> accounts = new HashMap<>();
    /** By source, {@code strategy:<instance>}: {start, count, rate, own}. */
    private final Map<String, long[]> strategies = new HashMap<>();

    /**
     * @param perVenue messages a second a venue may be sent, 0: no limit; {@code perAccount} and {@code perStrategy}
     *     (for a strategy instance without a rate of its own) likewise
     */
    MessageThrottles(int perVenue, int perAccount, int perStrategy) {
        this.perVenue = perVenue;
        this.perAccount = perAccount;
        this.perStrategy = perStrategy;
    }

    static MessageThrottles none() {
        return new MessageThrottles(0, 0, 0);
    }

    /**
     * Sets the rate of the strategy instance sending as {@code source}: {@code perSecond} its own, 0 the engine-wide
     * one. Its current window is kept, so restarting an instance does not give it a fresh second.
     */
    void strategyRate(String source, int perSecond) {
        long[] window = strategies.get(source);
        if (window == null) {
            window = new long[] {Long.MIN_VALUE, 0, 0, 0};
            strategies.put(source, window);
        }
        window[RATE] = perSecond > 0 ? perSecond : perStrategy;
        window[OWN] = perSecond > 0 ? 1 : 0;
    }

    /**
     * Counts a message if every rate admits it; null then, else why it is refused (nothing is counted).
     *
     * @param source who sends it; a strategy's rate applies to sources beginning {@code strategy:}
     */
    String admit(String venueId, String accountId, String source, long nowNanos) {
        long[] venue = perVenue > 0 ? window(venues, venueId, nowNanos) : null;
        long[] account = perAccount > 0 ? window(accounts, accountId, nowNanos) : null;
        long[] strategy = source.startsWith(STRATEGY_SOURCE) ? strategyWindow(source, nowNanos) : null;
        if (venue != null && venue[COUNT] >= perVenue) {
            return "message throttle: venue " + venueId + " was sent its " + perVenue
                    + " messages (orders, replaces, cancels) of this second (maxMessagesPerSecondPerVenue)";
        }
        if (account != null && account[COUNT] >= perAccount) {
            return "message throttle: account " + accountId + " sent its " + perAccount
                    + " messages (orders, replaces, cancels) of this second (maxMessagesPerSecondPerAccount)";
        }
        if (strategy != null && strategy[COUNT] >= strategy[RATE]) {
            return "message throttle: strategy " + source.substring(STRATEGY_SOURCE.length()) + " sent its "
                    + strategy[RATE] + " messages (orders, replaces, cancels) of this second ("
                    + (strategy[OWN] == 1 ? "maxMessagesPerSecond of the instance" : "maxMessagesPerSecondPerStrategy")
                    + ")";
        }
        if (venue != null) {
            venue[COUNT]++;
        }
        if (account != null) {
            account[COUNT]++;
        }
        if (strategy != null) {
            strategy[COUNT]++;
        }
        return null;
    }

    /** The strategy's window of this second, or null when no rate applies to it. */
    private long[] strategyWindow(String source, long nowNanos) {
        long[] window = strategies.get(source);
        if (window == null) {
            if (perStrategy == 0) {
                return null;
            }
            window = new long[] {nowNanos, 0, perStrategy, 0};
            strategies.put(source, window);
        }
        if (window[RATE] == 0) {
            return null;
        }
        roll(window, nowNanos);
        return window;
    }

    /** The key's window of this second: {start, count}. */
    private static long[] window(Map<String, long[]> windows, String key, long nowNanos) {
        long[] window = windows.get(key);
        if (window == null) {
            window = new long[] {nowNanos, 0};
            windows.put(key, window);
        } else {
            roll(window, nowNanos);
        }
        return window;
    }

    /** Starts a new second at {@code nowNanos} once the window's has passed (or the clock went back). */
    private static void roll(long[] window, long nowNanos) {
        if (window[START] == Long.MIN_VALUE || nowNanos - window[START] >= SECOND || nowNanos < window[START]) {
            window[START] = nowNanos;
            window[COUNT] = 0;
        }
    }
}
