package io.alphintra.sdk.indicator;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * State common to every streaming indicator. The update method depends on the input: see {@link ValueIndicator},
 * {@link BarIndicator} and {@link PairIndicator}.
 *
 * <p>Consumer type: strategy authors may implement their own indicators and run them with {@link Batch}.
 */
@ConsumerType
public interface Indicator {

    /** The current (primary) value; {@code NaN} until {@link #isReady()}. */
    double value();

    /** Whether {@link #warmupPeriod()} inputs have been seen, so that {@link #value()} is defined. */
    boolean isReady();

    /**
     * How many inputs the indicator needs before its first value: the value produced by the
     * {@code warmupPeriod()}-th update is the first one that is not {@code NaN}. Where TA-Lib has the indicator this
     * is TA-Lib's lookback + 1.
     */
    int warmupPeriod();

    /** Forgets every input, as if newly constructed (e.g. at a session boundary or before a new series). */
    void reset();

    /** A short label with the parameters, e.g. {@code RSI(14)}. */
    String name();
}
