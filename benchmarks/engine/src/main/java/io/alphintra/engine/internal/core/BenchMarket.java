package io.alphintra.engine.internal.core;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.TradeRecord;

/**
 * A last trade put into a benchmark's {@link MarketCache}, as the engine loop does for a venue's trade, so that the
 * risk checks have a reference price. In the cache's package because its update is package-private; benchmarks run
 * on a plain classpath, where the split package is harmless.
 */
public final class BenchMarket {
    private BenchMarket() {
    }

    public static void lastTrade(MarketCache market, InstrumentId instrument, long price, long atNanos) {
        market.onTrade(0, new TradeRecord(instrument, price, 1, AggressorSide.BUYER, atNanos, atNanos));
    }
}
