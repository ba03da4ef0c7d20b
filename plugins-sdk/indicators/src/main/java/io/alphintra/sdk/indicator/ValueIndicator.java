package io.alphintra.sdk.indicator;

import org.osgi.annotation.versioning.ConsumerType;

/** An indicator of a single series of numbers, usually closing prices. */
@ConsumerType
public interface ValueIndicator extends Indicator {

    /**
     * Adds the next input.
     *
     * @return the new {@link #value()}, {@code NaN} during warm-up
     */
    double update(double value);
}
