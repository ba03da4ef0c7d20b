package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.OrderView;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.engine.internal.journal.JournalRetention;
import io.alphintra.sdk.compliance.ComplianceContext;
import io.alphintra.sdk.compliance.ComplianceDecision;
import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
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
import io.alphintra.sdk.portfolio.Position;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.risk.PreTradeContext;
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every venue execution is booked exactly once, and the gate has no side doors: repeats of a report are recognised
 * by execution id (live, after a journal replay and after a snapshot), a report the engine cannot book changes
 * nothing and flags its order, reconciliation with a venue that cannot replay executions flags what it cancels, a
 * replace is decided by the whole gate as the order it would become, and compliance sees working sells and halts.
 */
class ExactlyOnceTest {
    private static final Currency USD = Currency.of("USD");

    @TempDir
    Path directory;

    private final OrderGate gate = new OrderGate("test");
    private final List<Object> sentToVenue = new ArrayList<>();
    private final List<ExecutionReport> reports = new ArrayList<>();
    private boolean halted;
    private Journal journal;
    private PortfolioAccounts accounts;
    private EngineCore engine;
    private OrderGate.GateInputs inputs;

    @BeforeEach
    void start() throws IOException {
        gate.putRuleSet(CoreFixtures.allowAll(Jurisdiction.US, "1.0.0"));
        open();
        engine.recover();
    }

    @AfterEach
    void stop() throws IOException {
        journal.close();
    }

    @Test
    void aResentFillIsBookedOnceLiveAfterReplayAndAfterASnapshot() throws IOException {
        workingBuy("c1", 10);
        CompletableFuture<ExecutionReport> first = new CompletableFuture<>();
        CompletableFuture<ExecutionReport> repeat = new CompletableFuture<>();
        engine.onVenueReport(trade("c1", "X1", 4, 15000, 4), 3L, first);
        engine.onVenueReport(trade("c1", "X1", 4, 15000, 4), 3L, repeat);
        assertThat(first).as("durable only once committed").isNotDone();
        assertThat(repeat).as("a repeat of an uncommitted report is not durable either").isNotDone();
        engine.endOfBatch();

        assertThat(first.join().execId()).isEqualTo("X1");
        assertThat(repeat.join().execId()).isEqualTo("X1");
        assertThat(reports).filteredOn(r -> r.execType() == ExecType.TRADE).as("listeners hear of the fill once")
                .hasSize(1);
        assertBooked(4);

        restart();
        assertBooked(4);
        engine.onVenueReport(trade("c1", "X1", 4, 15000, 4), 4L);
        engine.onVenueReport(trade("c1", "X2", 6, 15001, 10), 4L);
        engine.endOfBatch();
        assertBooked(10);
        assertThat(engine.orders()).singleElement().extracting(OrderView::status).isEqualTo(OrderStatus.FILLED);

        engine.snapshot();
        restart();
        assertThat(engine.recoveredFromSnapshot()).isPositive();
        engine.onVenueReport(trade("c1", "X2", 6, 15001, 10), 5L);
        engine.endOfBatch();
        assertBooked(10);
    }

    @Test
    void aFillWithoutAFeeIsBookedWithAZeroFeeAndReplaysTheSame() throws IOException {
        workingBuy("c1", 10);
        engine.onVenueReport(tradeBuilder("c1", "X1", 10, 15000, 10).fee(null).status(OrderStatus.FILLED)
                .leavesQuantity(0).build(), 3L);
        engine.endOfBatch();
        assertBooked(10);
        String hash = engine.stateHash();

        restart();
        assertThat(engine.stateHash()).isEqualTo(hash);
    }

