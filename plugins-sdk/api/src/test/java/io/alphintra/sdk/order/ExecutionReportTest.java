package io.alphintra.sdk.order;

import static io.alphintra.sdk.testing.Fixtures.AAPL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalLong;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;

class ExecutionReportTest {

    private static ExecutionReport.Builder acknowledged(long orderQuantity) {
        return ExecutionReport.builder().orderId("O-1").clientOrderId(ClientOrderId.of("mr-1-000001"))
                .venueOrderId("V-77").execId("E-0").instrumentId(AAPL.id()).side(Side.BUY).execType(ExecType.NEW)
                .status(OrderStatus.NEW).orderQuantity(orderQuantity).leavesQuantity(orderQuantity);
    }

    private static ExecutionReport fill(ExecutionReport previous, String execId, long quantity, long price) {
        return previous.toBuilder().execId(execId).fill(quantity, price).liquidity(Liquidity.MAKER)
                .fee(Money.parse(Currency.USD, "0.0035", 4).multiply(quantity)).build();
    }

    @Test
    void averagePriceIsKeptExactlyOverFills() {
        ExecutionReport report = acknowledged(600).build();
        assertThat(report.averagePrice(RoundingMode.HALF_EVEN)).isEmpty();
        report = fill(report, "E-1", 100, 1001000); // 100.10
        report = fill(report, "E-2", 200, 1002000); // 100.20
        ExecutionReport filled = fill(report, "E-3", 300, 1003000); // 100.30
        report = filled;
        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.cumQuantity()).isEqualTo(600);
        assertThat(report.leavesQuantity()).isZero();
        assertThat(report.cumPriceQuantity()).isEqualTo(100 * 1001000L + 200 * 1002000L + 300 * 1003000L);
        // 60,140.00 / 600 = 100.2333..., never stored rounded
        assertThat(report.averagePrice(RoundingMode.HALF_EVEN)).hasValue(1002333);
        assertThat(report.averagePrice(RoundingMode.CEILING)).hasValue(1002334);
        assertThatThrownBy(() -> filled.averagePrice(RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void exactAverageNeedsNoRounding() {
        ExecutionReport report = fill(fill(acknowledged(300).build(), "E-1", 100, 1001000), "E-2", 200, 1002500);
        // (100 × 100.10 + 200 × 100.25) / 300 = 100.20 exactly
        assertThat(report.averagePrice(RoundingMode.UNNECESSARY)).hasValue(1002000);
        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void averageOverManyRandomFillsMatchesBigDecimal() {
        SplittableRandom random = new SplittableRandom(3);
        long orderQuantity = 1_000_000;
        ExecutionReport report = acknowledged(orderQuantity).build();
        BigDecimal notional = BigDecimal.ZERO;
        long filled = 0;
        for (int i = 0; filled < orderQuantity; i++) {
            long quantity = Math.min(orderQuantity - filled, random.nextLong(1, 5_000));
            long price = 1_000_000 + 100 * random.nextLong(0, 10_000);
            report = fill(report, "E-" + i, quantity, price);
            notional = notional.add(BigDecimal.valueOf(price, 4).multiply(BigDecimal.valueOf(quantity)));
            filled += quantity;
        }
        assertThat(BigDecimal.valueOf(report.cumPriceQuantity(), 4)).isEqualByComparingTo(notional);
        BigDecimal expected = notional.divide(BigDecimal.valueOf(filled), 4, RoundingMode.HALF_EVEN);
        assertThat(report.averagePrice(RoundingMode.HALF_EVEN)).hasValue(expected.unscaledValue().longValueExact());
    }

    @Test
    void tradeNeedsAPositiveLastQuantity() {
        assertThatThrownBy(() -> acknowledged(100).execType(ExecType.TRADE).status(OrderStatus.PARTIALLY_FILLED)
                .build()).hasMessage("lastQuantity = 0: must be positive");
        assertThatThrownBy(() -> acknowledged(100).lastQuantity(10).lastPrice(1012500).build())
                .hasMessage("lastQuantity = 10, lastPrice = 1012500: must be 0 for execType NEW");
    }

    @Test
    void quantitiesMustAddUp() {
        assertThatThrownBy(() -> acknowledged(100).leavesQuantity(101).build())
                .hasMessage("cumQuantity = 0, leavesQuantity = 101: together exceed orderQuantity = 100");
        assertThatThrownBy(() -> acknowledged(100).execType(ExecType.CANCELED).status(OrderStatus.CANCELED).build())
                .hasMessage("leavesQuantity = 100: must be 0 when status is CANCELED");
        assertThatThrownBy(() -> acknowledged(100).status(OrderStatus.FILLED).leavesQuantity(0).build())
                .hasMessage("cumQuantity = 0: status FILLED needs cumQuantity = orderQuantity = 100");
        assertThatThrownBy(() -> acknowledged(100).cumPriceQuantity(5).build())
                .hasMessage("cumPriceQuantity = 5: must be 0 while nothing is filled");
        assertThatThrownBy(() -> fill(acknowledged(100).build(), "E-1", 101, 1012500))
                .hasMessage("cumQuantity = 101, leavesQuantity = 0: together exceed orderQuantity = 100");
    }

    @Test
    void rejectionsAndOnlyRejectionsCarryAReason() {
        ExecutionReport rejected = acknowledged(100).execType(ExecType.REJECTED).status(OrderStatus.REJECTED)
                .leavesQuantity(0).rejectReason(RejectReason.RISK_LIMIT).text("order value over the hard limit")
                .build();
        assertThat(rejected.isTerminal()).isTrue();
        assertThatThrownBy(() -> acknowledged(100).execType(ExecType.REJECTED).status(OrderStatus.REJECTED)
                .leavesQuantity(0).build()).hasMessage("rejectReason: required for execType REJECTED (was null)");
        assertThatThrownBy(() -> acknowledged(100).rejectReason(RejectReason.OTHER).build())
                .hasMessage("rejectReason = OTHER: only rejections carry one, not execType NEW");
        assertThatThrownBy(() -> acknowledged(100).execType(ExecType.REJECTED).leavesQuantity(0)
                .rejectReason(RejectReason.OTHER).build())
                .hasMessage("status = NEW: execType REJECTED needs status REJECTED");
        // A refused cancel leaves the order working.
        ExecutionReport cancelRejected = acknowledged(100).execType(ExecType.CANCEL_REJECTED)
                .rejectReason(RejectReason.TOO_LATE_TO_CANCEL).build();
        assertThat(cancelRejected.isTerminal()).isFalse();
    }

    @Test
    void onlyTradesCarryLiquidityAndFees() {
        assertThatThrownBy(() -> acknowledged(100).fee(Money.zero(Currency.USD)).build())
                .hasMessageContaining("only a TRADE has liquidity and a fee");
    }

    @Test
    void adaptersLeaveTheOrderIdToTheHost() {
        ExecutionReport fromAdapter = acknowledged(100).orderId(null).build();
        assertThat(fromAdapter.orderId()).isNull();
        assertThat(fromAdapter.toBuilder().orderId("O-9").build().orderId()).isEqualTo("O-9");
    }

    @Test
    void openOrderAverageAndInvariants() {
        OpenOrder open = new OpenOrder("O-1", ClientOrderId.of("c-1"), "V-1", AAPL.id(), Side.BUY, OrderType.LIMIT,
                TimeInForce.DAY, 300, 1012500, OrderRequest.NO_PRICE, OrderStatus.PARTIALLY_FILLED, 100, 200,
                100 * 1012500L);
        assertThat(open.averagePrice(RoundingMode.UNNECESSARY)).isEqualTo(OptionalLong.of(1012500));
        assertThatThrownBy(() -> new OpenOrder(null, null, null, AAPL.id(), Side.BUY, OrderType.LIMIT,
                TimeInForce.DAY, 300, 1012500, OrderRequest.NO_PRICE, OrderStatus.NEW, 0, 300, 0))
                .hasMessage("clientOrderId, venueOrderId: at least one is required (both null)");
        assertThatThrownBy(() -> new OpenOrder("O-1", ClientOrderId.of("c-1"), null, AAPL.id(), Side.BUY,
                OrderType.LIMIT, TimeInForce.DAY, 300, 1012500, OrderRequest.NO_PRICE, OrderStatus.FILLED, 300, 0, 0))
                .hasMessage("status = FILLED: an open order cannot be terminal");
    }
}
