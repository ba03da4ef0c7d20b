package io.alphintra.risk.limits.internal;

import static io.alphintra.risk.limits.internal.Fixtures.AAPL;
import static io.alphintra.risk.limits.internal.Fixtures.BOB;
import static io.alphintra.risk.limits.internal.Fixtures.ES;
import static io.alphintra.risk.limits.internal.Fixtures.TOYOTA;
import static io.alphintra.risk.limits.internal.Fixtures.book;
import static io.alphintra.risk.limits.internal.Fixtures.config;
import static io.alphintra.risk.limits.internal.Fixtures.limit;
import static io.alphintra.risk.limits.internal.Fixtures.market;
import static io.alphintra.risk.limits.internal.Fixtures.stop;
import static io.alphintra.risk.limits.internal.Fixtures.stopLimit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.alphintra.risk.limits.internal.Fixtures.Context;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.risk.CheckResult;

class PriceCollarCheckTest {

    private static Map<String, Object> collar(String scope, String basisPoints) {
        return config(scope, "priceCollarBasisPoints", basisPoints, "maxReferenceAgeMillis", "5000");
    }

    private static PriceCollarCheck check(String basisPoints) {
        return new PriceCollarCheck(book(collar("*", basisPoints)));
    }

    /** Whether a buy at {@code price} passes with the last trade at {@code reference}, one second old. */
    private static boolean passes(PriceCollarCheck check, Instrument instrument, long reference, long price) {
        CheckResult result = check.check(limit(instrument, Side.BUY, instrument.lotSize(), price),
                new Context(instrument).last(reference, 1000));
        return !result.isRejected();
    }

    @Test
    void acceptsAtTheBandEdgesAndRejectsOneTickBeyond() {
        PriceCollarCheck check = check("1000"); // 10 %
        assertThat(passes(check, AAPL, 1_000_000, 1_100_000)).as("110.00").isTrue();
        assertThat(passes(check, AAPL, 1_000_000, 1_100_100)).as("110.01").isFalse();
        assertThat(passes(check, AAPL, 1_000_000, 900_000)).as("90.00").isTrue();
        assertThat(passes(check, AAPL, 1_000_000, 899_900)).as("89.99").isFalse();
    }

    @Test
    void roundsEdgesThatFallBetweenTicksInward() {
        PriceCollarCheck check = check("1000");
        // last 100.05: the true band is 90.045 to 110.055; on the cent grid inside it, 90.05 to 110.05.
        assertThat(passes(check, AAPL, 1_000_500, 1_100_500)).as("110.05").isTrue();
        assertThat(passes(check, AAPL, 1_000_500, 1_100_600)).as("110.06").isFalse();
        assertThat(passes(check, AAPL, 1_000_500, 900_500)).as("90.05").isTrue();
        assertThat(passes(check, AAPL, 1_000_500, 900_400)).as("90.04").isFalse();
    }

    @Test
    void usesTheSubDollarTickBelowOneDollar() {
        PriceCollarCheck check = check("1000");
        // last 0.5000: 0.4500 to 0.5500 on the 0.0001 grid.
        assertThat(passes(check, AAPL, 5_000, 5_500)).isTrue();
        assertThat(passes(check, AAPL, 5_000, 5_501)).isFalse();
        assertThat(passes(check, AAPL, 5_000, 4_500)).isTrue();
        assertThat(passes(check, AAPL, 5_000, 4_499)).isFalse();
    }

    @Test
    void eachEdgeUsesTheTickOfItsOwnBandWhereTheBandCrossesOneDollar() {
        PriceCollarCheck fivePercent = check("500");
        // last 1.05: true band 0.9975 to 1.1025; the lower edge on the 0.0001 grid, the upper on the cent grid.
        assertThat(passes(fivePercent, AAPL, 10_500, 11_000)).as("1.10").isTrue();
        assertThat(passes(fivePercent, AAPL, 10_500, 11_100)).as("1.11").isFalse();
        assertThat(passes(fivePercent, AAPL, 10_500, 9_975)).as("0.9975").isTrue();
        assertThat(passes(fivePercent, AAPL, 10_500, 9_974)).as("0.9974").isFalse();
        // last 0.98: true band 0.931 to 1.029.
        assertThat(passes(fivePercent, AAPL, 9_800, 10_200)).as("1.02").isTrue();
        assertThat(passes(fivePercent, AAPL, 9_800, 10_300)).as("1.03").isFalse();
        assertThat(passes(fivePercent, AAPL, 9_800, 9_310)).as("0.9310").isTrue();
        assertThat(passes(fivePercent, AAPL, 9_800, 9_309)).as("0.9309").isFalse();
    }

