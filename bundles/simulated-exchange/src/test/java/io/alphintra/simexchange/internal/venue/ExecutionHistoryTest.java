package io.alphintra.simexchange.internal.venue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.Side;

class ExecutionHistoryTest {

    private static ExecutionReport canceled(String execId, long time) {
        return ExecutionReport.builder().clientOrderId(ClientOrderId.of("C-" + execId)).execId(execId)
                .instrumentId(InstrumentId.of("AAPL", "SIMX")).side(Side.BUY).execType(ExecType.CANCELED)
                .status(OrderStatus.CANCELED).orderQuantity(1).transactTimeNanos(time).receiveTimeNanos(time).build();
    }

    @Test
    void forgetsTheOldestBeyondItsCountAndAge() {
        ExecutionHistory history = new ExecutionHistory(100, 3);
        for (int i = 1; i <= 4; i++) {
            history.add(canceled("E" + i, i * 10L), i * 10L);
        }
        assertThat(history.since(0)).extracting(ExecutionReport::execId).containsExactly("E2", "E3", "E4");
        assertThat(history.since(30)).extracting(ExecutionReport::execId).containsExactly("E3", "E4");

        history.forgetBefore(135);
        assertThat(history.since(0)).as("older than 100 at 135").extracting(ExecutionReport::execId)
                .containsExactly("E4");
    }

    @Test
    void keepsFillsAndOrdersEndsOnly() {
        ExecutionReport accepted = canceled("E1", 1).toBuilder().execType(ExecType.NEW).status(OrderStatus.NEW)
                .leavesQuantity(1).build();
        assertThat(ExecutionHistory.keeps(accepted)).isFalse();
        assertThat(ExecutionHistory.keeps(canceled("E2", 1))).isTrue();
    }
}
