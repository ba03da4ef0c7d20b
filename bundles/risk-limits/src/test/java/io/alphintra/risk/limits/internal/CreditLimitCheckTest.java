package io.alphintra.risk.limits.internal;

import static io.alphintra.risk.limits.internal.Fixtures.AAPL;
import static io.alphintra.risk.limits.internal.Fixtures.BOB;
import static io.alphintra.risk.limits.internal.Fixtures.BTC;
import static io.alphintra.risk.limits.internal.Fixtures.ES;
import static io.alphintra.risk.limits.internal.Fixtures.TOYOTA;
import static io.alphintra.risk.limits.internal.Fixtures.book;
import static io.alphintra.risk.limits.internal.Fixtures.config;
import static io.alphintra.risk.limits.internal.Fixtures.limit;
import static io.alphintra.risk.limits.internal.Fixtures.market;
import static io.alphintra.risk.limits.internal.Fixtures.stop;
import static io.alphintra.risk.limits.internal.Fixtures.working;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.alphintra.risk.limits.internal.Fixtures.Context;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.CreditScope;

class CreditLimitCheckTest {
    /** USD 1 in credit units. */
    private static final long USD = 10_000;

    private final CreditLimitCheck check = new CreditLimitCheck(book(
            config("*", "accountCreditLimit", "USD 1000000, JPY 150000000"),
            config("account:ACC-1", "traderCreditLimit", "USD 2000000"),
            config("strategy:momentum-1", "strategyCreditLimit", "USD 500000")));

    @Test
    void anOrderPassesWhileUsedCreditPlusItsValueStaysWithinTheLimit() {
        // 900,000 used; 5 × 20,000.00 = 100,000 lands exactly on the limit.
        Context context = new Context(AAPL).credit(CreditScope.ACCOUNT, Currency.USD, 900_000 * USD);
        assertThat(check.check(limit(AAPL, Side.BUY, 5, 200_000_000), context)).isSameAs(CheckResult.accept());
        CheckResult over = check.check(limit(AAPL, Side.SELL, 5, 200_050_000), context);
        assertThat(over.reason()).isEqualTo(RejectReason.RISK_LIMIT);
        assertThat(over.text()).isEqualTo("credit-limit: account ACC-1 would use USD 1,000,025 of credit (used"
                + " 900,000 + this order 100,025), over its limit of USD 1,000,000 for *");
    }

    @Test
    void eachScopeKindIsDecidedOnItsOwnByItsMostSpecificScope() {
        // The trader's limit (set for account:ACC-1) and the strategy's each reject on their own figures.
        Context trader = new Context(AAPL).credit(CreditScope.TRADER, Currency.USD, 1_950_000 * USD);
        assertThat(check.check(limit(AAPL, Side.BUY, 1, 500_000_000), trader))
                .as("exactly at the limit").isSameAs(CheckResult.accept());
        assertThat(check.check(limit(AAPL, Side.BUY, 1, 500_000_100), trader).text())
                .isEqualTo("credit-limit: trader alice would use USD 2,000,000.01 of credit (used 1,950,000 + this"
                        + " order 50,000.01), over its limit of USD 2,000,000 for account:ACC-1");
        Context strategy = new Context(AAPL).credit(CreditScope.STRATEGY, Currency.USD, 499_999 * USD);
        assertThat(check.check(limit(AAPL, Side.BUY, 1, 10_000), strategy)).isSameAs(CheckResult.accept());
        assertThat(check.check(limit(AAPL, Side.BUY, 1, 10_100), strategy).text())
                .isEqualTo("credit-limit: strategy momentum-1 would use USD 500,000.01 of credit (used 499,999 + this"
                        + " order 1.01), over its limit of USD 500,000 for strategy:momentum-1");
        // Bob's orders: only the account limit of * applies to them.
        Context bob = new Context(AAPL).credit(CreditScope.TRADER, Currency.USD, 10_000_000 * USD)
                .credit(CreditScope.STRATEGY, Currency.USD, 10_000_000 * USD);
        assertThat(check.check(limit(AAPL, Side.BUY, 1, 500_000_000, BOB), bob)).isSameAs(CheckResult.accept());
    }

