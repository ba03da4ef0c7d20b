package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;

/**
 * Elder's force index: {@link Ema} over {@code period} bars of {@code (close - previous close) * volume}, the EMA
 * seeded with the simple average of its first {@code period} inputs. Uses close and volume. Not in TA-Lib. Warm-up:
 * {@code period + 1}.
 */
public final class ForceIndex implements BarIndicator {

    private final int period;
    private final Ema ema;
    private boolean hasPrevious;
    private double previousClose;
    private double value = Double.NaN;

    /** @param period {@code >= 1} (1 gives the raw force) */
    public ForceIndex(int period) {
        this.period = Check.atLeast("period", period, 1);
        ema = new Ema(period);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        if (hasPrevious) {
            value = ema.update((close - previousClose) * volume);
        }
        hasPrevious = true;
        previousClose = close;
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return ema.isReady();
    }

    @Override
    public int warmupPeriod() {
        return period + 1;
    }

    @Override
    public void reset() {
        ema.reset();
        hasPrevious = false;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "FORCE(" + period + ")";
    }
}
