package io.alphintra.risk.limits.internal;

import static io.alphintra.risk.limits.internal.Fixtures.AAPL;
import static io.alphintra.risk.limits.internal.Fixtures.NOW;
import static io.alphintra.risk.limits.internal.Fixtures.book;
import static io.alphintra.risk.limits.internal.Fixtures.config;
import static io.alphintra.risk.limits.internal.Fixtures.limit;
import static io.alphintra.risk.limits.internal.Fixtures.working;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.alphintra.risk.limits.internal.Fixtures.Context;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.risk.CheckResult;

class DuplicateOrderCheckTest {
    private static final long MILLI = 1_000_000;

    /** Three identical orders within a second: the third is rejected. */
    private final DuplicateOrderCheck check = new DuplicateOrderCheck(book(config("*", "duplicateCount", "3",
            "duplicateWindowMillis", "1000")));

    private CheckResult send(OrderRequest order, long atMillis) {
        return check.check(order, new Context(order.instrument()).at(NOW + atMillis * MILLI));
    }

    private static OrderRequest bid() {
        return limit(AAPL, Side.BUY, 100, 1_900_000);
    }

    @Test
    void theKthIdenticalOrderWithinTheWindowIsRejected() {
        assertThat(send(bid(), 0)).isSameAs(CheckResult.accept());
        assertThat(send(bid(), 100)).isSameAs(CheckResult.accept());
        CheckResult third = send(bid(), 999);
        assertThat(third.reason()).isEqualTo(RejectReason.RISK_LIMIT);
        assertThat(third.text()).isEqualTo("duplicate-orders: identical order number 3 within 1000 ms (BUY LIMIT 100"
                + " AAPL@SIMX_US limit 190, strategy momentum-1, account ACC-1), at the limit of 3 for *");
    }

    @Test
    void anOrderPassesAgainOnceTheOldestIsOutsideTheWindow() {
        send(bid(), 0);
        send(bid(), 500);
        assertThat(send(bid(), 999).isRejected()).isTrue();
        assertThat(send(bid(), 1_000)).as("the first is exactly a window old").isSameAs(CheckResult.accept());
        assertThat(send(bid(), 1_400).isRejected()).as("500 and 1000 are within the window").isTrue();
        assertThat(send(bid(), 1_500)).isSameAs(CheckResult.accept());
    }

    @Test
    void ordersDifferingInAnyIdentifyingFieldAreNotDuplicates() {
        Attribution otherStrategy = new Attribution("other-9", "alice", "ACC-1", "desk-1", "client-1");
        Attribution otherAccount = new Attribution("momentum-1", "alice", "ACC-9", "desk-1", "client-1");
        send(bid(), 0);
        send(bid(), 1);
        assertThat(send(limit(AAPL, Side.BUY, 100, 1_900_100), 2)).as("price").isSameAs(CheckResult.accept());
        assertThat(send(limit(AAPL, Side.BUY, 101, 1_900_000), 3)).as("quantity").isSameAs(CheckResult.accept());
        assertThat(send(limit(AAPL, Side.SELL, 100, 1_900_000), 4)).as("side").isSameAs(CheckResult.accept());
        assertThat(send(limit(AAPL, Side.BUY, 100, 1_900_000, otherStrategy), 5)).as("strategy")
                .isSameAs(CheckResult.accept());
        assertThat(send(limit(AAPL, Side.BUY, 100, 1_900_000, otherAccount), 6)).as("account")
                .isSameAs(CheckResult.accept());
        assertThat(send(bid(), 7).isRejected()).isTrue();
    }

    @Test
    void rejectedOrdersAreNotCountedSoTheLimitCapsWhatPasses() {
        int passed = 0;
        for (int millis = 0; millis < 10_000; millis += 10) {
            if (!send(bid(), millis).isRejected()) {
                passed++;
            }
        }
        // At most two per second pass: at 0 and 10, then once each of those is a second old, and so on.
        assertThat(passed).isEqualTo(20);
    }

    @Test
    void aReplaceIsNeitherCheckedNorCounted() {
        send(bid(), 0);
        send(bid(), 1);
        Context replacing = new Context(AAPL).at(NOW + 2 * MILLI).replacing(working(AAPL, Side.BUY, 50, 0, 1_900_000));
        assertThat(check.check(bid(), replacing)).isSameAs(CheckResult.accept());
        assertThat(send(bid(), 3).isRejected()).isTrue();
    }

    @Test
    void theMostSpecificScopeDecidesAndNoneLiftsTheLimit() {
        DuplicateOrderCheck scoped = new DuplicateOrderCheck(book(
                config("*", "duplicateCount", "2", "duplicateWindowMillis", "1000"),
                config("strategy:momentum-1", "duplicateCount", "none")));
        for (int i = 0; i < 5; i++) {
            assertThat(scoped.check(bid(), new Context(AAPL).at(NOW + i))).isSameAs(CheckResult.accept());
        }
        Attribution bob = new Attribution("meanrev-2", "bob", "ACC-2", "desk-1", "client-1");
        OrderRequest bobs = limit(AAPL, Side.BUY, 100, 1_900_000, bob);
        assertThat(scoped.check(bobs, new Context(AAPL).at(NOW))).isSameAs(CheckResult.accept());
        assertThat(scoped.check(limit(AAPL, Side.BUY, 100, 1_900_000, bob), new Context(AAPL).at(NOW + 1)).text())
                .endsWith("at the limit of 2 for *");
    }

    @Test
    void remembersManyDistinctOrdersAtOnce() {
        // Twice the table's capacity of distinct orders, a microsecond apart, within one window: the table forgets
        // the least recent first, so the last thousand are remembered.
        int distinct = RecentOrders.CAPACITY * 2;
        for (int i = 0; i < distinct; i++) {
            OrderRequest order = limit(AAPL, Side.BUY, 1 + i, 1_900_000);
            Context at = new Context(AAPL).at(NOW + i * 1_000L);
            check.check(order, at);
            check.check(order, at);
        }
        int remembered = 0;
        for (int i = distinct - 1000; i < distinct; i++) {
            if (send(limit(AAPL, Side.BUY, 1 + i, 1_900_000), 100).isRejected()) {
                remembered++;
            }
        }
        assertThat(remembered).isGreaterThanOrEqualTo(990);
    }

    @Test
    void identifiesItself() {
        assertThat(check.id()).isEqualTo("duplicate-orders");
        assertThat(check.version()).isEqualTo("1.0.0");
        assertThat(check.order()).isEqualTo(220);
    }
}
