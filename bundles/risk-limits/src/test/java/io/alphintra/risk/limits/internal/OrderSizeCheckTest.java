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
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.alphintra.risk.limits.internal.Fixtures.Context;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.CheckResult.Outcome;

class OrderSizeCheckTest {

    @SafeVarargs
    private static OrderSizeCheck check(Map<String, Object>... configs) {
        return new OrderSizeCheck(book(configs));
    }

    private static CheckResult decide(OrderSizeCheck check, OrderRequest order) {
        return check.check(order, new Context(order.instrument()).last(1_900_000, 10));
    }

    @Test
    void rejectsAQuantityOverTheHardLimitAndAcceptsOneAtIt() {
        OrderSizeCheck check = check(config("account:ACC-1", "maxOrderQuantity", "1000"));
        assertThat(decide(check, limit(AAPL, Side.BUY, 1_000, 1_900_000))).isSameAs(CheckResult.accept());
        CheckResult over = decide(check, limit(AAPL, Side.SELL, 5_000, 1_900_000));
        assertThat(over.reason()).isEqualTo(RejectReason.RISK_LIMIT);
        assertThat(over.text()).isEqualTo("order-size: quantity 5000 of AAPL@SIMX_US over the limit of 1000 for"
                + " account:ACC-1");
        assertThat(decide(check, limit(AAPL, Side.BUY, 5_000, 1_900_000, BOB))).as("another account")
                .isSameAs(CheckResult.accept());
    }

    @Test
    void readsDecimalQuantitiesExactlyInTheInstrumentsUnits() {
        OrderSizeCheck check = check(config("instrument:BTC-USD@SIMX_CRYPTO", "maxOrderQuantity", "0.5"));
        assertThat(decide(check, limit(BTC, Side.BUY, 50_000_000, 6_500_000))).isSameAs(CheckResult.accept());
        CheckResult over = decide(check, limit(BTC, Side.BUY, 50_001_000, 6_500_000));
        assertThat(over.text()).isEqualTo("order-size: quantity 0.50001 of BTC-USD@SIMX_CRYPTO over the limit of 0.5"
                + " for instrument:BTC-USD@SIMX_CRYPTO");
    }

    @Test
    void aQuantityLimitOffTheInstrumentsGridIsNamedAsAConfigurationError() {
        OrderSizeCheck lots = check(config("*", "maxOrderQuantity", "150"));
        CheckResult jp = decide(lots, limit(TOYOTA, Side.BUY, 100, 2_900));
        assertThat(jp.isRejected()).isTrue();
        assertThat(jp.text()).isEqualTo("order-size: maxOrderQuantity = '150' for * (cfg-1) is off the quantity grid"
                + " of 7203@SIMX_JP (0 decimals, lots of 100); the limit cannot be applied, fix the configuration");
        assertThat(decide(lots, limit(AAPL, Side.BUY, 150, 1_900_000))).as("whole shares: 150 is on AAPL's grid")
                .isSameAs(CheckResult.accept());
        CheckResult fraction = decide(check(config("*", "maxOrderQuantity", "0.5")),
                limit(AAPL, Side.BUY, 1, 1_900_000));
        assertThat(fraction.text()).contains("maxOrderQuantity = '0.5' for * (cfg-1) is off the quantity grid of"
                + " AAPL@SIMX_US");
    }

    @Test
    void rejectsAValueOverTheHardLimitAndAcceptsOneExactlyAtIt() {
        OrderSizeCheck check = check(config("*", "maxOrderValue", "USD 1000000"));
        assertThat(decide(check, limit(AAPL, Side.BUY, 5_000, 2_000_000))).as("5000 x 200.00")
                .isSameAs(CheckResult.accept());
        CheckResult over = decide(check, limit(AAPL, Side.BUY, 5_000, 2_000_100));
        assertThat(over.text()).isEqualTo("order-size: order value USD 1000050 (5000 AAPL@SIMX_US at 200.01) over"
                + " the limit of USD 1000000 for *");
    }

