package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.KillScope;
import io.alphintra.engine.KillSwitchState;
import io.alphintra.engine.RiskFigures;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.engine.internal.journal.JournalRetention;
import io.alphintra.engine.internal.monitor.LossThreshold;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loss thresholds act by themselves through the real order path: a crossed threshold engages its switch (journaled,
 * kept across restarts from the journal and from a snapshot, alerted), a reduce-only switch cancels and refuses only
 * what would increase the position, and an authorised reset lets the scope trade again.
 */
class RiskSwitchTest {
    private static final Currency USD = Currency.of("USD");

    @TempDir
    Path directory;

    private final OrderGate gate = new OrderGate("test");
    private final List<Object> sentToVenue = new ArrayList<>();
    private final List<String> alerts = new ArrayList<>();
    private Journal journal;
    private EngineCore engine;
    private PortfolioAccounts portfolioAccounts;
    private int execIds;

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
    void aDrawdownBeyondItsLimitEngagesAReduceOnlySwitchThatOnlyLetsThePositionShrink() throws IOException {
        thresholds("account:ACC-1", "USD 100", "", "reduce-only");
        working("b1", Side.BUY, 10, 15_000);
        fill("b1", Side.BUY, 10, 15_000, 10);
        working("b2", Side.BUY, 5, 14_000);
        sentToVenue.clear();

        mark(13_900); // 10 × (139.00 − 150.00) − 0.05 fee: drawdown 110.05 from the peak of 0
        engine.endOfBatch();

        assertThat(engine.killSwitches()).singleElement().satisfies(state -> {
            assertThat(state.scope()).isEqualTo(KillScope.parse("account:ACC-1"));
            assertThat(state.mode()).isEqualTo(KillSwitchState.Mode.REDUCE_ONLY);
            assertThat(state.engagedBy()).isEqualTo("risk:drawdown");
            assertThat(state.reason()).contains("drawdown USD 110.0500", "maxDrawdown USD 100.0000",
                    "io.alphintra.risk.loss.test");
        });
        assertThat(alerts).singleElement().asString().contains("engine.kill.account:ACC-1 critical",
                "Reduce-only kill switch account:ACC-1 engaged by risk:drawdown");
        assertThat(sentToVenue).as("the working buy would add to the long").singleElement()
                .satisfies(r -> assertThat(((CancelRequest) r).originalClientOrderId().value()).isEqualTo("b2"));

        assertThat(submit("b3", Side.BUY, 1)).satisfies(r -> {
            assertThat(r.rejectReason()).isEqualTo(RejectReason.RISK_LIMIT);
            assertThat(r.text()).contains("reduce-only kill switch account:ACC-1 engaged by risk:drawdown");
        });
        assertThat(submit("s1", Side.SELL, 6).execType()).isEqualTo(ExecType.PENDING_NEW);
        assertThat(submit("s2", Side.SELL, 5).rejectReason()).as("6 working + 5 would sell beyond the long of 10")
                .isEqualTo(RejectReason.RISK_LIMIT);
        assertThat(submit("s3", Side.SELL, 4).execType()).isEqualTo(ExecType.PENDING_NEW);
        assertThat(replace("s3", 5).execType()).as("a replace counts as the order it would become")
                .isEqualTo(ExecType.REPLACE_REJECTED);

        mark(12_000);
        engine.endOfBatch();
        assertThat(engine.killSwitches()).as("fired once, latched").hasSize(1);
        assertThat(engine.riskFigures()).filteredOn(f -> f.scope().toString().equals("account:ACC-1"))
                .singleElement().satisfies(f -> {
                    assertThat(f.equity()).isEqualTo(Money.of(USD, -3_000_500, 4)); // 10 × −30.00 − 0.05
                    assertThat(f.maxDrawdown()).hasValueSatisfying(t -> assertThat(t.headroom())
                            .isEqualTo(Money.of(USD, -2_000_500, 4)));
                });

        restart();
        assertThat(engine.killSwitches()).singleElement().extracting(KillSwitchState::mode)
                .isEqualTo(KillSwitchState.Mode.REDUCE_ONLY);
        assertThat(submit("b4", Side.BUY, 1).rejectReason()).isEqualTo(RejectReason.RISK_LIMIT);
        engine.snapshot();
        restart();
        assertThat(engine.recoveredFromSnapshot()).isPositive();
        assertThat(engine.killSwitches()).singleElement().satisfies(state -> {
            assertThat(state.mode()).isEqualTo(KillSwitchState.Mode.REDUCE_ONLY);
            assertThat(state.engagedBy()).isEqualTo("risk:drawdown");
        });
        assertThat(engine.riskFigures()).filteredOn(f -> f.scope().toString().equals("account:ACC-1"))
                .singleElement().extracting(RiskFigures::realizedPnl).isEqualTo(Money.of(USD, -500, 4));

        thresholds("account:ACC-1", "USD 100", "", "reduce-only");
        mark(11_000);
        engine.endOfBatch();
        assertThat(engine.killSwitches()).as("still latched after the restart").hasSize(1);
        assertThat(engine.resetKillSwitch(KillScope.parse("account:ACC-1"), "shell:risk", 20L)).isTrue();
        assertThat(submit("b5", Side.BUY, 1).execType()).isEqualTo(ExecType.PENDING_NEW);
        mark(10_950); // 50 cents × 10 below the equity at the reset: within the rebased drawdown
        engine.endOfBatch();
        assertThat(engine.killSwitches()).isEmpty();
    }

