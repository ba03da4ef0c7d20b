package io.alphintra.sdk.harness;

import static io.alphintra.sdk.harness.Fixtures.SECOND;
import static io.alphintra.sdk.harness.Fixtures.XYZ;
import static io.alphintra.sdk.harness.Fixtures.config;
import static io.alphintra.sdk.harness.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.portfolio.Position;
import io.alphintra.sdk.strategy.StrategyConfig;
import io.alphintra.simexchange.Recording;

/** Small recordings whose orders, fills and P&amp;L are worked out by hand in the comments. */
class HandComputedRunTest {

    private static final Money USD_0 = Money.zero(Currency.USD);

    @TempDir
    Path dir;

    @Test
    void breakoutTradesPayTheSpreadAndBookExactProfitAndLoss() {
        Path tape = csv(dir, "ticks.csv", "timestamp,price,amount", "1000,100.00,10", "1060,101.00,10",
                "1120,99.00,5", "1180,102.00,10", "1240,103.00,10", "1300,100.50,10", "1360,104.00,10");
        StrategyConfig config = config(XYZ, Map.of("lookback", "2", "quantity", "10"));
        HarnessResult result = StrategyHarness.builder().instrument(XYZ, Recording.trades(tape)).fees("0", "10")
                .cash(Money.parse(Currency.USD, "10000.00")).run(config, new BreakoutStrategy(config));

        // 102 > max(101, 99): buy at the ask, 102.01. 100.50 < min(102, 103): sell at the bid, 100.49.
        // 104 > max(103, 100.50): buy at 104.01. Each a taker fill, 10 bp rounded up to the cent.
        assertThat(result.fills()).extracting(fill -> fill.side(), fill -> fill.price(), fill -> fill.quantity(),
                fill -> fill.fee(), fill -> fill.liquidity(), fill -> fill.timeNanos()).containsExactly(
                        tuple(Side.BUY, 102_01L, 10L, usd("1.03"), Liquidity.TAKER,
                                1180 * SECOND),
                        tuple(Side.SELL, 100_49L, 10L, usd("1.01"), Liquidity.TAKER,
                                1300 * SECOND),
                        tuple(Side.BUY, 104_01L, 10L, usd("1.05"), Liquidity.TAKER,
                                1360 * SECOND));
        assertThat(result.orders()).allSatisfy(order -> {
            assertThat(order.execTypes()).containsExactly(ExecType.NEW, ExecType.TRADE);
            assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        });
        // Realised: (100.49 - 102.01) x 10 = -15.20, less 3.09 of fees. Open: 10 at 104.01, marked at 104.00.
        assertThat(result.position(XYZ.id())).hasValue(new Position("ACC-1", "s-1", XYZ.id(), 10, 1040_10,
                usd("-18.29"), 1360 * SECOND));
        assertThat(result.unrealizedPnl(Currency.USD)).isEqualTo(usd("-0.10"));
        // 10000 - 1020.10 + 1004.90 - 1040.10 - 3.09
        assertThat(result.cash(Currency.USD)).isEqualTo(usd("8941.61"));
        assertThat(result.summary()).isEqualTo(new Summary(3, 3, 0, usd("-18.29"), usd("-0.10"), usd("3.09"),
                usd("9981.61")));
        assertThat(result.startNanos()).isEqualTo(1000 * SECOND);
        assertThat(result.endNanos()).isEqualTo(1360 * SECOND);
        assertThat(result.endReason()).isEqualTo("the recording ended");
    }

