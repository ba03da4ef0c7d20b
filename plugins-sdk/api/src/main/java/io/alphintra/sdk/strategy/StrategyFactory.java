package io.alphintra.sdk.strategy;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates strategy instances of one type. Register an implementation as an OSGi service (whiteboard pattern,
 * e.g. {@code @Component(service = StrategyFactory.class)}); the engine picks it up when the bundle starts and
 * drops it when the bundle stops, stopping the instances it created.
 *
 * <p>For each configured instance whose {@link StrategyConfig#type()} equals {@link #type()}, the engine calls
 * {@link #create(StrategyConfig)} once, outside the engine thread, and then drives the returned strategy on the
 * engine thread. A factory keeps no reference to the strategies it creates and starts no threads.
 */
@ConsumerType
public interface StrategyFactory {

    /**
     * The strategy type this factory creates, e.g. {@code mean-reversion}; 1 to 64 printable ASCII characters
     * without spaces, unique among the installed factories.
     */
    String type();

    /**
     * A new, not yet started strategy for {@code config}. Read and check every parameter here, through the typed
     * getters of {@link StrategyConfig}, so that a bad configuration is refused before the instance starts
     * rather than when it first trades.
     *
     * @throws IllegalArgumentException if the configuration is invalid; the message names the parameter and
     *     value
     */
    Strategy create(StrategyConfig config);
}
