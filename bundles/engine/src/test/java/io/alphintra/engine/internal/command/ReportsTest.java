package io.alphintra.engine.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import org.junit.jupiter.api.Test;

/** The shell's line per report: the instrument's units, and every reason a venue gives. */
class ReportsTest {

    @Test
    void anAcceptedOrderIsEchoedInTheInstrumentsUnits() {
        assertThat(Reports.describe(report(ExecType.PENDING_NEW, OrderStatus.PENDING_NEW).build(), Instruments.BTC))
                .isEqualTo("Order 7 (sh-1): PENDING_NEW BUY 0.01 BTC-USD@SIMX_CRYPTO");
    }

    @Test
    void aFillShowsQuantitiesAndPriceAsDecimals() {
        ExecutionReport fill = report(ExecType.TRADE, OrderStatus.FILLED).lastQuantity(1_000_000).lastPrice(6_500_050)
                .cumQuantity(1_000_000).leavesQuantity(0).cumPriceQuantity(6_500_050_000_000L)
                .liquidity(Liquidity.TAKER).build();
        assertThat(Reports.describe(fill, Instruments.BTC))
                .isEqualTo("Order 7 (sh-1): TRADE 0.01 @ 65000.5, filled 0.01 of 0.01 (FILLED)");
        assertThat(Reports.describe(fill, null)).as("an instrument no venue lists any more: raw, and says so")
                .contains("TRADE 1000000 units @ 6500050 units");
    }

    @Test
    void aRejectionCarriesTheVenuesCodeAndText() {
        ExecutionReport rejected = report(ExecType.REJECTED, OrderStatus.REJECTED).leavesQuantity(0)
                .rejectReason(RejectReason.UNSUPPORTED_ORDER).text("the book refused the order: INVALID_TIME_IN_FORCE")
                .build();
        assertThat(Reports.describe(rejected, Instruments.BTC)).isEqualTo("Order 7 (sh-1): REJECTED UNSUPPORTED_ORDER"
                + " - the book refused the order: INVALID_TIME_IN_FORCE");
    }

    private static ExecutionReport.Builder report(ExecType type, OrderStatus status) {
        return ExecutionReport.builder().orderId("7").clientOrderId(ClientOrderId.of("sh-1")).execId("E-1")
                .instrumentId(Instruments.BTC.id()).side(Side.BUY).execType(type).status(status)
                .orderQuantity(1_000_000).cumQuantity(0).leavesQuantity(1_000_000).cumPriceQuantity(0)
                .liquidity(Liquidity.UNKNOWN).transactTimeNanos(1L);
    }
}
