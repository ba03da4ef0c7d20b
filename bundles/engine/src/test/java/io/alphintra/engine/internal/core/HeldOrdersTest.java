package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.GateDecision;
import io.alphintra.engine.KillScope;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.engine.internal.journal.JournalRetention;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.Attribution;
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
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.CreditScope;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.risk.PreTradeContext;
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
 * Soft limits held for an authorised override (PT3/PT4): a check's HOLD keeps the order from its venue until another
 * user releases it; the rest of the chain still decides; cancels, kill switches and restarts treat it as the working
 * order it is.
 */
class HeldOrdersTest {
    private static final Attribution ALICE = new Attribution("manual", "alice", "ACC-1", "desk", "client");
    private static final long SOFT = 100;
    private static final long HARD = 1_000;

    @TempDir
    Path directory;

    private final OrderGate gate = new OrderGate("test-1.0");
    private final List<Object> sentToVenue = new ArrayList<>();
    private final List<String> alerts = new ArrayList<>();
    private final List<ExecutionReport> heard = new ArrayList<>();
    private boolean connected = true;
    private Journal journal;
    private EngineCore engine;

    @BeforeEach
    void start() throws IOException {
        gate.putRuleSet(CoreFixtures.allowAll(Jurisdiction.US, "1.0.0"));
        gate.addCheck(new SizeCheck("soft-size", 10, SOFT, false));
        open();
    }

    @AfterEach
    void stop() throws IOException {
        journal.close();
    }

    @Test
    void aHeldOrderIsNotSentButJournaledReportedAsHeldAlertedAndCountedAsWorking() {
        ExecutionReport answer = submit("big", 150);

        assertThat(answer.execType()).isEqualTo(ExecType.PENDING_NEW);
        assertThat(answer.text()).startsWith(EngineCore.HELD).contains("quantity 150 over 100", "soft-size@1.0");
        assertThat(heard).extracting(ExecutionReport::text).containsExactly(answer.text());
        assertThat(sentToVenue).as("kept from the venue").isEmpty();
        OrderView held = engine.orders().get(0);
        assertThat(held.held()).isTrue();
        assertThat(held.decisions()).extracting(GateDecision::outcome)
                .containsExactly(GateDecision.ACCEPT, GateDecision.HOLD, GateDecision.ACCEPT);
        assertThat(engine.workingQuantity("ACC-1", CoreFixtures.AAPL.id(), true)).as("it may go out at any moment")
                .isEqualTo(150);
        assertThat(engine.creditUsed(CreditScope.ACCOUNT, ALICE, Currency.of("USD"), 2L))
                .as("150 at 150.00, at the credit scale").isEqualTo(22_500 * 10_000L);
        assertThat(engine.openOrders()).singleElement().satisfies(o -> assertThat(o.status())
                .isEqualTo(OrderStatus.PENDING_NEW));
        assertThat(alerts).singleElement().asString().startsWith("WARNING engine.hold.1 ")
                .contains("big", "ACC-1", "alphintra:order-release big");

        assertThat(submit("small", 50).text()).as("under the soft limit: straight through").isNull();
        assertThat(sentToVenue).singleElement().satisfies(r -> assertThat(((OrderRequest) r).clientOrderId())
                .isEqualTo(ClientOrderId.of("small")));
    }

    @Test
    void aLaterRejectionWinsOverAHold() {
        gate.addCheck(new SizeCheck("hard-size", 20, HARD, true));

        ExecutionReport answer = submit("huge", 1_500);

        assertThat(answer.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(answer.rejectReason()).isEqualTo(RejectReason.RISK_LIMIT);
        OrderView order = engine.orders().get(0);
        assertThat(order.held()).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.decisions()).extracting(GateDecision::outcome)
                .containsExactly(GateDecision.ACCEPT, GateDecision.HOLD, GateDecision.REJECT);
        assertThat(sentToVenue).isEmpty();
        assertThat(alerts).as("the rejection by risk is an alert (PT11), the hold it overrode is not").singleElement()
                .asString().startsWith("WARNING risk.hard-size." + order.accountId()
                        + " Risk check hard-size rejected order huge of account " + order.accountId());
        assertThat(submit("held", 500).text()).as("between the tiers: held").startsWith(EngineCore.HELD);
    }

    @Test
    void releaseByAnotherUserJournalsWhoAndWhenAndSendsTheOrder() throws IOException {
        submit("big", 150);

        EngineCore.Release release = engine.release(ClientOrderId.of("big"), "bob", "client confirmed", 5_000_000_000L);
        engine.endOfBatch();

        assertThat(release.refusal()).isNull();
        assertThat(release.order().held()).isFalse();
        assertThat(sentToVenue).singleElement().satisfies(r -> {
            OrderRequest sent = (OrderRequest) r;
            assertThat(sent.clientOrderId()).isEqualTo(ClientOrderId.of("big"));
            assertThat(sent.quantity()).isEqualTo(150);
            assertThat(sent.attribution()).isEqualTo(ALICE);
        });
        GateDecision override = release.order().decisions().get(release.order().decisions().size() - 1);
        assertThat(override.outcome()).isEqualTo(GateDecision.RELEASED);
        assertThat(override.text()).isEqualTo("released by bob at 1970-01-01T00:00:05Z: client confirmed");
        assertThat(engine.release(ClientOrderId.of("big"), "carol", "", 6L).refusal()).as("released once")
                .contains("is not held: it was sent to its venue");

        restart();
        OrderView replayed = engine.orders().get(0);
        assertThat(replayed.held()).isFalse();
        assertThat(replayed.decisions()).containsExactlyElementsOf(release.order().decisions());
        assertThat(sentToVenue).as("replay sends nothing").hasSize(1);
    }

