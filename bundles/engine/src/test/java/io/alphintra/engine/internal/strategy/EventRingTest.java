package io.alphintra.engine.internal.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.Side;
import org.junit.jupiter.api.Test;

class EventRingTest {
    private static final InstrumentId AAPL = InstrumentId.of("AAPL", "SIMX");

    @Test
    void theLimitIsTheCapacityAsConfiguredNotTheRoundedUpSlots() {
        EventRing ring = new EventRing(5);

        for (int i = 0; i < 5; i++) {
            assertThat(ring.offerTrade(0, trade(i))).isTrue();
        }

        assertThat(ring.offerTrade(0, trade(5))).as("a sixth waiting event").isFalse();
        ring.delivered(ring.consumed());
        assertThat(ring.offerTrade(0, trade(5))).as("after one was delivered").isTrue();
        assertThat(ring.published() - ring.consumed()).isEqualTo(5);
    }

    @Test
    void eventsComeOutInOrderWithTheirOwnValuesLapAfterLap() {
        EventRing ring = new EventRing(4);
        ExecutionReport report = report();
        StringBuilder seen = new StringBuilder();

        for (int lap = 0; lap < 10; lap++) {
            ring.offerTrade(1, trade(lap));
            ring.offerTopOfBook(0, new TopOfBookRecord(AAPL, 100 + lap, 1, 102 + lap, 2, lap, lap + 1));
            ring.offerReport(report);
            for (long sequence = ring.consumed(); sequence < ring.published(); sequence++) {
                switch (ring.kind(sequence)) {
                    case EventRing.TRADE -> seen.append(ring.key(sequence)).append(':')
                            .append(ring.trade(sequence).toRecord()).append('\n');
                    case EventRing.TOP_OF_BOOK -> seen.append(ring.key(sequence)).append(':')
                            .append(ring.topOfBook(sequence).toRecord()).append('\n');
                    default -> seen.append(ring.report(sequence) == report).append('\n');
                }
                ring.delivered(sequence);
            }
        }

        StringBuilder expected = new StringBuilder();
        for (int lap = 0; lap < 10; lap++) {
            expected.append("1:").append(trade(lap)).append('\n')
                    .append("0:").append(new TopOfBookRecord(AAPL, 100 + lap, 1, 102 + lap, 2, lap, lap + 1))
                    .append('\n').append("true\n");
        }
        assertThat(seen.toString()).isEqualTo(expected.toString());
        assertThat(ring.isEmpty()).isTrue();
    }

    private static TradeRecord trade(int i) {
        return new TradeRecord(AAPL, 15_000 + i, 1 + i, i % 2 == 0 ? AggressorSide.BUYER : AggressorSide.SELLER,
                10L * i, 10L * i + 1);
    }

    private static ExecutionReport report() {
        return ExecutionReport.builder().orderId("1").clientOrderId(ClientOrderId.of("C-1")).execId("E-1")
                .instrumentId(AAPL).side(Side.BUY).execType(ExecType.NEW).status(OrderStatus.NEW).orderQuantity(1)
                .leavesQuantity(1).build();
    }
}
