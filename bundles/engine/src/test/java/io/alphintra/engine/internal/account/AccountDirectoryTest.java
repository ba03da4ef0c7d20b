package io.alphintra.engine.internal.account;

import static io.alphintra.engine.internal.account.AccountFixtures.properties;
import static io.alphintra.engine.internal.account.AccountFixtures.typed;
import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.internal.account.AccountChange.Kind;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

/**
 * Configurations coming and going through {@link AccountComponent}: the table the engine decides with, the last good
 * version kept over a bad change, clashes held back, and every change handed to the engine in order.
 */
class AccountDirectoryTest {
    private static final Equity AAPL = new Equity(InstrumentId.of("AAPL", "SIMX_US"), Currency.USD, Jurisdiction.US,
            new TradingGrid(2, TickTable.flat(1), 0, 1, 1));

    private final AccountDirectory directory = new AccountDirectory();
    private final List<AccountChange> changes = new ArrayList<>();
    private final List<AccountTable> tables = new ArrayList<>();

    @Test
    void theListenerHearsTheAccountsInForceThenEveryChangeWithItsTable() {
        AccountComponent first = component("a", properties("ACC-1"));
        directory.listen((changed, table) -> {
            changes.addAll(changed);
            tables.add(table);
        });
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(Kind.ADDED);
            assertThat(change.accountId()).isEqualTo("ACC-1");
            assertThat(change.detail()).startsWith("id = ACC-1, owner = desk-eq");
        });

        AccountComponent second = component("b", properties("ACC-2"));
        first.modified(typed(properties("ACC-1", "status", "suspended")), withPid("a", properties("ACC-1",
                "status", "suspended")));
        second.deactivate();

        assertThat(changes).extracting(AccountChange::toString).containsExactly(
                "account ACC-1 added (a): " + accountDescription("ACC-1", "a"),
                "account ACC-2 added (b): " + accountDescription("ACC-2", "b"),
                "account ACC-1 changed (a): status = active -> suspended",
                "account ACC-2 removed (b): " + accountDescription("ACC-2", "b"));
        assertThat(tables.get(tables.size() - 1)).isSameAs(directory.table());
        assertThat(directory.table().get("ACC-2")).isNull();
        assertThat(directory.table().refusal(order("ACC-2"))).isEqualTo(new Account.Refusal(
                RejectReason.UNKNOWN_ACCOUNT, "account ACC-2 is not configured (no etc/io.alphintra.account-*.cfg has"
                        + " id = ACC-2)"));
        assertThat(directory.table().refusal(order("ACC-1")).reason()).isEqualTo(RejectReason.ACCOUNT_NOT_PERMITTED);
    }

    @Test
    void aBadChangeIsRefusedAndTheLastGoodVersionStaysInForce() {
        AccountComponent component = component("a", properties("ACC-1"));
        Account good = directory.table().get("ACC-1");
        directory.listen((changed, table) -> changes.addAll(changed));
        changes.clear();

        Map<String, Object> bad = properties("ACC-1", "cash", "USD lots");
        component.modified(typed(bad), withPid("a", bad));

        assertThat(directory.table().get("ACC-1")).isSameAs(good);
        assertThat(directory.table().refusal(order("ACC-1"))).isNull();
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(Kind.REFUSED);
            assertThat(change.detail()).contains("cash = 'USD lots'", "the last good reference data stays in force");
        });
    }

    @Test
    void aFirstBadConfigurationHoldsItsAccountsOrdersBackAndOneWithoutAnIdHoldsNothing() {
        component("a", properties("ACC-1", "baseCurrency", "dollars"));
        component("b", properties("ACC 2"));

        assertThat(directory.table().size()).isOne();
        Account.Refusal refusal = directory.table().refusal(order("ACC-1"));
        assertThat(refusal.reason()).isEqualTo(RejectReason.ACCOUNT_NOT_PERMITTED);
        assertThat(refusal.text()).startsWith("account ACC-1 is not in force: its configuration is invalid:"
                + " Invalid configuration io.alphintra.account: baseCurrency = 'dollars'");
    }

    @Test
    void twoConfigurationsOfOneIdAreBothHeldBackUntilOneGoes() {
        component("a", properties("ACC-1"));
        AccountComponent twin = component("b", properties("ACC-1", "owner", "someone-else"));

        assertThat(directory.table().refusal(order("ACC-1"))).isEqualTo(new Account.Refusal(
                RejectReason.ACCOUNT_NOT_PERMITTED, "account ACC-1 is not in force: account ACC-1 is configured 2"
                        + " times (a, b): remove all but one"));

        twin.deactivate();
        assertThat(directory.table().refusal(order("ACC-1"))).isNull();
        assertThat(directory.table().get("ACC-1").owner()).isEqualTo("desk-eq");
    }

    @Test
    void anUnchangedConfigurationChangesNothing() {
        AccountComponent component = component("a", properties("ACC-1"));
        AccountTable before = directory.table();
        directory.listen((changed, table) -> changes.addAll(changed));
        changes.clear();

        component.modified(typed(properties("ACC-1")), withPid("a", properties("ACC-1")));

        assertThat(directory.table()).isSameAs(before);
        assertThat(changes).isEmpty();
    }

    private static String accountDescription(String id, String pid) {
        return AccountFixtures.account(properties(id), pid).describe();
    }

    private AccountComponent component(String pid, Map<String, Object> properties) {
        return new AccountComponent(directory, typed(properties), withPid(pid, properties));
    }

    private static Map<String, Object> withPid(String pid, Map<String, Object> properties) {
        Map<String, Object> copy = new java.util.HashMap<>(properties);
        copy.put(Constants.SERVICE_PID, pid);
        return copy;
    }

    private static OrderRequest order(String accountId) {
        return OrderRequest.limit(ClientOrderId.of("c1"), AAPL, Side.BUY, 1, 100, TimeInForce.DAY,
                new Attribution("manual", "alice", accountId, "desk", "client"));
    }
}
