package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;
import io.alphintra.sdk.indicator.internal.RollingCovariance;

/**
 * Beta of an asset to a benchmark (TA-Lib {@code BETA}): {@code cov(r_asset, r_benchmark)/var(r_benchmark)} of the
 * one-bar simple returns over the last {@code period} returns; a return from a zero price counts as 0, and a flat
 * benchmark gives 0. Inputs are prices: {@code update(asset, benchmark)}. Warm-up: {@code period + 1}.
 */
public final class Beta implements PairIndicator {

    private final int period;
    private final RollingCovariance moments;
    private boolean hasPrevious;
    private double previousAsset;
    private double previousBenchmark;
    private double value = Double.NaN;

    /** @param period number of returns, {@code >= 1} (TA-Lib's default is 5) */
    public Beta(int period) {
        this.period = Check.atLeast("period", period, 1);
        moments = new RollingCovariance(period);
    }

    /**
     * @param asset the asset's price
     * @param benchmark the benchmark's price at the same time
     */
    @Override
    public double update(double asset, double benchmark) {
        if (hasPrevious) {
            moments.add(simpleReturn(asset, previousAsset), simpleReturn(benchmark, previousBenchmark));
            if (moments.isFull()) {
                double variance = moments.syy();
                value = variance > 0 ? moments.sxy() / variance : 0.0;
            }
        }
        hasPrevious = true;
        previousAsset = asset;
        previousBenchmark = benchmark;
        return value;
    }

    private static double simpleReturn(double price, double previous) {
        return previous != 0 ? (price - previous) / previous : 0.0;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return moments.isFull();
    }

    @Override
    public int warmupPeriod() {
        return period + 1;
    }

    @Override
    public void reset() {
        moments.clear();
        hasPrevious = false;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "BETA(" + period + ")";
    }
}
