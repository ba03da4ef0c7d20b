package io.alphintra.risk.limits.internal;

import static io.alphintra.risk.limits.internal.Fixtures.AAPL;
import static io.alphintra.risk.limits.internal.Fixtures.BOB;
import static io.alphintra.risk.limits.internal.Fixtures.config;
import static io.alphintra.risk.limits.internal.Fixtures.limit;
import static io.alphintra.risk.limits.internal.Fixtures.typed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.alphintra.risk.limits.internal.Fixtures.Context;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.risk.CheckResult;

/** Configurations coming, changing and going at run time, as ConfigAdmin delivers them, seen by the next order. */
class LimitScopeComponentTest {
    private final LimitBook book = new LimitBook();
    private final OrderSizeCheck check = new OrderSizeCheck(book);
    @TempDir
    Path data;
    private LimitChangeLog changes;

    @BeforeEach
    void openTheChangeJournal() {
        changes = new LimitChangeLog(data.resolve("changes.log"),
                Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));
    }

    private LimitScopeComponent activate(String pid, Map<String, Object> map) {
        map.put("service.pid", pid);
        return new LimitScopeComponent(book, changes, typed(map), map);
    }

    private static void modify(LimitScopeComponent component, String pid, Map<String, Object> map) {
        map.put("service.pid", pid);
        component.modified(typed(map), map);
    }

    private CheckResult decide(OrderRequest order) {
        return check.check(order, new Context(AAPL));
    }

    private static OrderRequest buy(long quantity) {
        return limit(AAPL, Side.BUY, quantity, 1_900_000);
    }

    @Test
    void aChangedLimitAppliesToTheVeryNextOrder() {
        LimitScopeComponent component = activate("limit~acc1", config("account:ACC-1", "maxOrderQuantity", "1000"));
        OrderRequest order = buy(1_500);
        assertThat(decide(order).isRejected()).isTrue();
        modify(component, "limit~acc1", config("account:ACC-1", "maxOrderQuantity", "2000"));
        assertThat(decide(order)).isSameAs(CheckResult.accept());
        modify(component, "limit~acc1", config("account:ACC-1", "maxOrderQuantity", "1499"));
        assertThat(decide(order).text()).endsWith("over the limit of 1499 for account:ACC-1");
    }

    @Test
    void aMalformedChangeIsRefusedAndTheLastGoodLimitsStay() {
        LimitScopeComponent component = activate("limit~acc1", config("account:ACC-1", "maxOrderQuantity", "1000"));
        ScopeLimits good = book.get("limit~acc1");
        modify(component, "limit~acc1", config("account:ACC-1", "maxOrderQuantity", "1,000"));
        assertThat(book.get("limit~acc1")).isSameAs(good);
        assertThat(decide(buy(1_000))).isSameAs(CheckResult.accept());
        assertThat(decide(buy(1_001)).isRejected()).isTrue();
        modify(component, "limit~acc1", config("account:", "maxOrderQuantity", "5000"));
        assertThat(book.get("limit~acc1")).as("an unreadable scope too").isSameAs(good);
    }

    @Test
    void aBadFirstConfigurationRejectsTheOrdersOfItsScopeRatherThanFallingBack() {
        activate("limit~all", config("*", "maxOrderQuantity", "100000"));
        activate("limit~acc1", config("account:ACC-1", "maxOrderQuantity", "1000 shares"));
        CheckResult result = decide(buy(10));
        assertThat(result.isRejected()).isTrue();
        assertThat(result.text()).isEqualTo("order-size: the limits configured for account:ACC-1 (limit~acc1) are not"
                + " in force: Invalid configuration io.alphintra.risk.limit: maxOrderQuantity = '1000 shares': not a"
                + " plain non-negative decimal number (e.g. 1000 or 0.5) or 'none'; its orders are rejected until"
                + " that is fixed");
        assertThat(decide(limit(AAPL, Side.BUY, 10, 1_900_000, BOB))).as("other accounts trade on")
                .isSameAs(CheckResult.accept());
        assertThat(new PriceCollarCheck(book).check(buy(10), new Context(AAPL)).isRejected())
                .as("every check of the bundle holds the scope's orders").isTrue();
    }

    @Test
    void fixingABrokenConfigurationPutsItsLimitsInForce() {
        LimitScopeComponent component = activate("limit~acc1", config("account:ACC-1", "maxOrderQuantity", "x"));
        assertThat(decide(buy(10)).isRejected()).isTrue();
        modify(component, "limit~acc1", config("account:ACC-1", "maxOrderQuantity", "y"));
        assertThat(book.get("limit~acc1").problem()).contains("maxOrderQuantity = 'y'");
        modify(component, "limit~acc1", config("account:ACC-1", "maxOrderQuantity", "100"));
        assertThat(decide(buy(10))).isSameAs(CheckResult.accept());
    }

    @Test
    void aFirstConfigurationWithAnUnreadableScopeHoldsNothingBack() {
        activate("limit~bad", config("acount:ACC-1", "maxOrderQuantity", "1"));
        assertThat(book.get("limit~bad")).isNull();
        assertThat(decide(buy(10))).isSameAs(CheckResult.accept());
    }

    @Test
    void twoConfigurationsOfOneScopeHoldItsOrdersUntilOneGoes() {
        activate("limit~a", config("account:ACC-1", "maxOrderQuantity", "1000"));
        LimitScopeComponent second = activate("limit~b", config("account:ACC-1", "maxOrderQuantity", "10"));
        assertThat(decide(buy(5)).text()).isEqualTo("order-size: the limits configured for account:ACC-1 (limit~a,"
                + " limit~b) are not in force: scope account:ACC-1 is configured 2 times (limit~a, limit~b): merge them"
                + " into one configuration; its orders are rejected until that is fixed");
        second.deactivate(4);
        assertThat(decide(buy(5))).isSameAs(CheckResult.accept());
        assertThat(decide(buy(1_001)).isRejected()).isTrue();
    }

    @Test
    void aDeletedConfigurationTakesItsLimitsOutOfForce() {
        LimitScopeComponent component = activate("limit~acc1", config("account:ACC-1", "maxOrderQuantity", "10"));
        assertThat(decide(buy(11)).isRejected()).isTrue();
        component.deactivate(4);
        assertThat(book.get("limit~acc1")).isNull();
        assertThat(decide(buy(11))).isSameAs(CheckResult.accept());
    }

    @Test
    void aChangeOfScopeMovesTheLimits() {
        LimitScopeComponent component = activate("limit~x", config("account:ACC-1", "maxOrderQuantity", "10"));
        modify(component, "limit~x", config("account:ACC-2", "maxOrderQuantity", "10"));
        assertThat(decide(buy(11))).isSameAs(CheckResult.accept());
        assertThat(decide(limit(AAPL, Side.BUY, 11, 1_900_000, BOB)).isRejected()).isTrue();
    }

    @Test
    void everyChangeIsJournaledWithWhoMadeIt() throws Exception {
        Map<String, Object> byShell = config("account:ACC-1", "maxOrderQuantity", "10");
        byShell.put(LimitChangeLog.CHANGED_BY, "alice");
        byShell.put(LimitChangeLog.CHANGE_ID, "c-1");
        LimitScopeComponent component = activate("limit~acc1", byShell);
        // A file edited afterwards keeps the id the shell wrote: it is not alice's change.
        Map<String, Object> edited = config("account:ACC-1", "maxOrderQuantity", "20");
        edited.put(LimitChangeLog.CHANGED_BY, "alice");
        edited.put(LimitChangeLog.CHANGE_ID, "c-1");
        modify(component, "limit~acc1", edited);
        modify(component, "limit~acc1", config("account:ACC-1", "maxOrderQuantity", "1,000"));
        component.deactivate(4);

        List<String> lines = changes.history(10);
        assertThat(lines).containsExactly(
                "2026-12-07T10:00:00Z\tin force\talice\tlimit~acc1\tc-1\taccount:ACC-1\tmaxOrderQuantity = 10",
                "2026-12-07T10:00:00Z\tin force\t" + LimitChangeLog.OUTSIDE_SHELL
                        + "\tlimit~acc1\t\taccount:ACC-1\tmaxOrderQuantity = 20",
                "2026-12-07T10:00:00Z\trefused, last good kept\t" + LimitChangeLog.OUTSIDE_SHELL
                        + "\tlimit~acc1\t\taccount:ACC-1\tInvalid configuration io.alphintra.risk.limit:"
                        + " maxOrderQuantity = '1,000': not a plain non-negative decimal number (e.g. 1000 or 0.5) or"
                        + " 'none'; in force: maxOrderQuantity = 20",
                "2026-12-07T10:00:00Z\tremoved\t" + LimitChangeLog.OUTSIDE_SHELL
                        + "\tlimit~acc1\t\taccount:ACC-1\tits limits are no longer in force");
        assertThat(decide(buy(11))).isSameAs(CheckResult.accept());
    }

    @Test
    void aRestartDoesNotCreditTheShellAgainForAChangeItAlreadyJournaled() {
        Map<String, Object> byShell = config("account:ACC-1", "maxOrderQuantity", "10");
        byShell.put(LimitChangeLog.CHANGED_BY, "alice");
        byShell.put(LimitChangeLog.CHANGE_ID, "c-7");
        activate("limit~acc1", byShell).deactivate(1);
        changes.close();
        changes = new LimitChangeLog(data.resolve("changes.log"), Clock.systemUTC());
        activate("limit~acc1", byShell);
        assertThat(changes.record("in force", "limit~acc1", "account:ACC-1", "x", byShell))
                .isEqualTo(LimitChangeLog.OUTSIDE_SHELL);
    }
}
