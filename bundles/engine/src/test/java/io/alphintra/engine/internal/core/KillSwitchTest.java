package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.engine.KillScope;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.engine.internal.journal.JournalRetention;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.CancelRequest;
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
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill switch (PT8): engaging it cancels every working order in its scope and refuses new orders and replaces in
 * scope until reset; it is journaled and comes back after a restart, from the journal or a snapshot.
 */
class KillSwitchTest {
    private static final Attribution ONE = new Attribution("manual", "alice", "ACC-1", "desk", "client");
    private static final Attribution TWO = new Attribution("manual", "bob", "ACC-2", "desk", "client");

    @TempDir
    Path directory;

    private final OrderGate gate = new OrderGate("test");
    private final List<Object> sentToVenue = new ArrayList<>();
    private Journal journal;
    private EngineCore engine;

    @BeforeEach
    void start() throws IOException {
        gate.putRuleSet(CoreFixtures.allowAll(Jurisdiction.US, "1.0.0"));
        open();
    }

    @AfterEach
    void stop() throws IOException {
        journal.close();
    }

    @Test
    void engagingCancelsTheWorkingOrdersInScopeAndRefusesNewOnesUntilReset() {
        working("a1", ONE);
        working("a2", ONE);
        working("b1", TWO);
        sentToVenue.clear();

        int cancels = engine.engageKillSwitch(KillScope.parse("account:ACC-1"), "shell:risk", "fat finger", 10L);
        engine.endOfBatch();

        assertThat(cancels).isEqualTo(2);
        assertThat(sentToVenue).allSatisfy(request -> assertThat(request).isInstanceOf(CancelRequest.class))
                .extracting(request -> ((CancelRequest) request).originalClientOrderId().value())
                .containsExactlyInAnyOrder("a1", "a2");
        assertThat(submit("a3", ONE)).satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(r.rejectReason()).isEqualTo(RejectReason.KILL_SWITCH);
            assertThat(r.text()).contains("account:ACC-1", "shell:risk", "fat finger");
        });
        assertThat(submit("b2", TWO).execType()).as("another account trades on").isEqualTo(ExecType.PENDING_NEW);

        assertThat(engine.resetKillSwitch(KillScope.parse("account:ACC-1"), "shell:risk", 11L)).isTrue();
        assertThat(engine.resetKillSwitch(KillScope.parse("account:ACC-1"), "shell:risk", 11L)).isFalse();
        assertThat(submit("a4", ONE).execType()).isEqualTo(ExecType.PENDING_NEW);
        assertThat(engine.killSwitches()).isEmpty();
    }

    @Test
    void anOrderWithAPendingReplaceIsCancelledOnceTheVenueAnswersAndAReplaceInScopeIsRefused() {
        working("a1", ONE);
        working("a2", ONE);
        engine.replace(ClientOrderId.of("a1"), 20, ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED, "shell:alice",
                CoreFixtures.inputs(() -> true), 3L);
        engine.endOfBatch();
        sentToVenue.clear();

        assertThat(engine.engageKillSwitch(KillScope.all(), "shell:risk", "", 4L)).as("a1 waits for its replace")
                .isEqualTo(1);
        engine.endOfBatch();
        assertThat(sentToVenue).singleElement().satisfies(r -> assertThat(((CancelRequest) r).originalClientOrderId())
                .isEqualTo(ClientOrderId.of("a2")));

        CompletableFuture<ExecutionReport> refused = new CompletableFuture<>();
        engine.replace(ClientOrderId.of("a2"), 30, ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED, "shell:alice",
                CoreFixtures.inputs(() -> true), 5L, refused);
        engine.onVenueReport(ExecutionReport.builder().clientOrderId(ClientOrderId.of("a1.R1"))
                .originalClientOrderId(ClientOrderId.of("a1")).venueOrderId("V-a1").execId("R-a1")
                .instrumentId(CoreFixtures.AAPL.id()).side(Side.BUY).execType(ExecType.REPLACED)
                .status(OrderStatus.NEW).orderQuantity(20).leavesQuantity(20).liquidity(Liquidity.UNKNOWN)
                .transactTimeNanos(5L).build(), 5L);
        engine.endOfBatch();

        assertThat(refused.join().execType()).isIn(ExecType.REPLACE_REJECTED);
        assertThat(sentToVenue).hasSize(2).last().satisfies(r -> assertThat(((CancelRequest) r)
                .originalClientOrderId()).as("cancelled as soon as its replace was answered")
                .isEqualTo(ClientOrderId.of("a1.R1")));
    }

    @Test
    void engagingAndResettingAreCommittedInTheirBatchThoughNoOrderFollows() {
        long before = journal.lastSequence();
        engine.engageKillSwitch(KillScope.parse("account:ACC-9"), "shell:risk", "nothing works there", 1L);
        engine.endOfBatch();
        assertThat(journal.lastSequence()).as("committed: a crash now keeps it").isEqualTo(before + 1);

        engine.resetKillSwitch(KillScope.parse("account:ACC-9"), "shell:risk", 2L);
        engine.endOfBatch();
        assertThat(journal.lastSequence()).isEqualTo(before + 2);
    }

    @Test
    void anEngagedSwitchComesBackAfterARestartFromTheJournalAndFromASnapshot() throws IOException {
        engine.engageKillSwitch(KillScope.parse("trader:alice"), "shell:risk", "runaway", 1L);
        engine.engageKillSwitch(KillScope.parse("venue:SIMX"), "shell:risk", "venue trouble", 2L);
        engine.resetKillSwitch(KillScope.parse("venue:SIMX"), "shell:risk", 3L);
        engine.endOfBatch();

        restart();
        assertThat(engine.killSwitches()).singleElement().satisfies(state -> {
            assertThat(state.scope()).isEqualTo(KillScope.parse("trader:alice"));
            assertThat(state.engagedBy()).isEqualTo("shell:risk");
            assertThat(state.reason()).isEqualTo("runaway");
            assertThat(state.engagedAtNanos()).isEqualTo(1L);
        });
        assertThat(submit("a1", ONE).rejectReason()).isEqualTo(RejectReason.KILL_SWITCH);
        assertThat(submit("b1", TWO).execType()).isEqualTo(ExecType.PENDING_NEW);

        engine.snapshot();
        restart();
        assertThat(engine.recoveredFromSnapshot()).isPositive();
        assertThat(engine.killSwitches()).extracting(s -> s.scope().toString()).containsExactly("trader:alice");
        assertThat(engine.orders()).extracting(OrderView::status).contains(OrderStatus.REJECTED);
    }

    @Test
    void scopesAreParsedStrictly() {
        assertThat(KillScope.parse(" ALL ")).isEqualTo(KillScope.all());
        assertThat(KillScope.parse("strategy:momentum-1").toString()).isEqualTo("strategy:momentum-1");
        assertThatThrownBy(() -> KillScope.parse("desk:x")).hasMessageContaining("unknown kind 'desk'");
        assertThatThrownBy(() -> KillScope.parse("account:")).hasMessageContaining("is not an id");
        assertThatThrownBy(() -> KillScope.parse("ACC-1")).hasMessageContaining("expected all or kind:id");
    }

    private void working(String id, Attribution who) {
        assertThat(submit(id, who).execType()).isEqualTo(ExecType.PENDING_NEW);
        engine.onVenueReport(ExecutionReport.builder().clientOrderId(ClientOrderId.of(id)).venueOrderId("V-" + id)
                .execId("N-" + id).instrumentId(CoreFixtures.AAPL.id()).side(Side.BUY).execType(ExecType.NEW)
                .status(OrderStatus.NEW).orderQuantity(10).leavesQuantity(10).liquidity(Liquidity.UNKNOWN)
                .transactTimeNanos(2L).build(), 2L);
        engine.endOfBatch();
    }

    private ExecutionReport submit(String id, Attribution who) {
        CompletableFuture<ExecutionReport> answer = new CompletableFuture<>();
        engine.submit(OrderRequest.limit(ClientOrderId.of(id), CoreFixtures.AAPL, Side.BUY, 10, 15000,
                TimeInForce.GTC, who), "shell:" + who.traderId(), CoreFixtures.inputs(() -> true), 1L, answer);
        engine.endOfBatch();
        return answer.join();
    }

    private void restart() throws IOException {
        journal.close();
        open();
    }

    private void open() throws IOException {
        journal = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE);
        ExchangeAdapter adapter = CoreFixtures.recordingAdapter(sentToVenue);
        engine = new EngineCore(journal, gate, CoreFixtures.venues(() -> adapter, () -> true),
                new PortfolioAccounts(Currency.of("USD")), (report, source, strategyId) -> { }, 16, 1 << 20);
        engine.enableSnapshots(new Snapshotter(journal, 0, JournalRetention.ARCHIVE));
        engine.recover();
    }
}
