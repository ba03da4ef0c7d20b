package io.alphintra.sdk.indicator;

import java.util.Objects;

/**
 * Percentage price oscillator {@code 100*(MA(fast) - MA(slow))/MA(slow)} (TA-Lib {@code PPO}), 0 when the slow
 * average is 0. Both averages start with the series, as in TA-Lib run from the first input. Warm-up: {@code slowPeriod}.
 */
public final class Ppo implements ValueIndicator {

    private final MovingAveragePair averages;
    private final MaType type;
    private boolean ready;
    private double value = Double.NaN;

    /**
     * @param fastPeriod {@code >= 2}, {@code < slowPeriod}
     * @param slowPeriod {@code >= 2}
     * @param type       the moving average; TA-Lib's default is {@link MaType#SMA}
     */
    public Ppo(int fastPeriod, int slowPeriod, MaType type) {
        this.type = Objects.requireNonNull(type, "type");
        averages = new MovingAveragePair(fastPeriod, slowPeriod, type, false);
    }

    @Override
    public double update(double input) {
        if (averages.add(input)) {
            ready = true;
            value = averages.slow() != 0 ? (averages.fast() - averages.slow()) / averages.slow() * 100.0 : 0.0;
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
        return "PPO(" + averages.fastPeriod + "," + averages.slowPeriod + "," + type + ")";
    }
}