    @Test
    void aValueLimitAppliesOnlyInTheCurrencyItNamesAndResolvesPerCurrency() {
        Map<String, Object> all = config("*", "maxOrderValue", "USD 1000000, JPY 150000000");
        Map<String, Object> alice = config("account:ACC-1", "maxOrderValue", "USD 2000000");
        OrderSizeCheck check = check(all, alice);
        assertThat(decide(check, limit(AAPL, Side.BUY, 10_000, 2_000_000))).as("ACC-1: USD 2,000,000")
                .isSameAs(CheckResult.accept());
        assertThat(decide(check, limit(AAPL, Side.BUY, 10_000, 2_000_000, BOB)).text())
                .endsWith("over the limit of USD 1000000 for *");
        assertThat(decide(check, limit(TOYOTA, Side.BUY, 5_000, 30_000))).as("ACC-1 in yen: JPY 150,000,000 of *")
                .isSameAs(CheckResult.accept());
        assertThat(decide(check, limit(TOYOTA, Side.BUY, 5_100, 30_000)).text()).isEqualTo("order-size: order value"
                + " JPY 153000000 (5100 7203@SIMX_JP at 30000) over the limit of JPY 150000000 for *");
        OrderSizeCheck usdOnly = check(config("*", "maxOrderValue", "USD 1000000"));
        assertThat(decide(usdOnly, limit(TOYOTA, Side.BUY, 100_000, 30_000))).as("no JPY amount: no value limit")
                .isSameAs(CheckResult.accept());
    }

    @Test
    void valuesMarketOrdersAtTheReferenceAndStopsAtTheirStopPrice() {
        OrderSizeCheck check = check(config("*", "maxOrderValue", "USD 1000000"));
        OrderRequest order = market(AAPL, Side.BUY, 5_000);
        assertThat(check.check(order, new Context(AAPL).last(2_000_000, 10))).isSameAs(CheckResult.accept());
        assertThat(check.check(order, new Context(AAPL).last(2_000_100, 10)).text()).isEqualTo("order-size: order"
                + " value USD 1000050 (5000 AAPL@SIMX_US at 200.01, the last trade) over the limit of USD 1000000"
                + " for *");
        CheckResult unknown = check.check(order, new Context(AAPL));
        assertThat(unknown.text()).isEqualTo("order-size: the MARKET order cannot be valued: no last trade of"
                + " AAPL@SIMX_US is known, and the value limit for * needs one");
        assertThat(check.check(stop(AAPL, Side.SELL, 5_000, 2_000_100), new Context(AAPL)).isRejected()).isTrue();
        assertThat(check.check(stop(AAPL, Side.SELL, 5_000, 2_000_000), new Context(AAPL)))
                .isSameAs(CheckResult.accept());
    }

    @Test
    void valuesFuturesWithTheirMultiplier() {
        OrderSizeCheck check = check(config("*", "maxOrderValue", "USD 2500000"));
        assertThat(decide(check, limit(ES, Side.BUY, 10, 500_000))).as("10 x 5000.00 x 50")
                .isSameAs(CheckResult.accept());
        assertThat(decide(check, limit(ES, Side.BUY, 11, 500_000)).text()).isEqualTo("order-size: order value USD"
                + " 2750000 (11 ESZ6@SIMX_US at 5000) over the limit of USD 2500000 for *");
        assertThat(decide(check, limit(ES, Side.SELL, 11, -500_000)).isRejected()).as("by magnitude").isTrue();
    }

    @Test
    void comparesValuesBeyondALongExactly() {
        // 20,000 BTC at 65,000.00: USD 1.3 billion, 1.3e19 units at scale 10, past Long.MAX_VALUE.
        OrderRequest order = limit(BTC, Side.BUY, 2_000_000_000_000L, 6_500_000);
        assertThat(decide(check(config("*", "maxOrderValue", "USD 1300000000")), order))
                .isSameAs(CheckResult.accept());
        assertThat(decide(check(config("*", "maxOrderValue", "USD 1299999999.99")), order).text())
                .isEqualTo("order-size: order value USD 1300000000 (20000 BTC-USD@SIMX_CRYPTO at 65000) over the"
                        + " limit of USD 1299999999.99 for *");
    }