    @Test
    void aRestingOrderFillsWhereTheTapeTradesThroughItAcrossAReplaceAndACancel() {
        Path tape = csv(dir, "ticks.csv", "1000,100.00,10", "1060,99.80,10", "1120,99.70,5", "1180,99.75,10",
                "1240,99.00,2", "1300,98.00,10");
        ClientOrderId first = ClientOrderId.of("s-1-1");
        ClientOrderId second = ClientOrderId.of("s-1-2");
        ScriptedStrategy strategy = new ScriptedStrategy(XYZ.id())
                .atPrint(1, context -> context.submit(OrderRequest.limit(context.nextClientOrderId(), XYZ, Side.BUY,
                        8, 99_50, TimeInForce.GTC, context.attribution())))
                // Below the ask of 99.81 that follows the print at 99.80, so it rests.
                .atPrint(2, context -> assertThat(context.replace(first, ReplaceRequest.UNCHANGED, 99_70,
                        ReplaceRequest.UNCHANGED)).isEqualTo(second))
                // The prints at 99.70 (5) and 99.00 (2) went through it; 99.75 did not.
                .atPrint(5, context -> context.cancel(first))
                .atPrint(6, context -> context.cancel(second));
        HarnessResult result = StrategyHarness.builder().instrument(XYZ, Recording.trades(tape))
                .run(config(XYZ, Map.of()), strategy);

        OrderHistory order = result.order(second);
        assertThat(result.order(first)).isSameAs(order);
        assertThat(order.clientOrderIds()).containsExactly(first, second);
        assertThat(order.execTypes()).containsExactly(ExecType.NEW, ExecType.REPLACED, ExecType.TRADE,
                ExecType.TRADE, ExecType.CANCELED, ExecType.CANCEL_REJECTED);
        assertThat(order.reports()).extracting(ExecutionReport::lastQuantity).containsExactly(0L, 0L, 5L, 2L, 0L, 0L);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.cumQuantity()).isEqualTo(7);
        assertThat(order.averagePrice(RoundingMode.UNNECESSARY)).hasValue(99_70);
        ExecutionReport cancelled = order.reports().get(4);
        assertThat(cancelled.clientOrderId()).isEqualTo(ClientOrderId.of("s-1-cancel-1"));
        assertThat(cancelled.originalClientOrderId()).isEqualTo(second);
        assertThat(order.reports().get(5).rejectReason()).isEqualTo(RejectReason.TOO_LATE_TO_CANCEL);
        assertThat(strategy.reports()).as("what the strategy got, with the host's order id")
                .isEqualTo(order.reports()).allSatisfy(report -> assertThat(report.orderId()).isEqualTo("O-1"));
        assertThat(result.cash(Currency.USD)).isEqualTo(usd("-697.90"));
        assertThat(result.realizedPnl(Currency.USD)).isEqualTo(USD_0);
        // 7 bought at 99.70, marked at the last print, 98.00.
        assertThat(result.unrealizedPnl(Currency.USD)).isEqualTo(usd("-11.90"));
    }

    @Test
    void requestsTakeEffectAfterTheVenuesLatencyInVirtualTime() {
        Path tape = csv(dir, "ticks.csv", "1000,100.00,10", "1060,101.00,10");
        ScriptedStrategy strategy = new ScriptedStrategy(XYZ.id()).atPrint(1, context -> context.submit(
                OrderRequest.market(context.nextClientOrderId(), XYZ, Side.BUY, 3, TimeInForce.IOC,
                        context.attribution())));
        HarnessResult result = StrategyHarness.builder().instrument(XYZ, Recording.trades(tape))
                .ackLatency(Duration.ofMillis(5)).run(config(XYZ, Map.of()), strategy);

        // Still the quotes around the print at 100.00: the next print is a minute later.
        assertThat(result.fills()).singleElement().satisfies(fill -> {
            assertThat(fill.price()).isEqualTo(100_01);
            assertThat(fill.timeNanos()).isEqualTo(1000 * SECOND + 5_000_000);
        });
        assertThat(strategy.reports()).extracting(ExecutionReport::transactTimeNanos)
                .containsOnly(1000 * SECOND + 5_000_000);
    }

    @Test
    void aStrategyThatAsksToStopHasItsWorkingOrdersCancelledAfterOnStop() {
        Path tape = csv(dir, "ticks.csv", "1000,100.00,10", "1060,101.00,10", "1120,90.00,10");
        ScriptedStrategy strategy = new ScriptedStrategy(XYZ.id())
                .atPrint(1, context -> context.submit(OrderRequest.limit(context.nextClientOrderId(), XYZ, Side.BUY,
                        5, 95_00, TimeInForce.GTC, context.attribution())))
                .atPrint(2, context -> context.requestStop("enough"));
        HarnessResult result = StrategyHarness.builder().instrument(XYZ, Recording.trades(tape))
                .run(config(XYZ, Map.of()), strategy);

        assertThat(result.endReason()).isEqualTo("requested by the strategy: enough");
        assertThat(result.endNanos()).as("the print at 90.00 never came").isEqualTo(1060 * SECOND);
        assertThat(result.orders().get(0).execTypes()).containsExactly(ExecType.NEW, ExecType.CANCELED);
        assertThat(strategy.reports()).as("nothing is delivered after onStop").extracting(ExecutionReport::execType)
                .containsExactly(ExecType.NEW);
        assertThat(result.fills()).isEmpty();
    }

    @Test
    void theGateRefusesAReusedClientOrderIdWithAReport() {
        Path tape = csv(dir, "ticks.csv", "1000,100.00,10");
        ScriptedStrategy strategy = new ScriptedStrategy(XYZ.id()).atPrint(1, context -> {
            OrderRequest order = OrderRequest.limit(ClientOrderId.of("mine"), XYZ, Side.BUY, 1, 90_00,
                    TimeInForce.GTC, context.attribution());
            context.submit(order);
            context.submit(order);
        });
        HarnessResult result = StrategyHarness.builder().instrument(XYZ, Recording.trades(tape))
                .run(config(XYZ, Map.of()), strategy);

        assertThat(result.orders()).extracting(OrderHistory::status)
                .containsExactly(OrderStatus.CANCELED, OrderStatus.REJECTED);
        assertThat(result.orders().get(1).reports()).singleElement()
                .satisfies(report -> assertThat(report.rejectReason()).isEqualTo(
                        RejectReason.DUPLICATE_CLIENT_ORDER_ID));
        assertThat(result.summary().rejectedOrders()).isEqualTo(1);
        assertThat(strategy.reports()).extracting(ExecutionReport::execType)
                .containsExactly(ExecType.NEW, ExecType.REJECTED);
    }

    private static Money usd(String amount) {
        return Money.parse(Currency.USD, amount);
    }
}
