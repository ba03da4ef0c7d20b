package io.alphintra.sdk.harness;

import static io.alphintra.sdk.harness.Fixtures.SECOND;
import static io.alphintra.sdk.harness.Fixtures.XYZ;
import static io.alphintra.sdk.harness.Fixtures.config;
import static io.alphintra.sdk.harness.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.strategy.BaseStrategy;
import io.alphintra.simexchange.Recording;

/** Strategy timers fire in virtual time, in time order with the recorded prints. */
class TimersTest {

    @TempDir
    Path dir;

    /** A one-shot timer at +30 s and a repeating one every 20 s, cancelled at its fourth firing. */
    private static final class TimedStrategy extends BaseStrategy {
        final List<String> calls = new ArrayList<>();
        long oneShot;
        long repeating;
        int repeats;

        @Override
        protected void onStarted() {
            context().subscribe(XYZ.id(), MarketDataType.TRADES);
            oneShot = context().scheduleTimer(30 * SECOND);
            repeating = context().scheduleRepeatingTimer(20 * SECOND, 20 * SECOND);
        }

        @Override
        public void onTrade(Trade trade) {
            calls.add("trade " + trade.price() + " at " + context().nowNanos() / SECOND);
        }

        @Override
        public void onTimer(long timerId, long nowNanos) {
            calls.add((timerId == oneShot ? "one-shot" : "repeating") + " at " + nowNanos / SECOND);
            if (timerId == repeating && ++repeats == 4) {
                calls.add("cancel repeating: " + context().cancelTimer(repeating));
                calls.add("cancel one-shot: " + context().cancelTimer(oneShot));
            }
        }
    }

    @Test
    void timersFireAtTheirVirtualTimesAfterThePrintsOfTheSameInstant() {
        Path tape = csv(dir, "ticks.csv", "1000,100.00,1", "1060,101.00,1", "1120,102.00,1");
        TimedStrategy strategy = new TimedStrategy();
        StrategyHarness.builder().instrument(XYZ, Recording.trades(tape)).run(config(XYZ, Map.of()), strategy);

        assertThat(strategy.calls).containsExactly(
                "trade 10000 at 1000",
                "repeating at 1020",
                "one-shot at 1030",
                "repeating at 1040",
                "trade 10100 at 1060",
                "repeating at 1060",
                "repeating at 1080",
                "cancel repeating: true",
                "cancel one-shot: false",
                "trade 10200 at 1120");
    }
}
