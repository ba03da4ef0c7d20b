/**
 * Market data tools: {@link io.alphintra.marketdata.BarAggregator} builds time, tick, volume and value bars from
 * a stream of trades; {@link io.alphintra.marketdata.MarketDataImport} reads historical trades and bars from CSV
 * and JSON files, exactly, into the instrument's fixed-point units; {@link io.alphintra.marketdata.MarketDataWriter}
 * and {@link io.alphintra.marketdata.MarketDataReader} record market data in a compact, checksummed binary format
 * and replay it into a {@link io.alphintra.sdk.marketdata.MarketDataListener}.
 *
 * <p>Prices and quantities are {@code long}s in the instrument's price and quantity units (see
 * {@link io.alphintra.sdk.instrument.TradingGrid}); nothing here passes through {@code double}. None of these
 * classes is thread-safe: each instance belongs to one thread at a time.
 */
@Export
@Version("1.0.0")
package io.alphintra.marketdata;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
