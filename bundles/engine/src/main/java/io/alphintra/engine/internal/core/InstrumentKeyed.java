package io.alphintra.engine.internal.core;

/**
 * A market data event that carries the engine's {@link InstrumentKeys key} of its instrument, valid during the call
 * that hands it over, so that the engine's own listeners (the strategy host) index by it instead of hashing the id.
 */
public interface InstrumentKeyed {
    int instrumentKey();
}
