package io.alphintra.sdk.marketdata;

import java.time.Duration;

import io.alphintra.sdk.internal.Checks;

/**
 * How bars are built: {@code new BarSpec(BarType.TICK, 500)} closes a bar every 500 trades.
 *
 * @param type what closes a bar
 * @param size positive threshold in the unit {@link BarType} defines
 */
public record BarSpec(BarType type, long size) {

    public BarSpec {
        Checks.required("type", type);
        Checks.positive("size", size);
    }

    /** Time bars of {@code interval}, e.g. {@code BarSpec.time(Duration.ofMinutes(1))}. */
    public static BarSpec time(Duration interval) {
        Checks.required("interval", interval);
        return new BarSpec(BarType.TIME, interval.toNanos());
    }

    /** Text for logs and config keys, e.g. {@code TIME-60000000000} for one-minute bars. */
    @Override
    public String toString() {
        return type + "-" + size;
    }
}
