/**
 * Streaming technical indicators for strategies, and the same indicators over arrays for feature code.
 *
 * <p>Every indicator is a plain object that a strategy creates and owns, e.g. {@code new Rsi(14)}, and feeds one
 * input at a time with {@code update(...)}. Updates cost O(1) (except where noted in the class javadoc) and never
 * allocate. Until an indicator has seen {@link io.alphintra.sdk.indicator.Indicator#warmupPeriod()} inputs,
 * {@link io.alphintra.sdk.indicator.Indicator#isReady()} is {@code false} and every value is {@code NaN}.
 * {@link io.alphintra.sdk.indicator.Batch} runs the same objects over arrays, so batch and streaming results are
 * identical by construction.
 *
 * <p>Indicators are not thread-safe: one instance belongs to one instrument on one thread.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.alphintra.sdk.indicator;
