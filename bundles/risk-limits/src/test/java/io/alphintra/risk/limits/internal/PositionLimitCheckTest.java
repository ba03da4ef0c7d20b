package io.alphintra.risk.limits.internal;

import static io.alphintra.risk.limits.internal.Fixtures.AAPL;
import static io.alphintra.risk.limits.internal.Fixtures.BOB;
import static io.alphintra.risk.limits.internal.Fixtures.TOYOTA;
import static io.alphintra.risk.limits.internal.Fixtures.book;
import static io.alphintra.risk.limits.internal.Fixtures.config;
import static io.alphintra.risk.limits.internal.Fixtures.limit;
import static io.alphintra.risk.limits.internal.Fixtures.working;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.alphintra.risk.limits.internal.Fixtures.Context;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.risk.CheckResult;

class PositionLimitCheckTest {
    private final PositionLimitCheck check = new PositionLimitCheck(book(
            config("account:ACC-1", "maxLongPosition", "1000", "maxShortPosition", "500"),
            config("*", "maxLongPosition", "100", "maxShortPosition", "0")));

    @Test
    void aBuyCountsTheNetPositionAndTheWorkingBuys() {
        Context context = new Context(AAPL).net(800).working(100, 5_000);
        assertThat(check.check(limit(AAPL, Side.BUY, 100, 1_900_000), context)).isSameAs(CheckResult.accept());
        CheckResult over = check.check(limit(AAPL, Side.BUY, 101, 1_900_000), context);
        assertThat(over.reason()).isEqualTo(RejectReason.RISK_LIMIT);
        assertThat(over.text()).isEqualTo("position-limit: BUY 101 AAPL@SIMX_US would take account ACC-1 to 1001 long"
                + " (net 800 + working buys 100 + this order 101), over the long limit of 1000 for account:ACC-1");
    }

    @Test
    void aSaleOfAnyMarkingCountsTheWorkingSells() {
        Context context = new Context(AAPL).net(100).working(5_000, 200);
        assertThat(check.check(limit(AAPL, Side.SELL, 400, 1_900_000), context)).isSameAs(CheckResult.accept());
        assertThat(check.check(limit(AAPL, Side.SELL_SHORT, 400, 1_900_000), context))
                .isSameAs(CheckResult.accept());
        CheckResult over = check.check(limit(AAPL, Side.SELL_SHORT, 401, 1_900_000), context);
        assertThat(over.text()).isEqualTo("position-limit: SELL_SHORT 401 AAPL@SIMX_US would take account ACC-1 to"
                + " 501 short (net 100 - working sells 200 - this order 401), over the short limit of 500 for"
                + " account:ACC-1");
    }

    @Test
    void aShortLimitOfZeroAllowsSellingOnlyWhatIsHeld() {
        assertThat(check.check(limit(AAPL, Side.SELL, 100, 1_900_000, BOB), new Context(AAPL).net(100)))
                .isSameAs(CheckResult.accept());
        CheckResult short1 = check.check(limit(AAPL, Side.SELL, 101, 1_900_000, BOB), new Context(AAPL).net(100));
        assertThat(short1.text()).endsWith("over the short limit of 0 for *");
    }

    @Test
    void anOrderThatReducesThePositionPasses() {
        assertThat(check.check(limit(AAPL, Side.BUY, 2_000, 1_900_000), new Context(AAPL).net(-1_000)))
                .as("covering a short of 1000 and going 1000 long").isSameAs(CheckResult.accept());
        assertThat(check.check(limit(AAPL, Side.SELL, 2_000, 1_900_000), new Context(AAPL).net(2_000)))
                .as("a long over a lowered limit may still be sold down").isSameAs(CheckResult.accept());
    }

