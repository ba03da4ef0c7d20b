/**
 * Market data events as the engine delivers them to strategies and as adapters hand them to the engine.
 *
 * <p><b>Flyweights.</b> {@link io.alphintra.sdk.marketdata.Trade}, {@link io.alphintra.sdk.marketdata.TopOfBook},
 * {@link io.alphintra.sdk.marketdata.OrderBookDelta} and {@link io.alphintra.sdk.marketdata.Bar} are read-only
 * interfaces so that the engine can pass one reused object per event type instead of allocating per tick. An
 * event object is therefore <em>valid only during the callback that received it</em>: its values change after
 * the callback returns. Call {@code toRecord()} to keep one; the record is immutable and thread-safe. The same
 * rule applies the other way: an adapter may reuse its objects once a {@code VenueListener} call returns. The
 * {@code ...Record} types are the implementations for adapters and tests; they validate their inputs.
 *
 * <p><b>Units.</b> Prices are in price units and sizes in quantity units of the event's instrument (see
 * {@link io.alphintra.sdk.instrument.TradingGrid}); the scales are not repeated on every tick. Timestamps are
 * nanoseconds since the Unix epoch (UTC): {@code eventTimeNanos} is the venue's time of the event,
 * {@code receiveTimeNanos} when the host received it (virtual time in a backtest).
 *
 * <p>The interfaces are {@code @ProviderType}: the SDK may add methods in a minor version. A plugin that
 * implements one itself instead of using the records must import this package with a provider range
 * {@code [1.0,1.1)}.
 */
@Export
@Version("1.0.0")
package io.alphintra.sdk.marketdata;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
