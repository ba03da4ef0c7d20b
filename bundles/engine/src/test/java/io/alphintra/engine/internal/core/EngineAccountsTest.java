package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.GateDecision;
import io.alphintra.engine.internal.account.Account;
import io.alphintra.engine.internal.account.AccountChange;
import io.alphintra.engine.internal.account.AccountStatus;
import io.alphintra.engine.internal.account.AccountTable;
import io.alphintra.engine.internal.account.Amounts;
import io.alphintra.engine.internal.account.Permitted;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.engine.internal.journal.JournalRetention;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
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
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.CashBalance;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.risk.PreTradeContext;
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts as reference data the engine enforces: the gate refuses orders and replaces of unknown, suspended and
 * unpermitted accounts before any plugin runs, never a cancel; the configured cash is in the account's snapshot once,
 * also after a restart; every change the engine takes is journaled and replays as nothing.
 */
class EngineAccountsTest {
    private static final Currency USD = Currency.USD;
    private static final Attribution WHO = CoreFixtures.WHO;

    @TempDir
    Path directory;

    private final OrderGate gate = new OrderGate("test");
    private final AtomicInteger checksRun = new AtomicInteger();
    private final List<ExecutionReport> reports = new ArrayList<>();
    private Journal journal;
    private PortfolioAccounts accounts;
    private EngineCore engine;
    private OrderGate.GateInputs inputs;

    @BeforeEach
    void start() throws IOException {
        gate.putRuleSet(CoreFixtures.allowAll(Jurisdiction.US, "1.0.0"));
        gate.addCheck(countingCheck());
        open(table(deposited(WHO.accountId(), AccountStatus.ACTIVE)));
        engine.recover();
    }

    @AfterEach
    void stop() throws IOException {
        journal.close();
    }

