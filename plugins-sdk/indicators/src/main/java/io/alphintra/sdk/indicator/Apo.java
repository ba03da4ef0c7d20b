package io.alphintra.sdk.indicator;

import java.util.Objects;

/**
 * Absolute price oscillator {@code MA(fast) - MA(slow)} (TA-Lib {@code APO}). Both averages start with
 * the series, as in TA-Lib run from the first input. Warm-up: {@code slowPeriod}.
 */
public final class Apo implements ValueIndicator {

    private final MovingAveragePair averages;
    private final MaType type;
    private boolean ready;
    private double value = Double.NaN;

    /**
     * @param fastPeriod {@code >= 2}, {@code < slowPeriod}
     * @param slowPeriod {@code >= 2}
     * @param type       the moving average; TA-Lib's default is {@link MaType#SMA}
     */
    public Apo(int fastPeriod, int slowPeriod, MaType type) {
        this.type = Objects.requireNonNull(type, "type");
        averages = new MovingAveragePair(fastPeriod, slowPeriod, type, false);
    }

    @Override
    public double update(double input) {
        if (averages.add(input)) {
            ready = true;
            value = averages.fast() - averages.slow();
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public int warmupPeriod() {
        return averages.slowPeriod;
    }

    @Override
    public void reset() {
        averages.reset();
        ready = false;
        value = Double.NaN;
    }

    @Override
    public String name() {
        return "APO(" + averages.fastPeriod + "," + averages.slowPeriod + "," + type + ")";
    }
}
