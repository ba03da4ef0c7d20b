package io.alphintra.sdk.harness;

import static io.alphintra.sdk.harness.Fixtures.AAPL;
import static io.alphintra.sdk.harness.Fixtures.SECOND;
import static io.alphintra.sdk.harness.Fixtures.XYZ;
import static io.alphintra.sdk.harness.Fixtures.config;
import static io.alphintra.sdk.harness.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.strategy.BaseStrategy;
import io.alphintra.sdk.strategy.StrategyContext;
import io.alphintra.simexchange.Recording;

/** What goes wrong surfaces as a test failure that says where: in the strategy, at the context, in the data. */
class FailuresTest {

    @TempDir
    Path dir;

    @Test
    void aStrategyThatThrowsFailsTheRunNamingTheCallbackTheEventAndTheVirtualTime() {
        Path tape = csv(dir, "ticks.csv", "1000,100.00,10", "1060,101.00,10", "1120,99.00,5");
        IllegalStateException boom = new IllegalStateException("boom");
        ScriptedStrategy strategy = new ScriptedStrategy(XYZ.id()).atPrint(3, context -> {
            throw boom;
        });
        var harness = StrategyHarness.builder().instrument(XYZ, Recording.trades(tape));

        assertThatThrownBy(() -> harness.run(config(XYZ, Map.of()), strategy))
                .isInstanceOfSatisfying(StrategyFailure.class, failure -> {
                    assertThat(failure.timeNanos()).isEqualTo(1120 * SECOND);
                    assertThat(failure.callback()).startsWith("onTrade(TradeRecord[instrumentId=XYZ@SIMH, price=9900,"
                            + " quantity=5");
                })
                .hasCause(boom)
                .hasMessageStartingWith("strategy 's-1' threw from onTrade(TradeRecord[")
                .hasMessageEndingWith(" at 1970-01-01T00:18:40Z (virtual time 1120000000000 ns):"
                        + " java.lang.IllegalStateException: boom");
    }

    @Test
    void anOrderForAnInstrumentOutsideTheConfigurationFailsAtTheCall() {
        Path tape = csv(dir, "ticks.csv", "1000,100.00,10");
        Path other = csv(dir, "other.csv", "1000,500.00,10");
        ScriptedStrategy strategy = new ScriptedStrategy(XYZ.id()).atPrint(1, context -> context.submit(
                OrderRequest.market(context.nextClientOrderId(), AAPL, Side.BUY, 1, TimeInForce.IOC,
                        context.attribution())));
        var harness = StrategyHarness.builder().instrument(XYZ, Recording.trades(tape))
                .instrument(AAPL, Recording.trades(other));

        assertThatThrownBy(() -> harness.run(config(XYZ, Map.of()), strategy))
                .isInstanceOf(StrategyFailure.class)
                .hasRootCauseMessage("instrument = 'AAPL@SIMH': not among the instruments [XYZ@SIMH] configured for"
                        + " s-1");
    }

    @Test
    void theContextRefusesOrdersDuringOnStopAndCallsOutsideCallbacks() {
        Path tape = csv(dir, "ticks.csv", "1000,100.00,10");
        StrategyContext[] kept = new StrategyContext[1];
        BaseStrategy strategy = new BaseStrategy() {
            @Override
            protected void onStarted() {
                kept[0] = context();
            }

            @Override
            public void onStop() {
                context().cancelAll();
            }
        };
        var harness = StrategyHarness.builder().instrument(XYZ, Recording.trades(tape));

        assertThatThrownBy(() -> harness.run(config(XYZ, Map.of()), strategy))
                .isInstanceOf(StrategyFailure.class).hasMessageContaining("threw from onStop()")
                .hasRootCauseMessage("cancelAll: the strategy is stopping and may send no orders");
        assertThatThrownBy(() -> kept[0].nextClientOrderId())
                .hasMessage("nextClientOrderId: only allowed from inside a strategy callback");
    }

    @Test
    void aMalformedRecordingIsRefusedNamingFileLineAndField() {
        Path tape = csv(dir, "bad.csv", "timestamp,price,amount", "1000,100.00,10", "1060,101.00,ten");
        var harness = StrategyHarness.builder().instrument(XYZ, Recording.trades(tape));

        assertThatThrownBy(() -> harness.run(config(XYZ, Map.of()), new ScriptedStrategy(XYZ.id())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad.csv line 3, field 'amount': 'ten' is not a decimal number");
    }

    @Test
    void aConfiguredInstrumentNeedsARecording() {
        Path tape = csv(dir, "ticks.csv", "1000,100.00,10");
        var harness = StrategyHarness.builder().instrument(XYZ, Recording.trades(tape));

        assertThatThrownBy(() -> harness.run(config(AAPL, Map.of()), new ScriptedStrategy(AAPL.id())))
                .hasMessage("instrument AAPL@SIMH of strategy instance 's-1' has no recording; the harness lists"
                        + " [XYZ@SIMH]");
    }
}
