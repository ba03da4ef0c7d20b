package io.alphintra.sdk.indicator;

/** The moving average inside {@link Apo} and {@link Ppo}. */
public enum MaType {
    /** {@link Sma}: TA-Lib's default for APO and PPO. */
    SMA,
    /** {@link Ema}. */
    EMA;

    ValueIndicator create(int period) {
        return this == SMA ? new Sma(period) : new Ema(period);
    }
}