    @Test
    void creditIsCountedPerCurrencyAndNoneLiftsALimit() {
        // Credit used in USD does not count against the JPY limit: 1000 × 150,000 = JPY 150,000,000 fits.
        Context usd = new Context(TOYOTA).credit(CreditScope.ACCOUNT, Currency.USD, 999_999 * USD);
        assertThat(check.check(limit(TOYOTA, Side.BUY, 1_000, 150_000), usd)).isSameAs(CheckResult.accept());
        assertThat(check.check(limit(TOYOTA, Side.BUY, 1_100, 150_000), usd).text())
                .isEqualTo("credit-limit: account ACC-1 would use JPY 165,000,000 of credit (used 0 + this order"
                        + " 165,000,000), over its limit of JPY 150,000,000 for *");
        CreditLimitCheck lifted = new CreditLimitCheck(book(config("*", "accountCreditLimit", "USD 1"),
                config("account:ACC-1", "accountCreditLimit", "none")));
        assertThat(lifted.check(limit(AAPL, Side.BUY, 1_000, 100_000_000), new Context(AAPL)))
                .isSameAs(CheckResult.accept());
    }

    @Test
    void valuesAreRoundedUpAtTheCreditScaleAndCountTheMultiplier() {
        CreditLimitCheck small = new CreditLimitCheck(book(config("*", "accountCreditLimit", "USD 0.0001")));
        // 0.0001 BTC at 0.01 is 0.000001: rounded up to one credit unit, exactly the limit.
        assertThat(small.check(limit(BTC, Side.BUY, 10_000, 1), new Context(BTC))).isSameAs(CheckResult.accept());
        assertThat(small.check(limit(BTC, Side.BUY, 10_000, 1),
                new Context(BTC).credit(CreditScope.ACCOUNT, Currency.USD, 1)).text())
                .contains("(used 0.0001 + this order 0.0001)");
        // Futures: 2 × |-3.00| × 50 = 300.
        CreditLimitCheck futures = new CreditLimitCheck(book(config("*", "accountCreditLimit", "USD 300")));
        assertThat(futures.check(limit(ES, Side.SELL, 2, -300), new Context(ES))).isSameAs(CheckResult.accept());
        assertThat(futures.check(limit(ES, Side.SELL, 2, -325), new Context(ES)).text())
                .contains("this order 325)");
    }

    @Test
    void marketOrdersAreValuedAtTheLastTradeStopsAtTheirStopPrice() {
        CreditLimitCheck limits = new CreditLimitCheck(book(config("*", "accountCreditLimit", "USD 1000")));
        assertThat(limits.check(market(AAPL, Side.BUY, 10), new Context(AAPL).last(1_000_000, 10)))
                .isSameAs(CheckResult.accept());
        assertThat(limits.check(market(AAPL, Side.BUY, 11), new Context(AAPL).last(1_000_000, 10)).isRejected())
                .isTrue();
        assertThat(limits.check(market(AAPL, Side.BUY, 1), new Context(AAPL)).text())
                .isEqualTo("credit-limit: the MARKET order cannot be valued: no last trade of AAPL@SIMX_US is known,"
                        + " and the accountCreditLimit for * needs one");
        assertThat(limits.check(stop(AAPL, Side.SELL, 11, 1_000_000), new Context(AAPL)).text())
                .contains("this order 1,100)");
    }

    @Test
    void aReplaceIsDecidedAtItsNewSizeLessWhatHasFilled() {
        CreditLimitCheck limits = new CreditLimitCheck(book(config("*", "accountCreditLimit", "USD 10000")));
        // 400 of 1000 filled (in the executed credit, and the order left out of the working): 600 more at 10.00.
        Context replacing = new Context(AAPL).credit(CreditScope.ACCOUNT, Currency.USD, 4_000 * USD)
                .replacing(working(AAPL, Side.BUY, 1_000, 400, 100_000));
        assertThat(limits.check(limit(AAPL, Side.BUY, 1_000, 100_000), replacing)).isSameAs(CheckResult.accept());
        assertThat(limits.check(limit(AAPL, Side.BUY, 1_001, 100_000), replacing).text())
                .isEqualTo("credit-limit: account ACC-1 would use USD 10,010 of credit (used 4,000 + this order"
                        + " 6,010), over its limit of USD 10,000 for *");
    }

    @Test
    void identifiesItselfAndRunsBeforeTheOrderSizeCheck() {
        assertThat(check.id()).isEqualTo("credit-limit");
        assertThat(check.version()).isEqualTo("1.0.0");
        assertThat(check.order()).isEqualTo(190).isLessThan(new OrderSizeCheck(book()).order());
    }

    @Test
    void amountsAreWrittenWithThousandsSeparators() {
        assertThat(CreditLimitCheck.amount(10_002_500_000L)).isEqualTo("1,000,250");
        assertThat(CreditLimitCheck.amount(12_345)).isEqualTo("1.2345");
        assertThat(CreditLimitCheck.amount(0)).isEqualTo("0");
    }
}