    @Test
    void anOrderForAnAccountNotConfiguredIsRejectedByTheEngineBeforeAnyCheck() {
        ExecutionReport report = submit("c1", new Attribution("manual", "bob", "ACC-TYPO", "desk", "client"));

        assertThat(report.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(report.rejectReason()).isEqualTo(RejectReason.UNKNOWN_ACCOUNT);
        assertThat(report.text()).contains("ENGINE:account", "account ACC-TYPO is not configured");
        assertThat(checksRun).as("no risk check saw it").hasValue(0);
        assertThat(engine.orders()).singleElement().satisfies(order -> assertThat(order.decisions())
                .extracting(GateDecision::checkId).containsExactly("account"));
    }

    @Test
    void theVenueIsCheckedFirstThenTheAccount() {
        OrderGate.GateInputs disconnected = CoreFixtures.inputs(() -> false);
        List<GateDecision> decisions = gate.evaluate(order("c1", new Attribution("manual", "bob", "ACC-TYPO", "desk",
                "client")), disconnected);

        assertThat(decisions).singleElement().extracting(GateDecision::reason)
                .isEqualTo(RejectReason.VENUE_DISCONNECTED);
    }

    @Test
    void aSuspendedAccountMayNotTradeOrReplaceButMayCancel() {
        submit("c1", WHO);
        acknowledge("c1");
        assertThat(checksRun).hasValue(1);
        take(table(deposited(WHO.accountId(), AccountStatus.SUSPENDED)));

        ExecutionReport refused = submit("c2", WHO);
        assertThat(refused.rejectReason()).isEqualTo(RejectReason.ACCOUNT_NOT_PERMITTED);
        assertThat(refused.text()).contains("account ACC-1 is suspended");

        engine.replace(ClientOrderId.of("c1"), 20, ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED,
                "shell:alice", inputs, 5L);
        engine.endOfBatch();
        assertThat(last().execType()).isEqualTo(ExecType.REPLACE_REJECTED);
        assertThat(last().text()).contains("account ACC-1 is suspended");

        assertThat(engine.cancel(ClientOrderId.of("c1"), "shell:alice", 6L)).isTrue();
        engine.endOfBatch();
        assertThat(last().execType()).isEqualTo(ExecType.PENDING_CANCEL);
        assertThat(checksRun).as("only the first order reached the checks").hasValue(1);
    }

    @Test
    void anAccountIsRefusedAVenueOrInstrumentItIsNotPermitted() {
        Account elsewhere = new Account("pid", WHO.accountId(), "desk", USD, Amounts.NONE, Amounts.NONE,
                Permitted.only(List.of("SIMX_US")), Permitted.all(), AccountStatus.ACTIVE, null);
        take(AccountTable.of(List.of(elsewhere)));
        assertThat(submit("c1", WHO).text()).contains("account ACC-1 is not permitted venue SIMX");

        Account otherInstrument = new Account("pid", WHO.accountId(), "desk", USD, Amounts.NONE, Amounts.NONE,
                Permitted.all(), Permitted.only(List.of(InstrumentId.of("MSFT", "SIMX"))), AccountStatus.ACTIVE,
                null);
        take(AccountTable.of(List.of(otherInstrument)));
        ExecutionReport refused = submit("c2", WHO);
        assertThat(refused.rejectReason()).isEqualTo(RejectReason.ACCOUNT_NOT_PERMITTED);
        assertThat(refused.text()).contains("account ACC-1 is not permitted instrument AAPL@SIMX");
    }

    @Test
    void theConfiguredCashIsCountedOnceAlsoAfterARestartAndFromASnapshot() throws IOException {
        submit("c1", WHO);
        acknowledge("c1");
        engine.onVenueReport(ExecutionReport.builder().clientOrderId(ClientOrderId.of("c1")).venueOrderId("V-c1")
                .execId("X1").instrumentId(CoreFixtures.AAPL.id()).side(Side.BUY).execType(ExecType.TRADE)
                .status(OrderStatus.FILLED).orderQuantity(10).lastQuantity(10).lastPrice(15000).cumQuantity(10)
                .leavesQuantity(0).cumPriceQuantity(150000).liquidity(Liquidity.MAKER).fee(Money.of(USD, 5, 2))
                .transactTimeNanos(3L).build(), 3L);
        engine.endOfBatch();
        // USD 1,000,000.00 deposited, 10 x 150.00 paid and a fee of 0.05; margin adds to what is available only.
        Money expected = Money.of(USD, 100_000_000L - 150_000 - 5, 2);
        assertCash(expected);
        String hash = engine.stateHash();

        restart();
        assertThat(engine.stateHash()).isEqualTo(hash);
        assertCash(expected);

        engine.snapshot();
        restart();
        assertThat(engine.recoveredFromSnapshot()).isPositive();
        assertCash(expected);
    }

    @Test
    void everyChangeTakenIsJournaledAndAReplaySkipsIt() throws IOException {
        engine.accountsChanged(List.of(new AccountChange(AccountChange.Kind.ADDED, "ACC-1", "pid", "id = ACC-1"),
                new AccountChange(AccountChange.Kind.REFUSED, null, "pid-2", "id = '': required")), 1L);
        List<RecordCodec.AccountReference> journaled = new ArrayList<>();
        journal.replay(1, (sequence, timestamp, type, payload) -> {
            if (type == RecordCodec.ACCOUNT_REFERENCE) {
                journaled.add(RecordCodec.readAccountReference(payload.order(java.nio.ByteOrder.LITTLE_ENDIAN)));
            }
        });
        assertThat(journaled).extracting(RecordCodec.AccountReference::change).containsExactly(
                new AccountChange(AccountChange.Kind.ADDED, "ACC-1", "pid", "id = ACC-1"),
                new AccountChange(AccountChange.Kind.REFUSED, null, "pid-2", "id = '': required"));
        String hash = engine.stateHash();

        restart();
        assertThat(engine.stateHash()).isEqualTo(hash);
    }

    @Test
    void anAccountIsBookedInItsConfiguredBaseCurrency() {
        Account euro = new Account("pid", "ACC-EUR", "desk", Currency.EUR, Amounts.NONE, Amounts.NONE,
                Permitted.all(), Permitted.all(), AccountStatus.ACTIVE, null);
        take(AccountTable.of(List.of(euro)));

        assertThat(accounts.account("ACC-EUR").baseCurrency()).isEqualTo(Currency.EUR);
        assertThat(accounts.portfolio().snapshot(accounts.portfolio().accountIndex("ACC-EUR"), 0).baseCurrency())
                .isEqualTo(Currency.EUR);
        assertThat(accounts.account("ACC-NONE").baseCurrency()).as("the fallback").isEqualTo(USD);
    }

    @Test
    void deciding1AcceptedOrderAllocatesNothingInTheAccountCheck() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        OrderGate plain = new OrderGate("test");
        plain.putRuleSet(allocationFreeRuleSet());
        AccountTable table = AccountTable.of(List.of(new Account("pid", WHO.accountId(), "desk", USD, Amounts.NONE,
                Amounts.NONE, Permitted.only(List.of("SIMX", "OTHER")), Permitted.only(List.of(
                        CoreFixtures.AAPL.id(), InstrumentId.of("MSFT", "SIMX"))), AccountStatus.ACTIVE, null)));
        OrderGate.GateInputs base = CoreFixtures.inputs(() -> true);
        OrderGate.GateInputs withTable = new OrderGate.GateInputs() {
            @Override
            public boolean venueKnown(String venueId) {
                return true;
            }

            @Override
            public boolean venueConnected(String venueId) {
                return true;
            }

            @Override
            public AccountTable accounts() {
                return table;
            }

            @Override
            public Jurisdiction jurisdiction(io.alphintra.sdk.instrument.Instrument instrument) {
                return instrument.jurisdiction();
            }

            @Override
            public PreTradeContext riskContext(OrderRequest order) {
                return base.riskContext(order);
            }

            @Override
            public io.alphintra.sdk.compliance.ComplianceContext complianceContext(OrderRequest order) {
                return base.complianceContext(order);
            }
        };
        OrderRequest order = order("c1", WHO);
        int rounds = 100_000;
        long accepted = 0;
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            for (int i = 0; i < rounds; i++) {
                accepted += plain.evaluate(order, withTable).size();
            }
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < rounds; i++) {
            accepted += plain.evaluate(order, withTable).size();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(plain.evaluate(order, withTable)).noneMatch(GateDecision::rejects);
        // One 16-byte object per order would show as 1.6 MB; a late recompilation may charge a few dozen bytes.
        assertThat(allocated).as("bytes allocated deciding %d accepted orders", rounds).isLessThan(rounds / 100);
        assertThat(accepted).isPositive();
    }

