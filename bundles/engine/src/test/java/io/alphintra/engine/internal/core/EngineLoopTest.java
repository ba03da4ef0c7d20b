package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.alphintra.engine.EngineListener;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineLoopTest {
    private static final Instrument AAPL = CoreFixtures.AAPL;
    private static final Attribution WHO = CoreFixtures.WHO;
    private static final int RING = 8;

    @TempDir
    Path directory;

    /**
     * A venue whose adapter refuses inside {@code submit}, on the engine thread, while producers keep the ring
     * full: the refusal must not wait for ring space that only the engine thread itself could free.
     */
    @Test
    void anAdapterAnsweringOnTheEngineThreadCannotStallItWhenTheRingIsFull() throws IOException {
        int orders = 20 * RING;
        EngineLoop[] loop = new EngineLoop[1];
        ExchangeAdapter refusing = (ExchangeAdapter) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExchangeAdapter.class}, (proxy, method, args) -> {
                    if (method.getName().equals("submit")) {
                        loop[0].venueReport(refusal((OrderRequest) args[0]));
                    }
                    return null;
                });
        AtomicInteger refused = new AtomicInteger();
        try (Journal journal = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE)) {
            OrderGate gate = new OrderGate("test");
            gate.putRuleSet(CoreFixtures.allowAll(Jurisdiction.US, "1.0.0"));
            EngineCore core = new EngineCore(journal, gate, CoreFixtures.venues(() -> refusing, () -> true), null,
                    (report, source, strategyId) -> loop[0].publish(report, source, strategyId));
            loop[0] = new EngineLoop(core, CoreFixtures.inputs(() -> true), new MarketCache(), EngineClock::nowNanos,
                    RING, "yielding");
            loop[0].addListener(new EngineListener() {
                @Override
                public void onReport(ExecutionReport report, String source, String strategyId) {
                    if (report.execType() == ExecType.REJECTED) {
                        refused.incrementAndGet();
                    }
                }
            });
            loop[0].start();
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                    for (int i = 0; i < orders; i++) {
                        loop[0].send(OrderRequest.limit(ClientOrderId.of("c" + i), AAPL, Side.BUY, 1, 15000,
                                TimeInForce.DAY, WHO), "shell:admin");
                    }
                    while (refused.get() < orders) {
                        Thread.onSpinWait();
                    }
                });
            } finally {
                loop[0].close();
            }
        }
        assertThat(refused.get()).isEqualTo(orders);
    }

    private static ExecutionReport refusal(OrderRequest order) {
        return ExecutionReport.builder().clientOrderId(order.clientOrderId()).execId("X-" + order.clientOrderId())
                .instrumentId(order.instrument().id()).side(order.side()).execType(ExecType.REJECTED)
                .status(OrderStatus.REJECTED).orderQuantity(order.quantity()).rejectReason(RejectReason.THROTTLED)
                .text("command queue full").transactTimeNanos(1L).build();
    }
}