    @Test
    void aValueLimitWithMoreDecimalsThanTheInstrumentsValuesIsAConfigurationError() {
        CheckResult result = decide(check(config("*", "maxOrderValue", "USD 1000.00001")),
                limit(AAPL, Side.BUY, 1, 1_900_000));
        assertThat(result.text()).isEqualTo("order-size: maxOrderValue USD 1000.00001 for * (cfg-1) is off the value"
                + " grid of AAPL@SIMX_US (values at 4 decimals); the limit cannot be applied, fix the configuration");
    }

    @Test
    void theSoftTierHoldsTheOrderForAnAuthorisedOverride() {
        OrderSizeCheck check = check(config("*", "maxOrderQuantity", "1000", "warnOrderQuantity", "500",
                "maxOrderValue", "USD 1000000", "warnOrderValue", "USD 100000"));
        assertThat(decide(check, limit(AAPL, Side.BUY, 500, 2_000_000))).isSameAs(CheckResult.accept());
        CheckResult quantity = decide(check, limit(AAPL, Side.BUY, 600, 100_000));
        assertThat(quantity.outcome()).isEqualTo(Outcome.HOLD);
        assertThat(quantity.text()).isEqualTo("order-size: quantity 600 of AAPL@SIMX_US over the soft limit of 500"
                + " for * (held for an authorised override)");
        CheckResult both = decide(check, limit(AAPL, Side.BUY, 600, 2_000_000));
        assertThat(both.outcome()).isEqualTo(Outcome.HOLD);
        assertThat(both.text()).contains("quantity 600 of AAPL@SIMX_US over the soft limit of 500", "; order-size:"
                + " order value USD 120000 (600 AAPL@SIMX_US at 200) over the soft limit of USD 100000 for *");
        assertThat(decide(check, limit(AAPL, Side.BUY, 1_001, 100_000)).isRejected()).as("the hard tier first")
                .isTrue();
    }

    @Test
    void theSoftTierWarnsAndLetsTheOrderPassWhereTheScopeSaysWarn() {
        OrderSizeCheck check = check(config("*", "maxOrderQuantity", "1000", "warnOrderQuantity", "500",
                "maxOrderValue", "USD 1000000", "warnOrderValue", "USD 100000", "softLimitAction", "warn"));
        assertThat(decide(check, limit(AAPL, Side.BUY, 500, 2_000_000))).isSameAs(CheckResult.accept());
        CheckResult quantity = decide(check, limit(AAPL, Side.BUY, 600, 100_000));
        assertThat(quantity.outcome()).isEqualTo(Outcome.WARN);
        assertThat(quantity.text()).isEqualTo("order-size: quantity 600 of AAPL@SIMX_US over the soft limit of 500"
                + " for * (warning only: softLimitAction = warn)");
        CheckResult both = decide(check, limit(AAPL, Side.BUY, 600, 2_000_000));
        assertThat(both.outcome()).isEqualTo(Outcome.WARN);
        assertThat(both.text()).contains("quantity 600 of AAPL@SIMX_US over the soft limit of 500")
                .contains("; order-size: order value USD 120000 (600 AAPL@SIMX_US at 200) over the soft limit of"
                        + " USD 100000 for *");
        assertThat(decide(check, limit(AAPL, Side.BUY, 1_001, 100_000)).isRejected()).as("the hard tier first")
                .isTrue();
    }

    @Test
    void noneAtAMoreSpecificScopeLiftsALimit() {
        OrderSizeCheck check = check(config("*", "maxOrderQuantity", "100"),
                config("strategy:momentum-1", "maxOrderQuantity", "none"));
        assertThat(decide(check, limit(AAPL, Side.BUY, 1_000_000, 1_900_000))).isSameAs(CheckResult.accept());
        assertThat(decide(check, limit(AAPL, Side.BUY, 101, 1_900_000, BOB)).isRejected()).isTrue();
    }

    @Test
    void identifiesItself() {
        OrderSizeCheck check = check(config("*", "maxOrderQuantity", "100"));
        assertThat(check.id()).isEqualTo("order-size");
        assertThat(check.version()).isEqualTo("1.0.0");
        assertThat(check.order()).isEqualTo(200);
    }
}
