package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;

/**
 * A fast and a slow moving average of the same series, defined once the slow one is. With {@code alignFastSeed}
 * the fast average starts {@code slow - fast} inputs late, as TA-Lib's MACD does: for an EMA the seed is then the
 * SMA of inputs {@code slow-fast .. slow-1} rather than of the first {@code fast}. TA-Lib's APO and PPO, run from the
 * start of a series, seed the fast EMA normally.
 */
final class MovingAveragePair {

    final int fastPeriod;
    final int slowPeriod;
    private final ValueIndicator fast;
    private final ValueIndicator slow;
    private final int fastDelay;
    private int count;

    MovingAveragePair(int fastPeriod, int slowPeriod, MaType type, boolean alignFastSeed) {
        this.fastPeriod = Check.atLeast("fastPeriod", fastPeriod, 2);
        this.slowPeriod = Check.atLeast("slowPeriod", slowPeriod, 2);
        Check.less("fastPeriod", fastPeriod, "slowPeriod", slowPeriod);
        fast = type.create(fastPeriod);
        slow = type.create(slowPeriod);
        fastDelay = alignFastSeed ? slowPeriod - fastPeriod : 0;
    }

    /** Adds an input; returns whether both averages are now defined. */
    boolean add(double input) {
        if (count >= fastDelay) {
            fast.update(input);
        } else {
            count++;
        }
        slow.update(input);
        return slow.isReady();
    }

    double fast() {
        return fast.value();
    }

    double slow() {
        return slow.value();
    }

    void reset() {
        fast.reset();
        slow.reset();
        count = 0;
    }
}
