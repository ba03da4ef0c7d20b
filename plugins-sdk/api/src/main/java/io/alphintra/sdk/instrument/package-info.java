/**
 * Reference data: instruments, their price/quantity grid, venues and their trading calendars.
 *
 * <p>{@link io.alphintra.sdk.instrument.Instrument} is a sealed interface with one record per asset class
 * rather than one class with optional fields: an equity has no expiry and a future has no base currency, and
 * the compiler should say so. The grid shared by all of them is {@link io.alphintra.sdk.instrument.TradingGrid}:
 * prices are {@code long} mantissas at the price scale ("price units") on a banded
 * {@link io.alphintra.sdk.instrument.TickTable}; quantities are mantissas at the quantity scale ("quantity
 * units") in multiples of the lot size and at least the minimum quantity.
 *
 * <p>Everything here is immutable and safe to share between threads and to cache.
 */
@Export
@Version("1.0.0")
package io.alphintra.sdk.instrument;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
