/**
 * Runs a {@link io.alphintra.sdk.strategy.Strategy} against recorded market data on the simulated exchange, in
 * virtual time, inside a JUnit test, and gives its orders, fills, positions and P&amp;L for assertions.
 *
 * <p>{@link io.alphintra.sdk.harness.StrategyHarness} builds a venue that replays recorded trades or bars
 * ({@link io.alphintra.simexchange.SimulatedVenues}, whose documentation says how the recording fills orders) and
 * talks to it through the SDK's {@link io.alphintra.sdk.venue.ExchangeAdapter}, as the engine does. The strategy
 * gets the harness's {@link io.alphintra.sdk.strategy.StrategyContext}; everything happens on the test's thread, one
 * event at a time in time order, so the same inputs give the same result, bit for bit.
 * {@link io.alphintra.sdk.harness.HarnessResult} holds what happened, in the SDK's exact fixed-point types.
 *
 * <p>A plain test library: not a bundle, not for production use.
 */
package io.alphintra.sdk.harness;
