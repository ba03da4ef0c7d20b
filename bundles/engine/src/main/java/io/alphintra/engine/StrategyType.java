package io.alphintra.engine;

/**
 * A strategy type a bundle installed: what {@link StrategyControl#create} can make instances of.
 *
 * @param type          the name its {@code StrategyFactory} registers, used in an instance's {@code type}
 * @param bundle        the symbolic name of the bundle providing it
 * @param bundleVersion that bundle's version
 * @since 1.6
 */
public record StrategyType(String type, String bundle, String bundleVersion) {
}