    @Test
    void aReportTheEngineCannotBookChangesNothingAndFlagsTheOrder() throws IOException {
        workingBuy("c1", 10);
        String hash = engine.stateHash();
        CompletableFuture<ExecutionReport> durable = new CompletableFuture<>();
        engine.onVenueReport(tradeBuilder("c1", "X1", 11, 15000, 11).orderQuantity(11).build(), 3L, durable);
        engine.endOfBatch();

        assertThat(durable).isCompletedExceptionally();
        assertThat(durable.handle((r, e) -> e.getMessage()).join()).contains("lastQuantity = 11", "more than the 10");
        assertThat(engine.stateHash()).as("order and books as before").isEqualTo(hash);
        assertThat(position()).isEmpty();
        assertThat(engine.orders()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.NEW);
            assertThat(o.reason()).startsWith("RECONCILE: report X1 (TRADE) from venue SIMX not booked");
        });

        restart();
        assertThat(engine.orders()).singleElement().extracting(OrderView::reason).asString()
                .as("the flag outlives a restart").startsWith("RECONCILE: report X1");
        assertThat(engine.stateHash()).isEqualTo(hash);
    }

    @Test
    void aFlaggedOrderRaisesACriticalAlertNamingItAndItsAccount() {
        List<String> raised = new ArrayList<>();
        engine.alertsTo((key, critical, message) -> raised.add(key + (critical ? " CRITICAL " : " WARNING ")
                + message));
        workingBuy("c1", 10);
        engine.onVenueReport(tradeBuilder("c1", "X1", 11, 15000, 11).orderQuantity(11).build(), 3L);
        engine.endOfBatch();

        assertThat(raised).singleElement().asString().startsWith("engine.reconcile.1 CRITICAL Order 1 (c1, account"
                + " ACC-1, AAPL@SIMX) needs reconciling with venue SIMX: report X1 (TRADE)");
    }

    @Test
    void aFillWhoseCumulativeQuantityDiffersIsBookedAndFlagged() {
        workingBuy("c1", 10);
        engine.onVenueReport(trade("c1", "X2", 3, 15000, 7), 3L);
        engine.endOfBatch();

        assertBooked(3);
        assertThat(engine.openOrders()).singleElement().extracting(OpenOrder::cumQuantity).isEqualTo(3L);
        assertThat(engine.orders()).singleElement().extracting(OrderView::reason).asString()
                .contains("counts 7 filled", "the engine booked 3");
    }

    @Test
    void reconcilingWithAVenueThatCannotReplayExecutionsCancelsAndFlags() {
        workingBuy("c1", 10);
        workingBuy("c2", 10);
        engine.reconcile("SIMX", List.of(engine.order(ClientOrderId.of("c2")).orElseThrow()), 10L, 11L, false, false);
        engine.endOfBatch();

        List<OrderView> orders = engine.orders();
        assertThat(orders).filteredOn(o -> o.clientOrderId().value().equals("c1")).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
            assertThat(o.reason()).contains("RECONCILE", "cannot replay its executions");
        });
        assertThat(orders).filteredOn(o -> o.clientOrderId().value().equals("c2")).singleElement()
                .extracting(OrderView::status).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void aReplaceIsDecidedByTheWholeGateAsTheOrderItWouldBecome() {
        List<String> seen = new ArrayList<>();
        gate.addCheck(new PreTradeCheck() {
            @Override
            public String id() {
                return "max-quantity";
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public int order() {
                return 0;
            }

            @Override
            public CheckResult check(OrderRequest request, PreTradeContext context) {
                seen.add(request.quantity() + " replacing " + context.replacing().map(OpenOrder::quantity)
                        .map(String::valueOf).orElse("nothing") + ", open " + context.openOrdersNotional()
                        + ", working buys " + context.accountWorkingQuantity(Side.BUY) + ", sells "
                        + context.accountWorkingQuantity(Side.SELL_SHORT));
                return request.quantity() > 100 ? CheckResult.reject(RejectReason.RISK_LIMIT,
                        "quantity " + request.quantity() + " above 100") : CheckResult.accept();
            }
        });
        workingBuy("c1", 10);
        sentToVenue.clear();
        CompletableFuture<ExecutionReport> refused = new CompletableFuture<>();
        engine.replace(ClientOrderId.of("c1"), 200, ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED,
                "shell:alice", inputs, 3L, refused);
        engine.endOfBatch();

        assertThat(refused.join()).satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.REPLACE_REJECTED);
            assertThat(r.text()).contains("max-quantity", "quantity 200 above 100");
        });
        assertThat(sentToVenue).as("nothing reaches the venue").isEmpty();
        assertThat(engine.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.quantity()).isEqualTo(10);
            assertThat(o.status()).isEqualTo(OrderStatus.NEW);
        });

        engine.replace(ClientOrderId.of("c1"), 50, ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED,
                "shell:alice", inputs, 4L);
        engine.endOfBatch();
        assertThat(sentToVenue).singleElement().isInstanceOf(ReplaceRequest.class);
        engine.onVenueReport(ExecutionReport.builder().clientOrderId(ClientOrderId.of("c1.R2"))
                .originalClientOrderId(ClientOrderId.of("c1")).venueOrderId("V-c1").execId("R-c1")
                .instrumentId(CoreFixtures.AAPL.id()).side(Side.BUY).execType(ExecType.REPLACED)
                .status(OrderStatus.NEW).orderQuantity(50).leavesQuantity(50).liquidity(Liquidity.UNKNOWN)
                .transactTimeNanos(5L).build(), 5L);
        engine.submit(order("c2", Side.BUY, 7), "shell:alice", inputs, 6L);
        engine.endOfBatch();
        assertThat(seen).as("the replaced order is named and left out of the working figures").containsExactly(
                "10 replacing nothing, open USD 0.00, working buys 0, sells 0",
                "200 replacing 10, open USD 0.00, working buys 0, sells 0",
                "50 replacing 10, open USD 0.00, working buys 0, sells 0",
                "7 replacing nothing, open USD 7500.00, working buys 50, sells 0");
    }

    @Test
    void complianceSeesWorkingSellsAndVenueHalts() {
        List<String> seen = new ArrayList<>();
        gate.putRuleSet(new RuleSet() {
            @Override
            public String id() {
                return "observer";
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public Jurisdiction jurisdiction() {
                return Jurisdiction.US;
            }

            @Override
            public ComplianceDecision evaluate(OrderRequest order, ComplianceContext context) {
                seen.add(order.clientOrderId() + ": working sells " + context.accountWorkingSellQuantity()
                        + ", halted " + context.isHalted());
                return ComplianceDecision.accept(this);
            }
        });
        engine.submit(order("s1", Side.SELL, 60), "shell:alice", inputs, 1L);
        engine.submit(order("s2", Side.SELL_SHORT, 30), "shell:alice", inputs, 1L);
        engine.submit(order("b1", Side.BUY, 10), "shell:alice", inputs, 1L);
        halted = true;
        engine.submit(order("s3", Side.SELL, 5), "shell:alice", inputs, 1L);
        engine.endOfBatch();

        assertThat(seen).containsExactly("s1: working sells 0, halted false", "s2: working sells 60, halted false",
                "b1: working sells 90, halted false", "s3: working sells 90, halted true");
    }

    private void workingBuy(String id, long quantity) {
        engine.submit(order(id, Side.BUY, quantity), "shell:alice", inputs, 1L);
        engine.endOfBatch();
        engine.onVenueReport(ExecutionReport.builder().clientOrderId(ClientOrderId.of(id)).venueOrderId("V-" + id)
                .execId("N-" + id).instrumentId(CoreFixtures.AAPL.id()).side(Side.BUY).execType(ExecType.NEW)
                .status(OrderStatus.NEW).orderQuantity(quantity).leavesQuantity(quantity)
                .liquidity(Liquidity.UNKNOWN).transactTimeNanos(2L).build(), 2L);
        engine.endOfBatch();
    }

    private void assertBooked(long quantity) {
        assertThat(position()).as("the account's position").hasValueSatisfying(p ->
                assertThat(p.netQuantity()).isEqualTo(quantity));
        assertThat(engine.orders().get(engine.orders().size() - 1).cumQuantity())
                .as("the order's filled quantity").isEqualTo(quantity);
    }

    private Optional<Position> position() {
        return accounts.position(CoreFixtures.WHO.accountId(), CoreFixtures.WHO.strategyId(), CoreFixtures.AAPL.id());
    }

    private static OrderRequest order(String id, Side side, long quantity) {
        return OrderRequest.limit(ClientOrderId.of(id), CoreFixtures.AAPL, side, quantity, 15000, TimeInForce.GTC,
                CoreFixtures.WHO);
    }

    private static ExecutionReport trade(String id, String execId, long last, long price, long cum) {
        return tradeBuilder(id, execId, last, price, cum).build();
    }

    private static ExecutionReport.Builder tradeBuilder(String id, String execId, long last, long price, long cum) {
        return ExecutionReport.builder().clientOrderId(ClientOrderId.of(id)).venueOrderId("V-" + id).execId(execId)
                .instrumentId(CoreFixtures.AAPL.id()).side(Side.BUY).execType(ExecType.TRADE)
                .status(cum >= 10 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED).orderQuantity(10)
                .lastQuantity(last).lastPrice(price).cumQuantity(cum).leavesQuantity(cum >= 10 ? 0 : 10 - cum)
                .cumPriceQuantity(price * cum).liquidity(Liquidity.MAKER).fee(Money.of(USD, 5, 2))
                .transactTimeNanos(3L);
    }

    private void restart() throws IOException {
        journal.close();
        open();
        engine.recover();
    }

    private void open() throws IOException {
        journal = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE);
        EngineCore.Venues fixture = CoreFixtures.venues(this::recordingAdapter, () -> true);
        EngineCore.Venues venues = new EngineCore.Venues() {
            @Override
            public ExchangeAdapter adapter(String venueId) {
                return fixture.adapter(venueId);
            }

            @Override
            public boolean connected(String venueId) {
                return true;
            }

            @Override
            public io.alphintra.sdk.instrument.Venue venue(String venueId) {
                return fixture.venue(venueId);
            }

            @Override
            public Optional<io.alphintra.sdk.instrument.Instrument> instrument(InstrumentId instrumentId) {
                return fixture.instrument(instrumentId);
            }

            @Override
            public boolean halted(InstrumentId instrumentId) {
                return halted;
            }
        };
        accounts = new PortfolioAccounts(USD);
        accounts.table(CoreFixtures.ACCOUNTS);
        engine = new EngineCore(journal, gate, venues, accounts, new EngineCore.EngineListener() {
            @Override
            public void onReport(ExecutionReport report, String source, String strategyId) {
                reports.add(report);
            }
        }, 16, 1 << 20);
        engine.enableSnapshots(new Snapshotter(journal, 0, JournalRetention.ARCHIVE));
        inputs = new EngineGateInputs(venues, new OrderGate.Contexts(accounts, new MarketCache(), engine));
    }

    /** A unit-test fake: records what the engine sends instead of trading. */
    private ExchangeAdapter recordingAdapter() {
        return (ExchangeAdapter) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExchangeAdapter.class}, (proxy, method, args) -> {
                    if (args != null && args.length == 1) {
                        sentToVenue.add(args[0]);
                    }
                    return null;
                });
    }
}