    /** A rule set that answers with one decision made once, so that only the gate's own allocations count. */
    private static io.alphintra.sdk.compliance.RuleSet allocationFreeRuleSet() {
        io.alphintra.sdk.compliance.RuleSet allowAll = CoreFixtures.allowAll(Jurisdiction.US, "1.0.0");
        io.alphintra.sdk.compliance.ComplianceDecision accept = io.alphintra.sdk.compliance.ComplianceDecision
                .accept(allowAll);
        return new io.alphintra.sdk.compliance.RuleSet() {
            @Override
            public String id() {
                return allowAll.id();
            }

            @Override
            public Jurisdiction jurisdiction() {
                return Jurisdiction.US;
            }

            @Override
            public String version() {
                return allowAll.version();
            }

            @Override
            public io.alphintra.sdk.compliance.ComplianceDecision evaluate(OrderRequest order,
                    io.alphintra.sdk.compliance.ComplianceContext context) {
                return accept;
            }
        };
    }

    private void assertCash(Money expected) {
        AccountSnapshot snapshot = accounts.account(WHO.accountId());
        assertThat(snapshot.balance(USD)).hasValueSatisfying(balance -> {
            assertThat(balance.total().compareTo(expected)).as("total %s", balance.total()).isZero();
            assertThat(balance.available().compareTo(expected.add(Money.of(USD, 5_000_000, 2))))
                    .as("available %s", balance.available()).isZero();
        });
        assertThat(snapshot.balance(Currency.EUR).map(CashBalance::total)).contains(Money.of(Currency.EUR,
                25_000_000, 2));
        assertThat(snapshot.positions()).singleElement().satisfies(p -> assertThat(p.netQuantity()).isEqualTo(10));
    }

