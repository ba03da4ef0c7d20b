package io.alphintra.risk.limits.internal;

import static io.alphintra.risk.limits.internal.Fixtures.AAPL;
import static io.alphintra.risk.limits.internal.Fixtures.ALICE;
import static io.alphintra.risk.limits.internal.Fixtures.NOW;
import static io.alphintra.risk.limits.internal.Fixtures.book;
import static io.alphintra.risk.limits.internal.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import io.alphintra.risk.limits.internal.Fixtures.Context;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.CreditScope;
import io.alphintra.sdk.risk.PreTradeCheck;

/** The five checks, chained as the gate runs them, allocate nothing per accepted order once warmed up. */
class AllocationTest {

    @Test
    void theChainAllocatesNothingPerAcceptedOrder() {
        LimitBook book = book(
                config("*", "priceCollarBasisPoints", "1000", "maxReferenceAgeMillis", "5000",
                        "maxOrderValue", "USD 10000000, JPY 1500000000", "warnOrderValue", "USD 1000000",
                        "duplicateCount", "3", "duplicateWindowMillis", "1000"),
                config("account:ACC-1", "maxOrderQuantity", "5000", "maxLongPosition", "100000",
                        "maxShortPosition", "50000", "accountCreditLimit", "USD 50000000, JPY 7500000000"),
                config("strategy:momentum-1", "maxStrategyLongPosition", "60000", "maxStrategyShortPosition", "40000",
                        "strategyCreditLimit", "USD 20000000"),
                config("trader:alice venue:SIMX_US", "traderCreditLimit", "USD 30000000"),
                config("account:ACC-1 instrument:AAPL@SIMX_US", "priceCollarBasisPoints", "500",
                        "priceCollarReference", "mid", "maxReferenceAgeMillis", "2000"),
                config("venue:SIMX_US", "maxOrderQuantity", "10000"),
                config("trader:alice", "duplicateCount", "5", "duplicateWindowMillis", "500"));
        PreTradeCheck[] chain = {new CreditLimitCheck(book), new OrderSizeCheck(book), new PriceCollarCheck(book),
            new DuplicateOrderCheck(book), new PositionLimitCheck(book)};
        OrderRequest[] orders = new OrderRequest[1024];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = OrderRequest.limit(ClientOrderId.of("a-" + i), AAPL, i % 2 == 0 ? Side.BUY : Side.SELL,
                    100 + i, 1_900_000 + 100 * (i % 50), TimeInForce.DAY, ALICE);
        }
        Context context = new Context(AAPL).last(1_900_000, 10).mid(1_900_500, 10).net(1_000).working(2_000, 1_000)
                .strategy(500, 1_000, 200).credit(CreditScope.ACCOUNT, Currency.USD, 100_000_000_000L)
                .credit(CreditScope.TRADER, Currency.USD, 50_000_000_000L)
                .credit(CreditScope.STRATEGY, Currency.USD, 10_000_000_000L);
        long[] now = {NOW};
        Runnable run = () -> {
            for (OrderRequest order : orders) {
                now[0] += 1_000_000; // a millisecond apart: an order repeats after 1024 ms, beyond every window
                context.at(now[0]);
                for (PreTradeCheck check : chain) {
                    CheckResult result = check.check(order, context);
                    if (result != CheckResult.accept()) {
                        throw new AssertionError(check.id() + ": " + result);
                    }
                }
            }
        };
        for (int warm = 0; warm < 200; warm++) {
            run.run();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < 100; round++) {
            run.run();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // 102,400 orders through five checks; the measuring calls themselves may account a few bytes.
        assertThat(allocated).as("bytes allocated for 102,400 orders").isLessThan(1_024);
    }
}
