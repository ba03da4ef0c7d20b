package io.alphintra.sdk.indicator;

import org.osgi.annotation.versioning.ConsumerType;

/** An indicator of two aligned series, such as an asset and its benchmark. */
@ConsumerType
public interface PairIndicator extends Indicator {

    /**
     * Adds the next pair of inputs, both observed at the same time.
     *
     * @return the new {@link #value()}, {@code NaN} during warm-up
     */
    double update(double x, double y);
}