    @Test
    void followsTheTokyoTickTable() {
        PriceCollarCheck check = check("1000");
        // last 2951 yen: true band 2655.9 to 3246.1; below 3000 the tick is 1 yen, above it 5 yen.
        assertThat(passes(check, TOYOTA, 2_951, 3_245)).isTrue();
        assertThat(passes(check, TOYOTA, 2_951, 3_250)).isFalse();
        assertThat(passes(check, TOYOTA, 2_951, 2_656)).isTrue();
        assertThat(passes(check, TOYOTA, 2_951, 2_655)).isFalse();
        // last 4810 yen: true band 4329 to 5291; 5 yen ticks below 5000, 10 yen from it.
        assertThat(passes(check, TOYOTA, 4_810, 5_290)).isTrue();
        assertThat(passes(check, TOYOTA, 4_810, 5_300)).isFalse();
        assertThat(passes(check, TOYOTA, 4_810, 4_330)).isTrue();
        assertThat(passes(check, TOYOTA, 4_810, 4_325)).isFalse();
    }

    @Test
    void collarsNegativeFuturesPricesSymmetrically() {
        PriceCollarCheck check = check("1000");
        // last -10.00: -11.00 to -9.00 on the 0.25 grid.
        assertThat(passes(check, ES, -1_000, -900)).isTrue();
        assertThat(passes(check, ES, -1_000, -875)).isFalse();
        assertThat(passes(check, ES, -1_000, -1_100)).isTrue();
        assertThat(passes(check, ES, -1_000, -1_125)).isFalse();
    }

    @Test
    void namesTheCheckThePriceTheBandAndTheScope() {
        CheckResult result = check("1000").check(limit(AAPL, Side.BUY, 10, 1_100_100),
                new Context(AAPL).last(1_000_000, 10));
        assertThat(result.reason()).isEqualTo(RejectReason.RISK_LIMIT);
        assertThat(result.text()).isEqualTo("price-collar: limit price 110.01 (1100100 units) of AAPL@SIMX_US above"
                + " the collar (band 90 to 110: the last trade 100 ± 10%) for *");
    }

    @Test
    void aMidReferenceCollarsAroundTheMidAndTrustsItOnlyWhileFresh() {
        PriceCollarCheck check = new PriceCollarCheck(book(config("*", "priceCollarBasisPoints", "1000",
                "priceCollarReference", "mid", "maxReferenceAgeMillis", "5000")));
        // A last trade far away does not matter: the mid decides.
        Context context = new Context(AAPL).last(5_000_000, 10).mid(1_000_000, 10);
        assertThat(check.check(limit(AAPL, Side.BUY, 10, 1_100_000), context)).isSameAs(CheckResult.accept());
        CheckResult above = check.check(limit(AAPL, Side.BUY, 10, 1_100_100), context);
        assertThat(above.text()).isEqualTo("price-collar: limit price 110.01 (1100100 units) of AAPL@SIMX_US above"
                + " the collar (band 90 to 110: the mid 100 ± 10%) for *");
        CheckResult none = check.check(limit(AAPL, Side.BUY, 10, 1_000_000), new Context(AAPL).last(1_000_000, 10));
        assertThat(none.text()).isEqualTo("price-collar: no mid of AAPL@SIMX_US is known (no best bid and ask, or a"
                + " crossed book), so the collar of ±10% for * cannot be placed");
        CheckResult stale = check.check(limit(AAPL, Side.BUY, 10, 1_000_000),
                new Context(AAPL).last(1_000_000, 10).mid(1_000_000, 5_001));
        assertThat(stale.text()).isEqualTo("price-collar: the mid of AAPL@SIMX_US is 5.001 s old, older than the 5 s"
                + " the collar for * trusts");
        assertThat(check.check(market(AAPL, Side.BUY, 10), new Context(AAPL).mid(1_000_000, 10)))
                .as("a market order on a fresh mid").isSameAs(CheckResult.accept());
    }

