package io.alphintra.sdk.indicator;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An indicator with several outputs (e.g. MACD line, signal and histogram). The classes also have a named getter
 * per output; this interface lets generic code such as {@link Batch} read them all. Every output is {@code NaN}
 * until {@link Indicator#isReady()}.
 */
@ConsumerType
public interface MultiOutput extends Indicator {

    /** How many outputs there are. */
    int outputCount();

    /** The name of output {@code index}, e.g. {@code "signal"}. */
    String outputName(int index);

    /** The current value of output {@code index}, in {@code [0, outputCount())}. */
    double output(int index);
}