    @Test
    void aReplaceCountsAtItsNewSizeLessWhatHasFilled() {
        // A buy of 1000, 400 of it filled (in the net position), replaced to 1200: 400 + (1200 - 400) = 1200.
        PositionLimitCheck check = new PositionLimitCheck(book(config("*", "maxLongPosition", "1200")));
        Context replacing = new Context(AAPL).net(400).working(0, 0)
                .replacing(working(AAPL, Side.BUY, 1_000, 400, 1_900_000));
        assertThat(check.check(limit(AAPL, Side.BUY, 1_200, 1_900_000), replacing)).isSameAs(CheckResult.accept());
        CheckResult over = check.check(limit(AAPL, Side.BUY, 1_201, 1_900_000), replacing);
        assertThat(over.text()).isEqualTo("position-limit: BUY 1201 AAPL@SIMX_US would take account ACC-1 to 1201"
                + " long (net 400 + working buys 0 + this order 801 (a replace to 1201, 400 filled)), over the long"
                + " limit of 1200 for *");
    }

    @Test
    void aStrategyLimitCountsTheStrategysOwnPositionAndWorkingOrders() {
        PositionLimitCheck limits = new PositionLimitCheck(book(
                config("account:ACC-1", "maxLongPosition", "10000"),
                config("strategy:momentum-1", "maxStrategyLongPosition", "1200", "maxStrategyShortPosition", "300")));
        // The account is far from its limit; the strategy holds 800 with 300 more to buy working.
        Context context = new Context(AAPL).net(5_000).working(2_000, 0).strategy(800, 300, 100);
        assertThat(limits.check(limit(AAPL, Side.BUY, 100, 1_900_000), context)).isSameAs(CheckResult.accept());
        CheckResult over = limits.check(limit(AAPL, Side.BUY, 101, 1_900_000), context);
        assertThat(over.text()).isEqualTo("position-limit: BUY 101 AAPL@SIMX_US would take strategy momentum-1"
                + " (account ACC-1) to 1201 long (net 800 + working buys 300 + this order 101), over the strategy long"
                + " limit of 1200 for strategy:momentum-1");
        // Selling: -(800 - 100 - 1000) = 300 short passes, one more does not.
        assertThat(limits.check(limit(AAPL, Side.SELL, 1_000, 1_900_000), context)).isSameAs(CheckResult.accept());
        assertThat(limits.check(limit(AAPL, Side.SELL, 1_001, 1_900_000), context).text())
                .contains("would take strategy momentum-1 (account ACC-1) to 301 short").endsWith(
                        "over the strategy short limit of 300 for strategy:momentum-1");
        // Another strategy (of another account) is not limited by it.
        assertThat(limits.check(limit(AAPL, Side.BUY, 2_000, 1_900_000, BOB), new Context(AAPL).strategy(5_000, 0, 0)))
                .isSameAs(CheckResult.accept());
        // The account's limit still decides on its own.
        assertThat(limits.check(limit(AAPL, Side.BUY, 3_001, 1_900_000), new Context(AAPL).net(5_000).working(2_000, 0))
                .text()).contains("would take account ACC-1 to 10001 long");
    }

    @Test
    void aLimitOffTheLotGridIsNamedAsAConfigurationError() {
        PositionLimitCheck lots = new PositionLimitCheck(book(config("venue:SIMX_JP", "maxLongPosition", "250")));
        CheckResult result = lots.check(limit(TOYOTA, Side.BUY, 100, 2_900), new Context(TOYOTA));
        assertThat(result.text()).isEqualTo("position-limit: maxLongPosition = '250' for venue:SIMX_JP (cfg-1) is off"
                + " the quantity grid of 7203@SIMX_JP (0 decimals, lots of 100); the limit cannot be applied, fix the"
                + " configuration");
    }

    @Test
    void sumsBeyondALongAreOverTheLimitNotWrappedAround() {
        Context huge = new Context(AAPL).net(Long.MAX_VALUE - 10).working(Long.MAX_VALUE - 10, 0);
        assertThat(check.check(limit(AAPL, Side.BUY, 100, 1_900_000), huge).isRejected()).isTrue();
        Context deepShort = new Context(AAPL).net(Long.MIN_VALUE + 1).working(0, Long.MAX_VALUE);
        assertThat(check.check(limit(AAPL, Side.SELL, 100, 1_900_000), deepShort).isRejected()).isTrue();
    }

    @Test
    void identifiesItself() {
        assertThat(check.id()).isEqualTo("position-limit");
        assertThat(check.version()).isEqualTo("1.0.0");
        assertThat(check.order()).isEqualTo(230);
    }
}