    @Test
    void rejectsWithoutAReferenceOrWithAStaleOne() {
        PriceCollarCheck check = check("1000");
        OrderRequest order = limit(AAPL, Side.BUY, 10, 1_000_000);
        CheckResult none = check.check(order, new Context(AAPL));
        assertThat(none.isRejected()).isTrue();
        assertThat(none.text()).isEqualTo("price-collar: no last trade of AAPL@SIMX_US is known, so the collar of"
                + " ±10% for * cannot be placed");
        assertThat(check.check(order, new Context(AAPL).last(1_000_000, 5_000)).isRejected())
                .as("exactly the maximum age").isFalse();
        CheckResult stale = check.check(order, new Context(AAPL).last(1_000_000, 5_001));
        assertThat(stale.isRejected()).isTrue();
        assertThat(stale.text()).isEqualTo("price-collar: the last trade of AAPL@SIMX_US is 5.001 s old, older than"
                + " the 5 s the collar for * trusts");
    }

    @Test
    void aMarketOrderPassesOnAFreshReferenceOnly() {
        PriceCollarCheck check = check("1000");
        OrderRequest order = market(AAPL, Side.BUY, 10);
        assertThat(check.check(order, new Context(AAPL).last(1_000_000, 10))).isSameAs(CheckResult.accept());
        assertThat(check.check(order, new Context(AAPL).last(1_000_000, 6_000)).isRejected()).isTrue();
        assertThat(check.check(order, new Context(AAPL)).isRejected()).isTrue();
    }

    @Test
    void aStopLimitIsCollaredAgainstItsStopPriceAndAStopPasses() {
        PriceCollarCheck check = check("1000");
        Context noMarket = new Context(AAPL);
        assertThat(check.check(stop(AAPL, Side.SELL, 10, 500_000), noMarket)).isSameAs(CheckResult.accept());
        assertThat(check.check(stopLimit(AAPL, Side.BUY, 10, 1_000_000, 1_100_000), noMarket))
                .isSameAs(CheckResult.accept());
        CheckResult far = check.check(stopLimit(AAPL, Side.BUY, 10, 1_000_000, 1_100_100), noMarket);
        assertThat(far.text()).isEqualTo("price-collar: limit price 110.01 (1100100 units) of AAPL@SIMX_US above"
                + " the collar (band 90 to 110: the stop price 100 ± 10%) for *");
    }

    @Test
    void theMostSpecificScopeDecidesAndNoneLiftsTheCollar() {
        PriceCollarCheck check = new PriceCollarCheck(book(collar("*", "1000"), collar("account:ACC-1", "500"),
                config("account:ACC-1 instrument:7203@SIMX_JP", "priceCollarBasisPoints", "none")));
        assertThat(passes(check, AAPL, 1_000_000, 1_060_000)).as("ACC-1 at 5 %").isFalse();
        assertThat(passes(check, AAPL, 1_000_000, 1_050_000)).isTrue();
        CheckResult bob = check.check(limit(AAPL, Side.BUY, 10, 1_060_000, BOB),
                new Context(AAPL).last(1_000_000, 10));
        assertThat(bob).as("ACC-2 at the 10 % of *").isSameAs(CheckResult.accept());
        assertThat(check.check(limit(TOYOTA, Side.BUY, 100, 9_000), new Context(TOYOTA)))
                .as("no collar for ACC-1 in 7203, not even a reference needed").isSameAs(CheckResult.accept());
        CheckResult rejected = check.check(limit(AAPL, Side.BUY, 10, 1_060_000), new Context(AAPL).last(1_000_000, 1));
        assertThat(rejected.text()).endsWith("for account:ACC-1");
    }

    @Test
    void acceptsEverythingWithoutACollarConfigured() {
        PriceCollarCheck check = new PriceCollarCheck(book(config("*", "maxOrderQuantity", "100")));
        assertThat(check.check(limit(AAPL, Side.BUY, 10, 99_000_000), new Context(AAPL)))
                .isSameAs(CheckResult.accept());
    }

    @Test
    void bandEdgesAreExactForExtremePrices() {
        assertThat(PriceCollarCheck.delta(Long.MAX_VALUE, 100_000)).isEqualTo(Long.MAX_VALUE);
        assertThat(PriceCollarCheck.delta(123_456_789_012_345L, 1)).isEqualTo(12_345_678_901L);
        assertThat(PriceCollarCheck.delta(-9_999, 10_000)).isEqualTo(9_999);
        assertThat(PriceCollarCheck.delta(9_999, 1)).isZero();
    }

    @Test
    void identifiesItself() {
        PriceCollarCheck check = check("1000");
        assertThat(check.id()).isEqualTo("price-collar");
        assertThat(check.version()).isEqualTo("1.0.0");
        assertThat(check.order()).isEqualTo(210);
    }
}
