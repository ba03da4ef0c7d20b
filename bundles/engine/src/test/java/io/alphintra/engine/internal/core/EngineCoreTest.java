package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.GateDecision;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.CancelRequest;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.risk.PreTradeContext;
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.io.IOException;
import java.nio.ByteOrder;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineCoreTest {
    private static final Instrument AAPL = CoreFixtures.AAPL;
    private static final Attribution WHO = CoreFixtures.WHO;

    @TempDir
    Path directory;

    private final List<Object> sentToVenue = new ArrayList<>();
    private final List<ExecutionReport> reports = new ArrayList<>();
    private final List<String> recipients = new ArrayList<>();
    private final OrderGate gate = new OrderGate("test");
    private boolean venueConnected = true;
    private boolean venueThrows;
    private boolean listening = true;
    private Journal journal;
    private PortfolioAccounts accounts;
    private EngineCore engine;

    @BeforeEach
    void start() throws IOException {
        gate.putRuleSet(CoreFixtures.allowAll(Jurisdiction.US, "1.2.0"));
        open();
    }

    @AfterEach
    void stop() throws IOException {
        journal.close();
    }

    @Test
    void acceptedOrderIsJournaledBeforeItReachesTheVenue() {
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        assertThat(sentToVenue).as("nothing leaves before the commit").isEmpty();
        assertThat(journalLastSequence()).isZero();

        engine.endOfBatch();

        assertThat(journalLastSequence()).as("the instrument's definition, then the order").isEqualTo(2);
        assertThat(sentToVenue).singleElement().isInstanceOf(OrderRequest.class);
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.PENDING_NEW);
            assertThat(r.orderId()).isEqualTo("1");
        });
        assertThat(engine.orders()).singleElement().satisfies(o -> {
            assertThat(o.decisions()).extracting(GateDecision::stage).containsExactly("ENGINE", "COMPLIANCE");
            assertThat(o.decisions().get(1).version()).isEqualTo("1.2.0");
            assertThat(o.strategyId()).isEqualTo("momentum-1");
            assertThat(o.traderId()).isEqualTo("alice");
            assertThat(o.accountId()).isEqualTo("ACC-1");
        });
    }

    @Test
    void orderForAJurisdictionWithoutRuleSetIsRejected() {
        gate.removeRuleSet(gate.ruleSet(Jurisdiction.US).orElseThrow());
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        engine.endOfBatch();

        assertThat(sentToVenue).isEmpty();
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(r.rejectReason()).isEqualTo(RejectReason.NO_RULE_SET);
            assertThat(r.text()).contains("no compliance rule set is installed for jurisdiction US");
        });
        assertThat(engine.orders()).singleElement().extracting(OrderView::status)
                .isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void theLastInstalledRuleSetDecidesAndItsRemovalHandsBack() {
        RuleSet swapped = CoreFixtures.allowAll(Jurisdiction.US, "2.0.0");
        gate.putRuleSet(swapped);
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        gate.removeRuleSet(swapped);
        engine.submit(limit("c2", 10, 15000), "shell:admin", inputs(), 2L);
        engine.endOfBatch();

        assertThat(engine.orders()).extracting(o -> o.decisions().get(1).version()).containsExactly("1.2.0", "2.0.0");
    }

    @Test
    void throwingRiskCheckRejectsTheOrder() {
        gate.addCheck(check("broken", () -> {
            throw new IllegalStateException("boom");
        }));
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        engine.endOfBatch();

        assertThat(sentToVenue).isEmpty();
        assertThat(reports.get(0).rejectReason()).isEqualTo(RejectReason.RISK_LIMIT);
        assertThat(reports.get(0).text()).contains("RISK:broken@3.0.0", "boom", "fails closed");
    }

    @Test
    void riskChecksRunInTheirOrderAndTheFirstRejectionStopsTheChain() {
        List<String> ran = new ArrayList<>();
        gate.addCheck(check("second", 20, () -> {
            ran.add("second");
            return CheckResult.reject(RejectReason.RISK_LIMIT, "credit limit of ACC-1 reached");
        }));
        gate.addCheck(check("first", 10, () -> {
            ran.add("first");
            return CheckResult.accept();
        }));
        gate.addCheck(check("third", 30, () -> {
            ran.add("third");
            return CheckResult.accept();
        }));
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        engine.endOfBatch();

        assertThat(ran).containsExactly("first", "second");
        assertThat(reports.get(0).text()).contains("credit limit of ACC-1 reached");
    }

    @Test
    void acceptedOrdersShareTheirDecisionsUntilACheckChangesItsVersion() {
        String[] version = {"3.0.0"};
        gate.addCheck(new PreTradeCheck() {
            @Override
            public String id() {
                return "collar";
            }

            @Override
            public String version() {
                return version[0];
            }

            @Override
            public int order() {
                return 0;
            }

            @Override
            public CheckResult check(OrderRequest request, PreTradeContext context) {
                return CheckResult.accept();
            }
        });
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        engine.submit(limit("c2", 10, 15000), "shell:admin", inputs(), 1L);
        version[0] = "3.1.0";
        engine.submit(limit("c3", 10, 15000), "shell:admin", inputs(), 1L);
        engine.endOfBatch();

        List<OrderView> newestFirst = engine.orders();
        assertThat(newestFirst.get(1).decisions()).isSameAs(newestFirst.get(2).decisions());
        assertThat(newestFirst).extracting(o -> o.decisions().get(1).toString())
                .containsExactly("RISK:collar@3.1.0=ACCEPT", "RISK:collar@3.0.0=ACCEPT", "RISK:collar@3.0.0=ACCEPT");
    }

    @Test
    void answersReachTheirCallersWhetherOrNotAnyoneListens() {
        listening = false;
        CompletableFuture<ExecutionReport> accepted = new CompletableFuture<>();
        CompletableFuture<ExecutionReport> duplicate = new CompletableFuture<>();
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L, accepted);
        engine.submit(limit("c2", 10, 15000), "strategy:momentum-1", inputs(), 1L);
        engine.submit(limit("c1", 5, 15000), "shell:admin", inputs(), 2L, duplicate);
        assertThat(accepted).as("nothing is answered before the commit").isNotDone();

        engine.endOfBatch();

        assertThat(accepted.join()).satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.PENDING_NEW);
            assertThat(r.orderId()).isEqualTo("1");
        });
        assertThat(duplicate.join().rejectReason()).isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(reports).as("no listener wants them").isEmpty();
        assertThat(sentToVenue).hasSize(2);

        listening = true;
        engine.onVenueReport(venue("c2", ExecType.NEW, OrderStatus.NEW, 0, 0, 0, 0), 3L);
        engine.endOfBatch();
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.orderId()).as("the engine's id added to the venue's report").isEqualTo("2");
            assertThat(r.receiveTimeNanos()).isEqualTo(3L);
            assertThat(r.venueOrderId()).isEqualTo("V-c2");
        });
    }

    @Test
    void aCancelByAnEarlierClientOrderIdIsAnsweredToItsCaller() {
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        engine.endOfBatch();
        engine.replace(ClientOrderId.of("c1"), 20, ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED, "shell:admin", CoreFixtures.inputs(() -> true),
                2L);
        engine.onVenueReport(ExecutionReport.builder().clientOrderId(ClientOrderId.of("c1.R1"))
                .originalClientOrderId(ClientOrderId.of("c1")).venueOrderId("V-c1").execId("X-rpl")
                .instrumentId(AAPL.id()).side(Side.BUY).execType(ExecType.REPLACED).status(OrderStatus.NEW)
                .orderQuantity(20).cumQuantity(0).leavesQuantity(20).liquidity(Liquidity.UNKNOWN)
                .transactTimeNanos(3L).build(), 3L);
        engine.endOfBatch();

        CompletableFuture<ExecutionReport> cancel = new CompletableFuture<>();
        CompletableFuture<ExecutionReport> again = new CompletableFuture<>();
        engine.cancel(ClientOrderId.of("c1"), "shell:admin", 4L, cancel);
        engine.cancel(ClientOrderId.of("c1.R1"), "shell:admin", 4L, again);
        engine.endOfBatch();

        assertThat(cancel.join()).satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.PENDING_CANCEL);
            assertThat(r.originalClientOrderId()).isEqualTo(ClientOrderId.of("c1.R1"));
            assertThat(r.clientOrderId()).isEqualTo(ClientOrderId.of("c1.C2"));
        });
        assertThat(again.join()).satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.CANCEL_REJECTED);
            assertThat(r.text()).contains("already has request c1.C2 pending");
        });
    }

    @Test
    void reusedClientOrderIdIsRejectedAndTheFirstOrderUntouched() {
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        engine.submit(limit("c1", 99, 15001), "shell:admin", inputs(), 2L);
        engine.endOfBatch();

        assertThat(sentToVenue).hasSize(1);
        assertThat(reports).extracting(ExecutionReport::execType).containsExactly(ExecType.PENDING_NEW,
                ExecType.REJECTED);
        assertThat(reports.get(1).rejectReason()).isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(engine.openOrders()).singleElement().extracting(o -> o.quantity()).isEqualTo(10L);
    }

    @Test
    void aReusedClientOrderIdIsRefusedToItsSenderNotToTheOwnerOfTheId() {
        engine.submit(limit("c1", 10, 15000), "strategy:momentum-1", inputs(), 1L);
        engine.endOfBatch();
        recipients.clear();
        Attribution other = new Attribution("mean-rev-2", "bob", "ACC-2", "desk-eq", "client-9");
        engine.submit(OrderRequest.limit(ClientOrderId.of("c1"), AAPL, Side.SELL, 5, 15100, TimeInForce.DAY,
                other), "strategy:mean-rev-2", inputs(), 2L);
        engine.endOfBatch();

        assertThat(recipients).as("the strategy whose order c1 still works must not hear it was rejected")
                .containsExactly("strategy:mean-rev-2 / mean-rev-2");
        assertThat(reports.get(reports.size() - 1).rejectReason()).isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(engine.openOrders()).singleElement().extracting(o -> o.quantity()).isEqualTo(10L);
    }

    @Test
    void fillsAndCancelFollowTheLifeCycle() {
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        engine.endOfBatch();
        engine.onVenueReport(venue("c1", ExecType.NEW, OrderStatus.NEW, 0, 0, 0, 0), 2L);
        engine.onVenueReport(venue("c1", ExecType.TRADE, OrderStatus.PARTIALLY_FILLED, 4, 15000, 4, 60000), 3L);
        engine.endOfBatch();
        assertThat(engine.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            assertThat(o.cumQuantity()).isEqualTo(4);
            assertThat(o.leavesQuantity()).isEqualTo(6);
        });

        engine.cancel(ClientOrderId.of("c1"), "shell:admin", 4L);
        engine.endOfBatch();
        assertThat(sentToVenue.get(1)).isInstanceOfSatisfying(CancelRequest.class, c -> {
            assertThat(c.originalClientOrderId()).isEqualTo(ClientOrderId.of("c1"));
            assertThat(c.venueOrderId()).isEqualTo("V-c1");
        });
        assertThat(engine.openOrders().get(0).status()).isEqualTo(OrderStatus.PENDING_CANCEL);

        engine.onVenueReport(ExecutionReport.builder().clientOrderId(ClientOrderId.of("c1.C1"))
                .originalClientOrderId(ClientOrderId.of("c1")).venueOrderId("V-c1").execId("X-cxl")
                .instrumentId(AAPL.id()).side(Side.BUY).execType(ExecType.CANCELED).status(OrderStatus.CANCELED)
                .orderQuantity(10).cumQuantity(4).leavesQuantity(0).cumPriceQuantity(60000)
                .liquidity(Liquidity.UNKNOWN).transactTimeNanos(5L).build(), 5L);
        engine.endOfBatch();
        assertThat(engine.openOrders()).isEmpty();
        assertThat(engine.orders().get(0).status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void cancelOfAFinishedOrderIsRefusedWithAReport() {
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        engine.endOfBatch();
        engine.onVenueReport(venue("c1", ExecType.TRADE, OrderStatus.FILLED, 10, 15000, 10, 150000), 2L);
        engine.endOfBatch();
        reports.clear();

        engine.cancel(ClientOrderId.of("c1"), "shell:admin", 3L);
        engine.endOfBatch();

        assertThat(sentToVenue).hasSize(1);
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.CANCEL_REJECTED);
            assertThat(r.rejectReason()).isEqualTo(RejectReason.TOO_LATE_TO_CANCEL);
            assertThat(r.text()).contains("already FILLED");
        });
    }

    @Test
    void replaceIsSentForAWorkingOrderAndRefusedOffTheGrid() {
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        engine.endOfBatch();
        reports.clear();

        assertThat(engine.replace(ClientOrderId.of("c1"), 10, 15000 + 1, ReplaceRequest.UNCHANGED, "shell:admin", CoreFixtures.inputs(() -> true), 2L))
                .isTrue();
        engine.endOfBatch();
        assertThat(sentToVenue.get(1)).isInstanceOfSatisfying(ReplaceRequest.class,
                r -> assertThat(r.newLimitPrice()).isEqualTo(15001));
        assertThat(reports).singleElement().extracting(ExecutionReport::execType).isEqualTo(ExecType.PENDING_REPLACE);

        reports.clear();
        engine.onVenueReport(ExecutionReport.builder().clientOrderId(ClientOrderId.of("c1.R1"))
                .originalClientOrderId(ClientOrderId.of("c1")).venueOrderId("V-c1").execId("X-rpl")
                .instrumentId(AAPL.id()).side(Side.BUY).execType(ExecType.REPLACED).status(OrderStatus.NEW)
                .orderQuantity(10).cumQuantity(0).leavesQuantity(10).liquidity(Liquidity.UNKNOWN)
                .transactTimeNanos(3L).build(), 3L);
        assertThat(engine.replace(ClientOrderId.of("c1.R1"), 0, ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED,
                "shell:admin", CoreFixtures.inputs(() -> true), 4L)).isTrue();
        engine.endOfBatch();
        assertThat(reports.get(reports.size() - 1)).satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.REPLACE_REJECTED);
            assertThat(r.text()).contains("newQuantity = 0");
        });
        assertThat(engine.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.limitPrice()).isEqualTo(15001);
            assertThat(o.clientOrderId()).isEqualTo(ClientOrderId.of("c1.R1"));
        });
        assertThat(engine.replace(ClientOrderId.of("nope"), 1, 1, 1, "shell:admin", CoreFixtures.inputs(() -> true), 5L)).isFalse();
    }

    @Test
    void adapterThatThrowsGetsTheOrderRejectedNotLost() {
        venueThrows = true;
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        engine.endOfBatch();

        assertThat(engine.openOrders()).isEmpty();
        assertThat(reports).extracting(ExecutionReport::execType).containsExactly(ExecType.PENDING_NEW,
                ExecType.REJECTED);
        assertThat(reports.get(1).text()).contains("exchange adapter failed");
    }

    @Test
    void aCancelThatCannotBeSentLeavesAnOrderThatFilledMeanwhileFilled() throws IOException {
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        engine.endOfBatch();
        engine.onVenueReport(venue("c1", ExecType.NEW, OrderStatus.NEW, 0, 0, 0, 0), 2L);
        engine.endOfBatch();
        // In one batch: the cancel is queued for the commit, the fill arrives, then the adapter fails the cancel.
        engine.cancel(ClientOrderId.of("c1"), "shell:admin", 3L);
        engine.onVenueReport(venue("c1", ExecType.TRADE, OrderStatus.FILLED, 10, 15000, 10, 150000), 3L);
        venueThrows = true;
        engine.endOfBatch();
        venueThrows = false;

        assertThat(engine.openOrders()).as("a filled order is not working again").isEmpty();
        assertThat(engine.orders().get(0).status()).isEqualTo(OrderStatus.FILLED);
        String before = engine.stateHash();
        journal.close();
        open();
        engine.recover();
        assertThat(engine.orders().get(0).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(engine.stateHash()).isEqualTo(before);
    }

    @Test
    void disconnectedVenueRejectsAtTheGate() {
        venueConnected = false;
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        engine.endOfBatch();
        assertThat(reports.get(0).rejectReason()).isEqualTo(RejectReason.VENUE_DISCONNECTED);
    }

    @Test
    void reconciliationCancelsOnlyOrdersTheVenueNoLongerHas() {
        engine.submit(limit("kept", 10, 15000), "shell:admin", inputs(), 1L);
        engine.submit(limit("lost", 10, 14000), "shell:admin", inputs(), 1L);
        engine.submit(limit("in-flight", 10, 13000), "shell:admin", inputs(), 50L);
        engine.endOfBatch();
        reports.clear();

        engine.reconcile("SIMX", List.of(engine.order(ClientOrderId.of("kept")).orElseThrow()), 10L, 60L, true, false);
        engine.endOfBatch();

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.clientOrderId()).isEqualTo(ClientOrderId.of("lost"));
            assertThat(r.execType()).isEqualTo(ExecType.CANCELED);
            assertThat(r.text()).contains("not working at venue SIMX when it connected");
        });
        assertThat(engine.openOrders()).extracting(o -> o.clientOrderId().value())
                .as("the listed order and the one sent after the list was asked for stay")
                .containsExactly("kept", "in-flight");
    }

    @Test
    void cancelOnDisconnectCancelsEveryOrderOfTheLostSessionWhenTheVenueConnectsAgain() {
        engine.submit(limit("kept", 10, 15000), "shell:admin", inputs(), 1L);
        engine.submit(limit("lost", 10, 14000), "shell:admin", inputs(), 1L);
        engine.submit(limit("in-flight", 10, 13000), "shell:admin", inputs(), 50L);
        engine.endOfBatch();
        reports.clear();
        sentToVenue.clear();

        engine.reconcile("SIMX", List.of(engine.order(ClientOrderId.of("kept")).orElseThrow()), 10L, 60L, true, true);
        engine.endOfBatch();

        assertThat(reports).extracting(r -> r.clientOrderId().value() + " " + r.execType()).containsExactly(
                "lost CANCELED", "kept.C1 PENDING_CANCEL");
        assertThat(reports.get(1).text()).contains("cancel-on-disconnect");
        assertThat(sentToVenue).singleElement().isInstanceOfSatisfying(CancelRequest.class, cancel ->
                assertThat(cancel.originalClientOrderId()).isEqualTo(ClientOrderId.of("kept")));
        assertThat(engine.openOrders()).extracting(o -> o.clientOrderId().value() + " " + o.status())
                .as("the order sent after the session was back belongs to the new one").containsExactly(
                        "kept PENDING_CANCEL", "in-flight PENDING_NEW");
    }

    @Test
    void messagesBeyondTheVenuesRateAreRefusedThrottledAndTheEnginesOwnCancelsAreNot() {
        engine.throttle(3, 0, 0);
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        engine.submit(limit("c2", 10, 15000), "shell:admin", inputs(), 2L);
        engine.cancel(ClientOrderId.of("c1"), "shell:admin", 3L);
        engine.submit(limit("c3", 10, 15000), "shell:admin", inputs(), 4L);
        engine.replace(ClientOrderId.of("c2"), 20, ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED, "shell:admin",
                CoreFixtures.inputs(() -> true), 5L);
        engine.endOfBatch();

        assertThat(sentToVenue).as("three messages this second, nothing beyond").hasSize(3);
        assertThat(reports).filteredOn(r -> r.clientOrderId().value().equals("c3")).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(r.rejectReason()).isEqualTo(RejectReason.THROTTLED);
            assertThat(r.text()).contains("venue SIMX was sent its 3 messages");
        });
        assertThat(reports).filteredOn(r -> r.execType() == ExecType.REPLACE_REJECTED).singleElement()
                .satisfies(r -> assertThat(r.text()).contains("message throttle"));

        engine.engageKillSwitch(io.alphintra.engine.KillScope.all(), "shell:risk", "", 6L);
        engine.endOfBatch();
        assertThat(sentToVenue).as("the kill switch's cancel goes out whatever the rate").hasSize(4);

        engine.submit(limit("c4", 10, 15000), "shell:admin", inputs(), 1_000_000_007L);
        engine.endOfBatch();
        assertThat(reports).filteredOn(r -> r.clientOrderId().value().equals("c4")).singleElement()
                .extracting(ExecutionReport::rejectReason).as("a new second, the kill switch decides")
                .isEqualTo(RejectReason.KILL_SWITCH);
    }

    @Test
    void aStrategyBeyondItsOwnRateIsRefusedThrottledAndToldWhileOperatorsCancelsPass() {
        String strategy = "strategy:momentum-1";
        engine.throttle(0, 0, 5);
        engine.throttleStrategy(strategy, 2);
        engine.submit(limit("s1", 10, 15000), strategy, inputs(), 1L);
        engine.submit(limit("s2", 10, 15000), strategy, inputs(), 2L);
        engine.submit(limit("s3", 10, 15000), strategy, inputs(), 3L);
        engine.cancel(ClientOrderId.of("s1"), strategy, 4L);
        engine.replace(ClientOrderId.of("s2"), 20, ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED, strategy,
                CoreFixtures.inputs(() -> true), 5L);
        engine.cancel(ClientOrderId.of("s2"), "shell:admin", 6L);
        engine.endOfBatch();

        assertThat(sentToVenue).as("its two orders and the operator's cancel, nothing it sent beyond its rate")
                .extracting(Object::getClass).extracting(Class::getSimpleName)
                .containsExactly("OrderRequest", "OrderRequest", "CancelRequest");
        assertThat(reports).filteredOn(r -> r.rejectReason() == RejectReason.THROTTLED)
                .extracting(r -> r.clientOrderId().value() + " " + r.execType())
                .containsExactly("s3 REJECTED", "s1 CANCEL_REJECTED", "s2 REPLACE_REJECTED");
        assertThat(reports).filteredOn(r -> r.rejectReason() == RejectReason.THROTTLED).allSatisfy(r ->
                assertThat(r.text()).contains("strategy momentum-1 sent its 2 messages",
                        "maxMessagesPerSecond of the instance"));
        assertThat(recipients).as("the strategy hears every refusal").contains(strategy + " / momentum-1");
        assertThat(engine.order(ClientOrderId.of("s1")).orElseThrow().status()).as("still working")
                .isEqualTo(OrderStatus.PENDING_NEW);

        engine.submit(limit("s4", 10, 15000), strategy, inputs(), 1_000_000_001L);
        engine.endOfBatch();
        assertThat(sentToVenue).as("a new second admits it again").hasSize(4);
    }

    @Test
    void theStrategyHostsSweepOfAStoppedStrategyIsNeverThrottled() {
        engine.throttle(1, 1, 1);
        engine.submit(limit("h1", 10, 15000), "strategy:momentum-1", inputs(), 1L);
        engine.cancel(ClientOrderId.of("h1"), "strategy-host:momentum-1", 2L);
        engine.endOfBatch();

        assertThat(sentToVenue).as("the order and the sweep's cancel, beyond every rate")
                .extracting(Object::getClass).extracting(Class::getSimpleName)
                .containsExactly("OrderRequest", "CancelRequest");
    }

    @Test
    void recoveryRebuildsIdenticalOrdersWithoutResendingAnything() throws IOException {
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        engine.submit(limit("c2", 5, 14900), "strategy:momentum-1", inputs(), 1L);
        engine.endOfBatch();
        engine.onVenueReport(venue("c1", ExecType.NEW, OrderStatus.NEW, 0, 0, 0, 0), 2L);
        engine.onVenueReport(venue("c1", ExecType.TRADE, OrderStatus.PARTIALLY_FILLED, 3, 15000, 3, 45000), 3L);
        engine.onVenueReport(venue("c2", ExecType.TRADE, OrderStatus.FILLED, 5, 14900, 5, 74500), 3L);
        engine.replace(ClientOrderId.of("c1"), 20, 15005, ReplaceRequest.UNCHANGED, "shell:admin", CoreFixtures.inputs(() -> true), 4L);
        engine.endOfBatch();
        gate.removeRuleSet(gate.ruleSet(Jurisdiction.US).orElseThrow());
        engine.submit(limit("c3", 1, 15000), "shell:admin", inputs(), 5L);
        engine.endOfBatch();
        String before = engine.stateHash();
        List<OrderView> ordersBefore = engine.orders();
        int sent = sentToVenue.size();
        reports.clear();

        journal.close();
        open();
        engine.recover();

        assertThat(engine.stateHash()).isEqualTo(before);
        assertThat(accounts.positions()).singleElement().satisfies(view -> {
            assertThat(view.position().netQuantity()).as("3 of c1 and 5 of c2 bought").isEqualTo(8);
            assertThat(view.position().openPriceQuantity()).isEqualTo(45000 + 74500);
            assertThat(view.position().strategyId()).isEqualTo("momentum-1");
        });
        assertThat(engine.orders()).usingRecursiveComparison().isEqualTo(ordersBefore);
        assertThat(sentToVenue).hasSize(sent);
        assertThat(reports).isEmpty();
        assertThat(engine.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.PENDING_REPLACE);
            assertThat(o.cumQuantity()).isEqualTo(3);
        });

        engine.submit(limit("c1", 1, 15000), "shell:admin", inputs(), 6L);
        engine.endOfBatch();
        assertThat(reports).singleElement().extracting(ExecutionReport::rejectReason)
                .as("client ids stay used after recovery").isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        gate.putRuleSet(CoreFixtures.allowAll(Jurisdiction.US, "1.3.0"));
        reports.clear();
        engine.submit(limit("c4", 1, 15000), "shell:admin", inputs(), 6L);
        engine.endOfBatch();
        assertThat(reports.get(0).orderId()).as("order ids continue after recovery").isEqualTo("4");
    }

    @Test
    void aCancelRefusedAfterARestartLeavesTheFillThatCameWhileItWasPending() throws IOException {
        engine.submit(limit("c1", 10, 15000), "shell:admin", inputs(), 1L);
        engine.endOfBatch();
        engine.onVenueReport(venue("c1", ExecType.NEW, OrderStatus.NEW, 0, 0, 0, 0), 2L);
        engine.endOfBatch();
        engine.cancel(ClientOrderId.of("c1"), "shell:admin", 3L);
        engine.endOfBatch();
        engine.onVenueReport(venue("c1", ExecType.TRADE, OrderStatus.PARTIALLY_FILLED, 4, 15000, 4, 60000), 4L);
        engine.endOfBatch();
        String before = engine.stateHash();

        journal.close();
        open();
        engine.recover();
        assertThat(engine.stateHash()).isEqualTo(before);
        engine.onVenueReport(ExecutionReport.builder().clientOrderId(ClientOrderId.of("c1.C1"))
                .originalClientOrderId(ClientOrderId.of("c1")).venueOrderId("V-c1").execId("X-cxl-rej")
                .instrumentId(AAPL.id()).side(Side.BUY).execType(ExecType.CANCEL_REJECTED)
                .status(OrderStatus.PARTIALLY_FILLED).orderQuantity(10).cumQuantity(4).leavesQuantity(6)
                .cumPriceQuantity(60000).liquidity(Liquidity.UNKNOWN).rejectReason(RejectReason.OTHER)
                .transactTimeNanos(5L).build(), 5L);
        engine.endOfBatch();

        assertThat(engine.openOrders()).singleElement().extracting(OpenOrder::status)
                .as("the state the fill left while the cancel was pending").isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void aQuarantineIsJournaledAndRecoveryReadsPastIt() throws IOException {
        engine.submit(limit("c1", 10, 15000), "strategy:momentum-1", inputs(), 1L);
        engine.endOfBatch();
        String before = engine.stateHash();
        String longReason = "x".repeat(RecordCodec.MAX_REASON_CHARS + 100);
        engine.strategyQuarantined("momentum-1", "onTrade threw IllegalStateException: boom", 7L);
        engine.strategyQuarantined("flooder-2", longReason, 8L);

        journal.close();
        open();
        List<RecordCodec.StrategyQuarantine> quarantines = new ArrayList<>();
        journal.replay(1, (sequence, timestamp, type, payload) -> {
            if (type == RecordCodec.STRATEGY_QUARANTINED) {
                quarantines.add(RecordCodec.readStrategyQuarantine(payload.order(ByteOrder.LITTLE_ENDIAN)));
            }
        });
        assertThat(quarantines).containsExactly(
                new RecordCodec.StrategyQuarantine("momentum-1", "onTrade threw IllegalStateException: boom", 7L),
                new RecordCodec.StrategyQuarantine("flooder-2", longReason.substring(0, RecordCodec.MAX_REASON_CHARS),
                        8L));
        engine.recover();
        assertThat(engine.stateHash()).isEqualTo(before);
    }

    private void open() throws IOException {
        journal = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE);
        engine = new EngineCore(journal, gate, CoreFixtures.venues(this::recordingAdapter, () -> venueConnected),
                accounts = new PortfolioAccounts(Currency.of("USD")), new EngineCore.EngineListener() {
            @Override
            public void onReport(ExecutionReport report, String source, String strategyId) {
                reports.add(report);
                recipients.add(source + " / " + strategyId);
            }

            @Override
            public boolean wantsReports() {
                return listening;
            }
        }, 16, 1 << 20);
    }

    private long journalLastSequence() {
        return journal.lastSequence();
    }

    /** A unit-test fake: records what the engine sends instead of trading. */
    private ExchangeAdapter recordingAdapter() {
        return (ExchangeAdapter) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExchangeAdapter.class}, (proxy, method, args) -> {
                    if (venueThrows) {
                        throw new IllegalStateException("adapter crashed");
                    }
                    if (args != null && args.length == 1) {
                        sentToVenue.add(args[0]);
                    }
                    return null;
                });
    }

    private OrderGate.GateInputs inputs() {
        return CoreFixtures.inputs(() -> venueConnected);
    }

    private static OrderRequest limit(String id, long quantity, long price) {
        return OrderRequest.limit(ClientOrderId.of(id), AAPL, Side.BUY, quantity, price, TimeInForce.DAY, WHO);
    }

    private static ExecutionReport venue(String id, ExecType type, OrderStatus status, long lastQty, long lastPx,
                                         long cumQty, long cumPxQty) {
        ExecutionReport.Builder builder = ExecutionReport.builder().clientOrderId(ClientOrderId.of(id))
                .venueOrderId("V-" + id).execId("X-" + id + "-" + type + "-" + cumQty).instrumentId(AAPL.id())
                .side(Side.BUY).execType(type).status(status).orderQuantity(cumQty == 5 && id.equals("c2") ? 5 : 10)
                .cumQuantity(cumQty).leavesQuantity(status.isTerminal() ? 0 : (id.equals("c2") ? 5 : 10) - cumQty)
                .cumPriceQuantity(cumPxQty).transactTimeNanos(1L);
        if (type == ExecType.TRADE) {
            builder.lastQuantity(lastQty).lastPrice(lastPx).liquidity(Liquidity.MAKER)
                    .fee(Money.of(Currency.of("USD"), 5, 2));
        } else {
            builder.liquidity(Liquidity.UNKNOWN);
        }
        return builder.build();
    }

    private static PreTradeCheck check(String id, java.util.function.Supplier<CheckResult> result) {
        return check(id, 0, result);
    }

    private static PreTradeCheck check(String id, int order, java.util.function.Supplier<CheckResult> result) {
        return new PreTradeCheck() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String version() {
                return "3.0.0";
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public CheckResult check(OrderRequest request, PreTradeContext context) {
                return result.get();
            }
        };
    }
}