    @Test
    void aReleaseByTheOrdersOwnTraderOrWhileItsVenueIsDownIsRefusedAndTheOrderStaysHeld() {
        submit("big", 150);

        assertThat(engine.release(ClientOrderId.of("big"), "alice", "mine", 5L).refusal())
                .isEqualTo("four eyes: alice is the trader or sender of order 1 (big, from shell:alice); another"
                        + " authorised user must release it");
        connected = false;
        assertThat(engine.release(ClientOrderId.of("big"), "bob", "", 6L).refusal())
                .isEqualTo("venue SIMX is not connected; the order stays held, release it once it is");
        engine.endOfBatch();
        assertThat(engine.release(ClientOrderId.of("nope"), "bob", "", 7L)).isNull();

        assertThat(sentToVenue).isEmpty();
        assertThat(engine.orders().get(0).held()).isTrue();
        connected = true;
        assertThat(engine.release(ClientOrderId.of("big"), "bob", "", 8L).refusal()).isNull();
    }

    @Test
    void aHeldOrderIsCancelledHereNeverSentAndStaysCancelledAfterARestart() throws IOException {
        submit("big", 150);
        heard.clear();
        CompletableFuture<ExecutionReport> answer = new CompletableFuture<>();

        assertThat(engine.cancel(ClientOrderId.of("big"), "strategy:momentum-1", 3L, answer)).isTrue();
        engine.endOfBatch();

        assertThat(answer.join().execType()).isEqualTo(ExecType.CANCELED);
        assertThat(answer.join().text()).isEqualTo("cancelled by strategy:momentum-1 while held for an override;"
                + " never sent");
        assertThat(heard).extracting(ExecutionReport::execType).as("its sender hears it").containsExactly(
                ExecType.CANCELED);
        assertThat(sentToVenue).as("no cancel goes to a venue that never had it").isEmpty();
        assertThat(engine.workingQuantity("ACC-1", CoreFixtures.AAPL.id(), true)).isZero();
        assertThat(engine.release(ClientOrderId.of("big"), "bob", "", 4L).refusal()).contains("is CANCELED");

        restart();
        assertThat(engine.orders().get(0).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(engine.orders().get(0).held()).isFalse();
    }

    @Test
    void aKillSwitchInScopeCancelsHeldOrdersLocally() {
        submit("big", 150);

        engine.engageKillSwitch(KillScope.parse("trader:alice"), "shell:risk", "runaway", 3L);
        engine.endOfBatch();

        assertThat(sentToVenue).isEmpty();
        OrderView order = engine.orders().get(0);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.reason()).contains("cancelled by kill:shell:risk while held");
    }

    @Test
    void aHeldOrderCannotBeReplacedAndAReplaceACheckWouldHoldIsRefusedLeavingTheOrderWorking() {
        submit("big", 150);
        CompletableFuture<ExecutionReport> refused = new CompletableFuture<>();
        engine.replace(ClientOrderId.of("big"), 90, ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED,
                "shell:alice", CoreFixtures.inputs(() -> true), 3L, refused);
        engine.endOfBatch();
        assertThat(refused.join().execType()).isEqualTo(ExecType.REPLACE_REJECTED);
        assertThat(refused.join().text()).contains("is held for an override");

        submit("small", 50);
        acknowledge("small", 50);
        sentToVenue.clear();
        CompletableFuture<ExecutionReport> growing = new CompletableFuture<>();
        engine.replace(ClientOrderId.of("small"), 200, ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED,
                "shell:alice", CoreFixtures.inputs(() -> true), 4L, growing);
        engine.endOfBatch();

        assertThat(growing.join().execType()).isEqualTo(ExecType.REPLACE_REJECTED);
        assertThat(growing.join().text()).contains("needs an authorised override", "quantity 200 over 100");
        assertThat(sentToVenue).isEmpty();
        assertThat(engine.openOrders()).filteredOn(o -> o.clientOrderId().value().equals("small")).singleElement()
                .satisfies(o -> {
                    assertThat(o.status()).isEqualTo(OrderStatus.NEW);
                    assertThat(o.quantity()).isEqualTo(50);
                });
    }