    @Test
    void aLossBeyondItsLimitHaltsTheStrategyAndTheAccountOnEveryScope() {
        thresholds("*", "", "USD 50", "halt");
        working("b1", Side.BUY, 10, 15_000);
        fill("b1", Side.BUY, 10, 15_000, 10);
        working("b2", Side.BUY, 5, 14_000);
        sentToVenue.clear();

        mark(14_499); // 10 × −5.01 − 0.05 = −50.15
        engine.endOfBatch();

        assertThat(engine.killSwitches()).extracting(s -> s.scope() + " " + s.mode() + " " + s.engagedBy())
                .containsExactly("strategy:momentum-1 HALT risk:loss", "account:ACC-1 HALT risk:loss");
        assertThat(engine.killSwitches().get(0).reason()).contains("loss USD 50.1500", "maxLoss USD 50.0000");
        assertThat(sentToVenue).singleElement().isInstanceOf(CancelRequest.class);
        assertThat(submit("s1", Side.SELL, 1).rejectReason()).as("a halt refuses even a reducing order")
                .isEqualTo(RejectReason.KILL_SWITCH);
    }

    @Test
    void leverageIsGrossExposureOverTheAccountsCapitalAndTheNodesOverEveryAccounts() {
        portfolioAccounts.table(io.alphintra.engine.internal.account.AccountTable.of(List.of(
                withCash("ACC-1", 1_000_000), withCash("ACC-2", 3_000_000))));
        working("b1", Side.BUY, 10, 15_000);
        fill("b1", Side.BUY, 10, 15_000, 10);
        mark(14_000); // 10 × 140.00 = 1,400 gross; equity 10 × −10.00 − 0.05 = −100.05
        engine.endOfBatch();

        Map<String, java.util.OptionalLong> leverage = new java.util.TreeMap<>();
        engine.riskFigures().forEach(line -> leverage.put(line.scope().toString(), line.leverageBps()));
        // 1,400 / (10,000 − 100.05) = 0.1414× for the account; 1,400 / (40,000 − 100.05) = 0.0351× for the node.
        assertThat(leverage).containsEntry("account:ACC-1", java.util.OptionalLong.of(1_414))
                .containsEntry("all", java.util.OptionalLong.of(351))
                .containsEntry("strategy:momentum-1", java.util.OptionalLong.empty());
    }

    private static io.alphintra.engine.internal.account.Account withCash(String id, long cents) {
        io.alphintra.engine.internal.account.Account open = io.alphintra.engine.internal.account.Account.open(id, USD);
        return new io.alphintra.engine.internal.account.Account(open.source(), id, open.owner(), USD,
                io.alphintra.engine.internal.account.Amounts.of(List.of(Money.of(USD, cents, 2))), open.margin(),
                open.venues(), open.instruments(), open.status(), null);
    }

    @Test
    void aThresholdPutInForceBeyondTheFiguresSwitchesAtOnce() {
        working("b1", Side.BUY, 10, 15_000);
        fill("b1", Side.BUY, 10, 15_000, 10);
        mark(14_000);
        engine.endOfBatch();
        assertThat(engine.killSwitches()).isEmpty();

        thresholds("strategy:momentum-1", "", "USD 99.99", "halt");
        engine.endOfBatch();
        assertThat(engine.killSwitches()).extracting(s -> s.scope().toString()).containsExactly("strategy:momentum-1");
    }

    @Test
    void aSnapshotOfFormatFourStillLoadsItsSwitchesAsHalts() throws IOException {
        engine.engageKillSwitch(KillScope.parse("account:ACC-1"), "risk:loss", "over", 3L,
                KillSwitchState.Mode.REDUCE_ONLY);
        engine.endOfBatch();
        // What a node upgraded from the release before reduce-only switches finds: format 4, of the same state.
        new io.alphintra.engine.internal.snapshot.SnapshotStore(directory.resolve("snapshots"))
                .write(journal.lastSequence(), 0, 4, out -> engine.writeSnapshot(out, engine.stateHash()));
        restart();
        assertThat(engine.recoveredFromSnapshot()).isPositive();
        assertThat(engine.killSwitches()).singleElement().satisfies(state -> {
            assertThat(state.mode()).isEqualTo(KillSwitchState.Mode.HALT);
            assertThat(state.engagedBy()).isEqualTo("risk:loss");
        });
    }

