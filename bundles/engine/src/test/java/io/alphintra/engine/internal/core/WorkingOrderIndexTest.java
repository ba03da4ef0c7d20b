package io.alphintra.engine.internal.core;

import static io.alphintra.engine.internal.core.RandomOrderFlow.assertIndexAgreesWithTheScan;
import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.OrderView;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.sdk.order.OrderStatus;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The working-order index behind {@link EngineCore#openNotional} against the plain definition (every order the
 * engine lists, filtered), after every step of a seeded random life of orders ({@link RandomOrderFlow}) and after
 * the journal is replayed into a new engine.
 */
class WorkingOrderIndexTest {

    @TempDir
    Path directory;

    @Test
    void openNotionalEqualsTheScanOfEveryOrderThroughARandomLifeAndAfterReplay() throws IOException {
        RandomOrderFlow flow = new RandomOrderFlow(20_251_125L);
        try (Journal journal = Journal.open(directory, 1 << 22, 64 * 1024, Durability.WRITE)) {
            EngineCore engine = flow.engine(journal);
            for (int step = 0; step < 3_000; step++) {
                flow.step(engine);
                assertIndexAgreesWithTheScan(engine);
            }
            assertThat(engine.openOrders()).as("a life that leaves orders working").hasSizeGreaterThan(20);
            assertThat(engine.orders().stream().map(OrderView::status).distinct())
                    .as("a life that reaches every end").contains(OrderStatus.FILLED, OrderStatus.CANCELED,
                            OrderStatus.EXPIRED, OrderStatus.REJECTED);
        }
        try (Journal journal = Journal.open(directory, 1 << 22, 64 * 1024, Durability.WRITE)) {
            EngineCore recovered = flow.engine(journal);
            recovered.recover();
            assertIndexAgreesWithTheScan(recovered);
        }
    }
}