    @Test
    void heldOrdersComeBackHeldFromTheJournalAndFromASnapshotAndCanBeReleasedThen() throws IOException {
        submit("held-1", 150);
        submit("held-2", 160);
        engine.release(ClientOrderId.of("held-2"), "bob", "ok", 3L);
        engine.endOfBatch();
        String hash = engine.stateHash();

        restart();
        assertThat(engine.stateHash()).isEqualTo(hash);
        assertThat(engine.orders()).extracting(o -> o.clientOrderId().value() + "=" + o.held())
                .containsExactly("held-2=false", "held-1=true");

        engine.snapshot();
        restart();
        assertThat(engine.recoveredFromSnapshot()).isPositive();
        assertThat(engine.orders()).extracting(o -> o.clientOrderId().value() + "=" + o.held())
                .containsExactly("held-2=false", "held-1=true");
        assertThat(engine.orders().get(0).decisions()).extracting(GateDecision::outcome)
                .endsWith(GateDecision.HOLD, GateDecision.ACCEPT, GateDecision.RELEASED);
        assertThat(engine.workingQuantity("ACC-1", CoreFixtures.AAPL.id(), true)).isEqualTo(310);

        sentToVenue.clear();
        assertThat(engine.release(ClientOrderId.of("held-1"), "carol", "", 9L).refusal()).isNull();
        engine.endOfBatch();
        assertThat(sentToVenue).hasSize(1);
        restart();
        assertThat(engine.orders()).extracting(OrderView::held).containsOnly(false);
    }

    @Test
    void aHeldOrderExpiresAfterTheConfiguredTimeNeverSentAndStaysExpiredAfterARestart() throws IOException {
        engine.expireHoldsAfter(1_000);
        submit("old", 150);
        engine.submit(OrderRequest.limit(ClientOrderId.of("young"), CoreFixtures.AAPL, Side.BUY, 150, 15000,
                TimeInForce.GTC, ALICE), "shell:alice", CoreFixtures.inputs(() -> true), 500_000_001L);
        engine.endOfBatch();
        heard.clear();

        assertThat(engine.expireHolds(1_000_000_000L)).as("one second after it was held: not yet").isZero();
        assertThat(engine.expireHolds(1_000_000_001L)).isEqualTo(1);
        engine.endOfBatch();

        assertThat(heard).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.EXPIRED);
            assertThat(r.clientOrderId()).isEqualTo(ClientOrderId.of("old"));
            assertThat(r.text()).isEqualTo("held for an override longer than holdExpiryMillis = 1000 ms; expired,"
                    + " never sent");
        });
        assertThat(sentToVenue).isEmpty();
        assertThat(engine.orders()).extracting(o -> o.clientOrderId().value() + "=" + o.status() + "/" + o.held())
                .containsExactly("young=PENDING_NEW/true", "old=EXPIRED/false");

        restart();
        engine.expireHoldsAfter(1_000);
        assertThat(engine.orders()).extracting(o -> o.clientOrderId().value() + "=" + o.status())
                .containsExactly("young=PENDING_NEW", "old=EXPIRED");
        assertThat(engine.expireHolds(2_000_000_000L)).as("the replayed held order expires too").isEqualTo(1);
    }

    private ExecutionReport submit(String id, long quantity) {
        CompletableFuture<ExecutionReport> answer = new CompletableFuture<>();
        engine.submit(OrderRequest.limit(ClientOrderId.of(id), CoreFixtures.AAPL, Side.BUY, quantity, 15000,
                TimeInForce.GTC, ALICE), "shell:alice", CoreFixtures.inputs(() -> connected), 1L, answer);
        engine.endOfBatch();
        return answer.join();
    }

    private void acknowledge(String id, long quantity) {
        engine.onVenueReport(ExecutionReport.builder().clientOrderId(ClientOrderId.of(id)).venueOrderId("V-" + id)
                .execId("N-" + id).instrumentId(CoreFixtures.AAPL.id()).side(Side.BUY).execType(ExecType.NEW)
                .status(OrderStatus.NEW).orderQuantity(quantity).leavesQuantity(quantity)
                .liquidity(Liquidity.UNKNOWN).transactTimeNanos(2L).build(), 2L);
        engine.endOfBatch();
    }

    private void restart() throws IOException {
        journal.close();
        open();
    }

    private void open() throws IOException {
        journal = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE);
        ExchangeAdapter adapter = CoreFixtures.recordingAdapter(sentToVenue);
        engine = new EngineCore(journal, gate, CoreFixtures.venues(() -> adapter, () -> connected),
                new PortfolioAccounts(Currency.of("USD")), (report, source, strategyId) -> heard.add(report), 16,
                1 << 20);
        engine.alertsTo((key, critical, message) -> alerts.add((critical ? "CRITICAL " : "WARNING ") + key + " "
                + message));
        engine.enableSnapshots(new Snapshotter(journal, 0, JournalRetention.ARCHIVE));
        engine.recover();
    }

    /** Holds (or, when {@code hard}, rejects) an order over {@code limit}. */
    private record SizeCheck(String id, int order, long limit, boolean hard) implements PreTradeCheck {
        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public CheckResult check(OrderRequest request, PreTradeContext context) {
            if (request.quantity() <= limit) {
                return CheckResult.accept();
            }
            String text = "quantity " + request.quantity() + " over " + limit;
            return hard ? CheckResult.reject(RejectReason.RISK_LIMIT, text) : CheckResult.hold(text);
        }
    }
}
