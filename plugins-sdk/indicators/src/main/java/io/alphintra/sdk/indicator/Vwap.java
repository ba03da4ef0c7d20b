package io.alphintra.sdk.indicator;

/**
 * Session-anchored volume-weighted average price of the typical price {@code (high + low + close) / 3}: cumulative
 * since construction or the last {@link #reset()}, which a strategy calls at each session start. Uses high, low,
 * close and volume. Until some volume has traded in the session the latest typical price is returned. Not in TA-Lib.
 * Warm-up: 1.
 */
public final class Vwap implements BarIndicator {

    private double priceVolume;
    private double volume;
    private boolean started;
    private double value = Double.NaN;

    @Override
    public double update(double open, double high, double low, double close, double barVolume) {
        double typical = (high + low + close) / 3.0;
        priceVolume += typical * barVolume;
        volume += barVolume;
        value = volume != 0 ? priceVolume / volume : typical;
        started = true;
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return started;
    }

    @Override
    public int warmupPeriod() {
        return 1;
    }

    /** Starts a new session. */
    @Override
    public void reset() {
        priceVolume = 0;
        volume = 0;
        started = false;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "VWAP";
    }
}
