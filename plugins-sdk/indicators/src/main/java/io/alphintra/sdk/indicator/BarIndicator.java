package io.alphintra.sdk.indicator;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An indicator of bars (open, high, low, close, volume). Indicators that do not use some of the fields ignore them,
 * so any finite number (e.g. 0 for a missing volume) may be passed there; the class javadoc says which are used.
 */
@ConsumerType
public interface BarIndicator extends Indicator {

    /**
     * Adds the next bar.
     *
     * @return the new {@link #value()}, {@code NaN} during warm-up
     */
    double update(double open, double high, double low, double close, double volume);
}