    @Test
    void aKillRecordWithoutItsModeByteIsAHaltAndTheModeRoundTrips() {
        RecordCodec codec = new RecordCodec(4096);
        ByteBuffer reduceOnly = codec.kill(KillScope.parse("strategy:s-1"), "risk:loss", "why", 7L,
                KillSwitchState.Mode.REDUCE_ONLY);
        assertThat(RecordCodec.readKill(reduceOnly.duplicate().order(ByteOrder.LITTLE_ENDIAN)).mode())
                .isEqualTo(KillSwitchState.Mode.REDUCE_ONLY);
        ByteBuffer older = reduceOnly.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        older.limit(older.limit() - 1); // as engines before 1.5 wrote it
        KillSwitchState read = RecordCodec.readKill(older);
        assertThat(read.mode()).isEqualTo(KillSwitchState.Mode.HALT);
        assertThat(read.reason()).isEqualTo("why");
        assertThat(read.engagedAtNanos()).isEqualTo(7L);
    }

    private void thresholds(String scope, String maxDrawdown, String maxLoss, String action) {
        engine.riskThresholds(List.of(LossThresholdsForTests.threshold(scope, maxDrawdown, maxLoss, action)), 5L);
    }

    private void mark(long price) {
        engine.onTrade(0, new TradeRecord(CoreFixtures.AAPL.id(), price, 1, AggressorSide.BUYER, 5L, 5L));
    }

    private void working(String id, Side side, long quantity, long price) {
        assertThat(submit(id, side, quantity, price).execType()).isEqualTo(ExecType.PENDING_NEW);
        engine.onVenueReport(ExecutionReport.builder().clientOrderId(ClientOrderId.of(id)).venueOrderId("V-" + id)
                .execId("N-" + id).instrumentId(CoreFixtures.AAPL.id()).side(side).execType(ExecType.NEW)
                .status(OrderStatus.NEW).orderQuantity(quantity).leavesQuantity(quantity)
                .liquidity(Liquidity.UNKNOWN).transactTimeNanos(2L).build(), 2L);
        engine.endOfBatch();
    }

    private void fill(String id, Side side, long quantity, long price, long cumQuantity) {
        engine.onVenueReport(ExecutionReport.builder().clientOrderId(ClientOrderId.of(id)).venueOrderId("V-" + id)
                .execId("T-" + ++execIds).instrumentId(CoreFixtures.AAPL.id()).side(side).execType(ExecType.TRADE)
                .status(OrderStatus.FILLED).orderQuantity(cumQuantity).lastQuantity(quantity).lastPrice(price)
                .cumQuantity(cumQuantity).leavesQuantity(0).cumPriceQuantity(price * cumQuantity)
                .liquidity(Liquidity.MAKER).fee(Money.of(USD, 5, 2)).transactTimeNanos(3L).build(), 3L);
        engine.endOfBatch();
    }

    private ExecutionReport submit(String id, Side side, long quantity) {
        return submit(id, side, quantity, side == Side.BUY ? 10_000 : 20_000);
    }

    private ExecutionReport submit(String id, Side side, long quantity, long price) {
        CompletableFuture<ExecutionReport> answer = new CompletableFuture<>();
        engine.submit(OrderRequest.limit(ClientOrderId.of(id), CoreFixtures.AAPL, side, quantity, price,
                TimeInForce.GTC, CoreFixtures.WHO), "shell:alice", CoreFixtures.inputs(() -> true), 4L, answer);
        engine.endOfBatch();
        return answer.join();
    }

    private ExecutionReport replace(String id, long quantity) {
        CompletableFuture<ExecutionReport> answer = new CompletableFuture<>();
        engine.replace(ClientOrderId.of(id), quantity, ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED,
                "shell:alice", CoreFixtures.inputs(() -> true), 4L, answer);
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
        portfolioAccounts = new PortfolioAccounts(USD);
        engine = new EngineCore(journal, gate, CoreFixtures.venues(() -> adapter, () -> true),
                portfolioAccounts, (report, source, strategyId) -> { }, 16, 1 << 20);
        engine.alertsTo((key, critical, message) -> alerts.add(key + (critical ? " critical " : " warning ")
                + message));
        engine.enableSnapshots(new Snapshotter(journal, 0, JournalRetention.ARCHIVE));
        engine.recover();
    }

    /** Thresholds as their configuration would give them. */
    static final class LossThresholdsForTests {
        static LossThreshold threshold(String scope, String maxDrawdown, String maxLoss, String action) {
            Map<Currency, Money> drawdown = parse(maxDrawdown);
            Map<Currency, Money> loss = parse(maxLoss);
            return new LossThreshold("io.alphintra.risk.loss.test", scope.equals("*") ? KillScope.all()
                    : KillScope.parse(scope), drawdown, loss, action.equals("halt") ? KillSwitchState.Mode.HALT
                    : KillSwitchState.Mode.REDUCE_ONLY);
        }

        private static Map<Currency, Money> parse(String text) {
            if (text.isEmpty()) {
                return Map.of();
            }
            String[] parts = text.split(" ");
            Currency currency = Currency.of(parts[0]);
            return Map.of(currency, Money.parse(currency, parts[1], 4));
        }
    }
}
