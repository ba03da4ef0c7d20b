package io.alphintra.sdk.indicator.internal;

/**
 * Average gain and average loss of a series with Wilder's smoothing, seeded as TA-Lib seeds RSI and CMO: the simple
 * average of the first {@code period} changes, then {@code avg = (avg * (period - 1) + change) / period}.
 */
public final class WilderGainLoss {

    private final int period;
    private int changes;
    private boolean hasPrevious;
    private double previous;
    private double gain;
    private double loss;

    public WilderGainLoss(int period) {
        this.period = period;
    }

    /** Adds a value; returns whether the averages are defined (after {@code period} changes). */
    public boolean add(double value) {
        if (!hasPrevious) {
            hasPrevious = true;
            previous = value;
            return false;
        }
        double change = value - previous;
        previous = value;
        if (changes >= period) {
            gain *= period - 1;
            loss *= period - 1;
        }
        if (change < 0) {
            loss -= change;
        } else {
            gain += change;
        }
        changes++;
        if (changes >= period) {
            gain /= period;
            loss /= period;
            return true;
        }
        return false;
    }

    public double averageGain() {
        return gain;
    }

    public double averageLoss() {
        return loss;
    }

    public void clear() {
        changes = 0;
        hasPrevious = false;
        gain = 0;
        loss = 0;
    }
}
