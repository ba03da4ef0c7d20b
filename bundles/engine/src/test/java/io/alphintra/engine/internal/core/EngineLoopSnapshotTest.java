package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.engine.internal.journal.JournalRetention;
import io.alphintra.engine.internal.snapshot.SnapshotInfo;
import io.alphintra.engine.internal.snapshot.SnapshotStore;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine loop takes snapshots at the end of a batch, by record count and on request. */
class EngineLoopSnapshotTest {

    @TempDir
    Path directory;

    @Test
    void theLoopSnapshotsByRecordCountAndOnRequestAndTheNextStartUsesTheSnapshot() throws Exception {
        ExchangeAdapter silent = (ExchangeAdapter) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExchangeAdapter.class}, (proxy, method, args) -> null);
        OrderGate gate = new OrderGate("test");
        gate.putRuleSet(CoreFixtures.allowAll(Jurisdiction.US, "1.0.0"));
        SnapshotInfo requested;
        String hash;
        try (Journal journal = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE)) {
            EngineCore core = new EngineCore(journal, gate, CoreFixtures.venues(() -> silent, () -> true),
                    new PortfolioAccounts(RandomOrderFlow.USD), (report, source, strategyId) -> { }, 16, 1 << 20);
            core.enableSnapshots(new Snapshotter(journal, 20, JournalRetention.ARCHIVE));
            core.recover();
            EngineLoop loop = new EngineLoop(core, CoreFixtures.inputs(() -> true), new MarketCache(),
                    EngineClock::nowNanos, 1024, "sleeping");
            loop.start();
            try {
                for (int i = 0; i < 100; i++) {
                    loop.submit(OrderRequest.limit(ClientOrderId.of("c" + i), CoreFixtures.AAPL, Side.BUY, 1, 15_000,
                            TimeInForce.DAY, CoreFixtures.WHO), "shell:admin").toCompletableFuture()
                            .get(10, TimeUnit.SECONDS);
                }
                requested = loop.query(EngineCore::requestSnapshot).thenCompose(answer -> answer)
                        .toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertThat(requested.written()).isTrue();
                assertThat(requested.sequence()).as("the instrument and 100 orders").isEqualTo(101);
                assertThat(requested.orders()).isEqualTo(100);
                // Every 20 records, at the end of the batch that reached the count: the last at 100.
                assertThat(new SnapshotStore(directory.resolve("snapshots")).list())
                        .extracting(SnapshotStore.Entry::sequence).containsExactly(101L, 100L);
                hash = loop.query(EngineCore::stateHash).toCompletableFuture().get(10, TimeUnit.SECONDS);
            } finally {
                loop.close();
            }
        }
        try (Journal journal = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE)) {
            EngineCore core = new EngineCore(journal, gate, CoreFixtures.venues(() -> silent, () -> true),
                    new PortfolioAccounts(RandomOrderFlow.USD), (report, source, strategyId) -> { }, 16, 1 << 20);
            core.enableSnapshots(new Snapshotter(journal, 20, JournalRetention.ARCHIVE));
            core.recover();
            assertThat(core.recoveredFromSnapshot()).isEqualTo(requested.sequence());
            assertThat(core.stateHash()).isEqualTo(hash);
        }
    }
}
