/**
 * Money and exact fixed-point numbers.
 *
 * <p>Every price, quantity and amount in the SDK is a {@code long} mantissa with a scale: the value is
 * {@code mantissa × 10^-scale}. Prices and quantities on the hot path travel as bare {@code long}s whose scale
 * is the instrument's price or quantity scale; {@link io.alphintra.sdk.money.Money} carries its currency and
 * scale with it. No API here accepts or returns {@code double}: binary floating point cannot represent 0.1, and
 * a price that is off by one ulp is off the tick grid.
 *
 * <p>{@link io.alphintra.sdk.money.Decimals} is the one text codec and arithmetic helper; it rejects what it
 * cannot represent and rounds only when a {@link java.math.RoundingMode} is passed.
 */
@Export
@Version("1.0.0")
package io.alphintra.sdk.money;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