    /** USD 1,000,000 and EUR 250,000 deposited, USD 50,000 of margin. */
    private static Account deposited(String id, AccountStatus status) {
        return new Account("io.alphintra.account.test", id, "desk-eq", USD,
                Amounts.of(List.of(Money.of(USD, 100_000_000L, 2), Money.of(Currency.EUR, 25_000_000, 2))),
                Amounts.of(List.of(Money.of(USD, 5_000_000, 2))), Permitted.all(), Permitted.all(), status, null);
    }

    private static AccountTable table(Account... accounts) {
        return AccountTable.of(List.of(accounts));
    }

    /** As the engine component takes a change: journaled, then in force. */
    private void take(AccountTable table) {
        engine.accountsChanged(List.of(new AccountChange(AccountChange.Kind.CHANGED, WHO.accountId(), "pid",
                "changed")), 1L);
        accounts.table(table);
    }

    private ExecutionReport submit(String id, Attribution who) {
        engine.submit(order(id, who), "shell:alice", inputs, 1L);
        engine.endOfBatch();
        return last();
    }

    private ExecutionReport last() {
        return reports.get(reports.size() - 1);
    }

    private void acknowledge(String id) {
        engine.onVenueReport(ExecutionReport.builder().clientOrderId(ClientOrderId.of(id)).venueOrderId("V-" + id)
                .execId("N-" + id).instrumentId(CoreFixtures.AAPL.id()).side(Side.BUY).execType(ExecType.NEW)
                .status(OrderStatus.NEW).orderQuantity(10).leavesQuantity(10).liquidity(Liquidity.UNKNOWN)
                .transactTimeNanos(2L).build(), 2L);
        engine.endOfBatch();
    }

    private static OrderRequest order(String id, Attribution who) {
        return OrderRequest.limit(ClientOrderId.of(id), CoreFixtures.AAPL, Side.BUY, 10, 15000, TimeInForce.GTC, who);
    }

    private void restart() throws IOException {
        AccountTable table = accounts.table();
        journal.close();
        open(table);
        engine.recover();
    }

    private void open(AccountTable table) throws IOException {
        journal = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE);
        EngineCore.Venues venues = CoreFixtures.venues(this::recordingAdapter, () -> true);
        accounts = new PortfolioAccounts(USD);
        accounts.table(table);
        engine = new EngineCore(journal, gate, venues, accounts, (report, source, strategyId) -> reports.add(report),
                16, 1 << 20);
        engine.enableSnapshots(new Snapshotter(journal, 0, JournalRetention.ARCHIVE));
        inputs = new EngineGateInputs(venues, new OrderGate.Contexts(accounts, new MarketCache(), engine));
    }

    private PreTradeCheck countingCheck() {
        return new PreTradeCheck() {
            @Override
            public String id() {
                return "counting";
            }

            @Override
            public String version() {
                return "1";
            }

            @Override
            public int order() {
                return 0;
            }

            @Override
            public CheckResult check(OrderRequest order, PreTradeContext context) {
                checksRun.incrementAndGet();
                return CheckResult.accept();
            }
        };
    }

    private ExchangeAdapter recordingAdapter() {
        return (ExchangeAdapter) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExchangeAdapter.class}, (proxy, method, args) -> null);
    }
}
