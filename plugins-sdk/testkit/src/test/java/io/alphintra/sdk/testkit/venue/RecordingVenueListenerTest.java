package io.alphintra.sdk.testkit.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.venue.InstrumentStatus;

class RecordingVenueListenerTest {

    private static final InstrumentId DEMO = InstrumentId.of("DEMO", "XDEM");

    private static ExecutionReport ack(String clientOrderId) {
        return ExecutionReport.builder().clientOrderId(ClientOrderId.of(clientOrderId)).execId("e-" + clientOrderId)
                .instrumentId(DEMO).side(Side.BUY).orderQuantity(10).leavesQuantity(10).execType(ExecType.NEW)
                .status(OrderStatus.NEW).build();
    }

    @Test
    void booksReportsAsReportsAndCompletesTheStage() {
        RecordingVenueListener listener = new RecordingVenueListener();
        listener.onExecutionReport(ack("o-1"));
        CompletionStage<Void> booked = listener.bookExecutionReport(ack("o-2"));

        assertThat(booked.toCompletableFuture()).isCompleted().isNotCompletedExceptionally();
        assertThat(listener.reports()).extracting(ExecutionReport::execId).containsExactly("e-o-1", "e-o-2");
        assertThat(listener.bookedReports()).extracting(ExecutionReport::execId).containsExactly("e-o-2");
        assertThat(listener.reportThreads()).hasSize(2);
        assertThat(listener.awaitReport("the booked report", Duration.ofMillis(1),
                r -> r.execId().equals("e-o-2")).clientOrderId()).isEqualTo(ClientOrderId.of("o-2"));
        assertThat(listener.events()).extracting(RecordingVenueListener.Event::kind)
                .containsExactly("onExecutionReport", "bookExecutionReport");
    }

    @Test
    void recordsInstrumentStatusesInOrder() {
        RecordingVenueListener listener = new RecordingVenueListener();
        listener.onInstrumentStatus(DEMO, InstrumentStatus.HALTED, "LULD pause");
        listener.onInstrumentStatus(DEMO, InstrumentStatus.TRADING, "resumed");

        assertThat(listener.instrumentStatuses()).containsExactly(
                new RecordingVenueListener.InstrumentStatusChange(DEMO, InstrumentStatus.HALTED, "LULD pause"),
                new RecordingVenueListener.InstrumentStatusChange(DEMO, InstrumentStatus.TRADING, "resumed"));
        assertThat(listener.events()).extracting(Object::toString).first().asString()
                .startsWith("onInstrumentStatus DEMO@XDEM HALTED (LULD pause)");
    }
}
