package io.alphintra.compliance.baseline.internal;

import static io.alphintra.compliance.baseline.internal.Fixtures.AAPL;
import static io.alphintra.compliance.baseline.internal.Fixtures.AAPL_OTHER_VENUE;
import static io.alphintra.compliance.baseline.internal.Fixtures.BTC;
import static io.alphintra.compliance.baseline.internal.Fixtures.MSFT;
import static io.alphintra.compliance.baseline.internal.Fixtures.SAP;
import static io.alphintra.compliance.baseline.internal.Fixtures.TENCENT;
import static io.alphintra.compliance.baseline.internal.Fixtures.TOYOTA;
import static io.alphintra.compliance.baseline.internal.Fixtures.config;
import static io.alphintra.compliance.baseline.internal.Fixtures.context;
import static io.alphintra.compliance.baseline.internal.Fixtures.limit;
import static io.alphintra.compliance.baseline.internal.Fixtures.market;
import static io.alphintra.compliance.baseline.internal.Fixtures.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.alphintra.compliance.baseline.internal.Fixtures.Context;
import io.alphintra.sdk.compliance.ComplianceDecision;
import io.alphintra.sdk.compliance.Verdict;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;

/** Every rule with a case that passes and a case that it stops; every decision records the rule set's version. */
class BaselineRuleSetTest {
    private static final BaselineRuleSet US = ruleSet(config("US"));

    /** Evaluates and checks what every decision must record: rule set id, version and jurisdiction. */
    private static ComplianceDecision decide(BaselineRuleSet ruleSet, OrderRequest order, Context context) {
        ComplianceDecision decision = ruleSet.evaluate(order, context);
        assertThat(decision.ruleSetVersion()).isEqualTo("1.2.3");
        assertThat(decision.ruleSetId()).isEqualTo("baseline-" + ruleSet.jurisdiction().code().toLowerCase());
        assertThat(decision.jurisdiction()).isEqualTo(ruleSet.jurisdiction());
        return decision;
    }

    private static void assertRejected(ComplianceDecision decision, String ruleId, String reason) {
        assertThat(decision.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(decision.ruleId()).isEqualTo(ruleId);
        assertThat(decision.reason()).isEqualTo(reason);
    }

    private static void assertAccepted(ComplianceDecision decision) {
        assertThat(decision.verdict()).as("%s", decision).isEqualTo(Verdict.ACCEPT);
        assertThat(decision.ruleId()).isNull();
    }

    @Test
    void identifiesItselfByJurisdictionAndConfiguredVersion() {
        assertThat(US.id()).isEqualTo("baseline-us");
        assertThat(US.jurisdiction()).isEqualTo(Jurisdiction.US);
        assertThat(US.version()).isEqualTo("1.2.3");
        assertAccepted(decide(US, limit(AAPL, Side.BUY, 100, 1_900_000), context(AAPL)));
    }

    @Test
    void aNewVersionIsRecordedInItsDecisions() {
        Map<String, Object> map = config("US");
        map.put("version", "2.0.0-rc.1");
        BaselineRuleSet next = ruleSet(map);
        assertThat(next.evaluate(limit(AAPL, Side.BUY, 100, 1_900_000), context(AAPL)).ruleSetVersion())
                .isEqualTo("2.0.0-rc.1");
        assertThat(next.evaluate(limit(AAPL, Side.SELL_SHORT, 100, 1_900_000), context(AAPL)).ruleSetVersion())
                .isEqualTo("2.0.0-rc.1");
    }

    @Nested
    class TradingHalt {
        @Test
        void rejectsAnyOrderInAHaltedInstrument() {
            assertRejected(decide(US, limit(AAPL, Side.BUY, 100, 1_900_000), context(AAPL).halted()),
                    "trading-halt", "Trading halt: AAPL@SIMX_US is halted");
        }

        @Test
        void passesWhenNotHalted() {
            assertAccepted(decide(US, limit(AAPL, Side.SELL, 100, 1_900_000), context(AAPL).net(100)));
        }
    }

    @Nested
    class RestrictedList {
        private final BaselineRuleSet ruleSet = restricted("AAPL@SIMX_US, MSFT");

        private static BaselineRuleSet restricted(String list) {
            Map<String, Object> map = config("US");
            map.put("restrictedList", list);
            return ruleSet(map);
        }

        @Test
        void rejectsAListedInstrumentId() {
            assertRejected(decide(ruleSet, limit(AAPL, Side.BUY, 100, 1_900_000), context(AAPL)), "restricted-list",
                    "Restricted list (Exchange Act 15(g)): AAPL@SIMX_US is on the restricted list (entry"
                            + " AAPL@SIMX_US)");
        }

        @Test
        void aListedSymbolCoversEveryVenue() {
            assertRejected(decide(ruleSet, limit(MSFT, Side.SELL, 10, 4_100_000), context(MSFT).net(10)),
                    "restricted-list", "Restricted list (Exchange Act 15(g)): MSFT@SIMX_US is on the restricted list"
                            + " (entry MSFT)");
        }

        @Test
        void passesInstrumentsNotListed() {
            assertAccepted(decide(ruleSet, limit(AAPL_OTHER_VENUE, Side.BUY, 100, 1_900_000),
                    context(AAPL_OTHER_VENUE)));
            assertAccepted(decide(restricted(""), limit(AAPL, Side.BUY, 100, 1_900_000), context(AAPL)));
        }

        @Test
        void rejectsWhatTheHostRestrictsForTheAccount() {
            assertRejected(decide(US, limit(AAPL, Side.BUY, 100, 1_900_000), context(AAPL).restricted()),
                    "restricted-list", "Restricted list (Exchange Act 15(g)): AAPL@SIMX_US is restricted for account"
                            + " ACC-1 (host restricted list)");
        }

        @Test
        void citesMarInTheEu() {
            Map<String, Object> map = config("EU");
            map.put("restrictedList", "SAP");
            assertRejected(decide(ruleSet(map), limit(SAP, Side.BUY, 10, 240_000), context(SAP)), "restricted-list",
                    "Restricted list (MAR Art 14): SAP@SIMX_EU is on the restricted list (entry SAP)");
        }
    }

    @Nested
    class AssetClass {
        @Test
        void rejectsAnAssetClassNotAllowed() {
            Map<String, Object> map = config("US");
            map.put("allowedAssetClasses", "EQUITY, FX_SPOT");
            assertRejected(decide(ruleSet(map), limit(BTC, Side.BUY, 100_000, 6_500_000), context(BTC)),
                    "asset-class", "Permitted asset classes: CRYPTO BTC-USD@SIMX_CRYPTO may not be traded under rule"
                            + " set baseline-us (allowed: EQUITY, FX_SPOT)");
        }

        @Test
        void passesAnAllowedAssetClass() {
            Map<String, Object> map = config("US");
            map.put("allowedAssetClasses", "equity, crypto");
            assertAccepted(decide(ruleSet(map), limit(BTC, Side.BUY, 100_000, 6_500_000), context(BTC)));
            assertAccepted(decide(US, limit(BTC, Side.BUY, 100_000, 6_500_000), context(BTC)));
        }
    }

    @Nested
    class ShortMarking {
        @Test
        void rejectsAnUnmarkedSaleThatGoesShort() {
            assertRejected(decide(US, limit(AAPL, Side.SELL, 100, 1_900_000), context(AAPL).net(40)),
                    "short-marking", "Reg SHO 200(g): SELL of 100 AAPL@SIMX_US would take account ACC-1 from 40 to"
                            + " -60; mark it SELL_SHORT or SELL_SHORT_EXEMPT");
        }

        @Test
        void rejectsAnUnmarkedSaleOneShareShort() {
            assertRejected(decide(US, limit(AAPL, Side.SELL, 100, 1_900_000), context(AAPL).net(99)),
                    "short-marking", "Reg SHO 200(g): SELL of 100 AAPL@SIMX_US would take account ACC-1 from 99 to"
                            + " -1; mark it SELL_SHORT or SELL_SHORT_EXEMPT");
        }

        @Test
        void passesALongSaleDownToZero() {
            assertAccepted(decide(US, limit(AAPL, Side.SELL, 100, 1_900_000), context(AAPL).net(100)));
        }

        @Test
        void passesAMarkedShortSale() {
            assertAccepted(decide(US, limit(AAPL, Side.SELL_SHORT, 100, 1_900_000),
                    context(AAPL).located(100).prices(1_900_000, 1_900_000)));
        }

        @Test
        void citesTheJurisdiction() {
            assertRejected(decide(ruleSet(config("EU")), limit(SAP, Side.SELL, 5, 240_000), context(SAP)),
                    "short-marking", "SSR 236/2012, MiFIR Art 26 short-selling indicator: SELL of 5 SAP@SIMX_EU would"
                            + " take account ACC-1 from 0 to -5; mark it SELL_SHORT or SELL_SHORT_EXEMPT");
        }

        @Test
        void doesNotApplyToInstrumentsWithoutShortMarking() {
            // Selling crypto below zero is no short sale under these rules; the SDK forbids marking it.
            assertAccepted(decide(US, limit(BTC, Side.SELL, 100_000, 6_500_000), context(BTC)));
        }

        /** Two sells of 60 sent together against a long 100: the second may count only the 40 the first left. */
        @Test
        void aSecondSellCountsOnlyWhatTheWorkingSellsLeaveLong() {
            assertAccepted(decide(US, limit(AAPL, Side.SELL, 60, 1_900_000), context(AAPL).net(100)));
            assertRejected(decide(US, limit(AAPL, Side.SELL, 60, 1_900_000), context(AAPL).net(100).workingSells(60)),
                    "short-marking", "Reg SHO 200(g): SELL of 60 AAPL@SIMX_US would take account ACC-1 from 100 (40"
                            + " after its working sells of 60) to -20; mark it SELL_SHORT or SELL_SHORT_EXEMPT");
        }

        @Test
        void passesASellThatTheWorkingSellsLeaveCovered() {
            assertAccepted(decide(US, limit(AAPL, Side.SELL, 40, 1_900_000), context(AAPL).net(100).workingSells(60)));
        }

        @Test
        void workingSellsOfAFlatAccountMakeASellShort() {
            assertRejected(decide(US, limit(AAPL, Side.SELL, 1, 1_900_000), context(AAPL).workingSells(10)),
                    "short-marking", "Reg SHO 200(g): SELL of 1 AAPL@SIMX_US would take account ACC-1 from 0 (-10"
                            + " after its working sells of 10) to -11; mark it SELL_SHORT or SELL_SHORT_EXEMPT");
        }

        @Test
        void coverDoesNotOverflow() {
            assertThat(BaselineRuleSet.longCover(100, 60)).isEqualTo(40);
            assertThat(BaselineRuleSet.longCover(Long.MAX_VALUE, 0)).isEqualTo(Long.MAX_VALUE);
            assertThat(BaselineRuleSet.longCover(Long.MIN_VALUE, 1)).isEqualTo(Long.MIN_VALUE);
            assertThat(BaselineRuleSet.longCover(-2, Long.MAX_VALUE)).isEqualTo(Long.MIN_VALUE);
            assertThat(BaselineRuleSet.longCover(-1, Long.MAX_VALUE)).isEqualTo(Long.MIN_VALUE);
            ComplianceDecision deeplyShort = decide(US, limit(AAPL, Side.SELL, 1, 1_900_000),
                    context(AAPL).net(Long.MIN_VALUE + 1).workingSells(Long.MAX_VALUE));
            assertThat(deeplyShort.ruleId()).isEqualTo("short-marking");
            assertThat(deeplyShort.reason()).contains("after its working sells of");
        }

        @Test
        void ignoresANegativeWorkingSellQuantity() {
            assertRejected(decide(US, limit(AAPL, Side.SELL, 101, 1_900_000), context(AAPL).net(100).workingSells(-50)),
                    "short-marking", "Reg SHO 200(g): SELL of 101 AAPL@SIMX_US would take account ACC-1 from 100 to"
                            + " -1; mark it SELL_SHORT or SELL_SHORT_EXEMPT");
        }

        @Test
        void isOffWhenNotEnabled() {
            Map<String, Object> map = config("US");
            map.put("rules", "none");
            assertAccepted(decide(ruleSet(map), limit(AAPL, Side.SELL, 100, 1_900_000), context(AAPL)));
        }
    }

    @Nested
    class Locate {
        @Test
        void rejectsAShortSaleWithoutALocate() {
            assertRejected(decide(US, limit(AAPL, Side.SELL_SHORT, 100, 1_900_000), context(AAPL)),
                    "locate-required", "Reg SHO 203(b): short sale of 100 AAPL@SIMX_US needs a locate; located 0");
        }

        @Test
        void rejectsALocateShortOfTheQuantity() {
            assertRejected(decide(US, limit(AAPL, Side.SELL_SHORT, 100, 1_900_000), context(AAPL).located(99)),
                    "locate-required", "Reg SHO 203(b): short sale of 100 AAPL@SIMX_US needs a locate; located 99");
        }

        @Test
        void passesALocatedShortSale() {
            assertAccepted(decide(US, limit(AAPL, Side.SELL_SHORT, 100, 1_900_000),
                    context(AAPL).located(100).prices(1_900_000, 1_900_000)));
        }

        @Test
        void shortExemptNeedsALocateByDefault() {
            assertRejected(decide(US, limit(AAPL, Side.SELL_SHORT_EXEMPT, 100, 1_900_000), context(AAPL)),
                    "locate-required", "Reg SHO 203(b): short sale of 100 AAPL@SIMX_US needs a locate; located 0");
        }

        @Test
        void shortExemptPassesWhereConfiguredAsALocateException() {
            Map<String, Object> map = config("US");
            map.put("shortExemptNeedsLocate", "false");
            assertAccepted(decide(ruleSet(map), limit(AAPL, Side.SELL_SHORT_EXEMPT, 100, 1_900_000),
                    context(AAPL)));
        }

        @Test
        void unmarkedShortSalesNeedALocateWhereMarkingIsOff() {
            Map<String, Object> map = config("US");
            map.put("rules", "locate-required");
            assertRejected(decide(ruleSet(map), limit(AAPL, Side.SELL, 100, 1_900_000), context(AAPL).net(50)),
                    "locate-required", "Reg SHO 203(b): short sale of 100 AAPL@SIMX_US needs a locate; located 0");
            assertAccepted(decide(ruleSet(map), limit(AAPL, Side.SELL, 50, 1_900_000), context(AAPL).net(50)));
        }

        @Test
        void anUnmarkedSellBeyondWhatWorkingSellsLeaveNeedsALocateWhereMarkingIsOff() {
            Map<String, Object> map = config("US");
            map.put("rules", "locate-required");
            assertAccepted(decide(ruleSet(map), limit(AAPL, Side.SELL, 60, 1_900_000), context(AAPL).net(100)));
            assertRejected(decide(ruleSet(map), limit(AAPL, Side.SELL, 60, 1_900_000),
                    context(AAPL).net(100).workingSells(60)), "locate-required", "Reg SHO 203(b): short sale of 60"
                            + " AAPL@SIMX_US needs a locate; located 0");
        }

        @Test
        void citesSsrArticle12InTheEu() {
            assertRejected(decide(ruleSet(config("EU")), limit(SAP, Side.SELL_SHORT, 5, 240_000), context(SAP)),
                    "locate-required", "SSR 236/2012 Art 12: short sale of 5 SAP@SIMX_EU needs a locate; located 0");
        }
    }

    /** Previous close 190.00; a last price of 171.00 is exactly 10 % down. */
    @Nested
    class RegSho201 {
        private static final long CLOSE = 1_900_000;
        private static final long TEN_PERCENT_DOWN = 1_710_000;

        private Context triggered() {
            return context(AAPL).located(1_000).prices(CLOSE, TEN_PERCENT_DOWN).book(1_709_900, 1_710_100);
        }

        @Test
        void rejectsAShortSaleAtTheBestBidOnceDownTenPercent() {
            assertRejected(decide(US, limit(AAPL, Side.SELL_SHORT, 100, 1_709_900), triggered()), "reg-sho-201",
                    "Reg SHO 201: AAPL@SIMX_US at 171 is down 10 % or more from the previous close 190; short sale at"
                            + " 170.99 is at or below the best bid 170.99");
        }

        @Test
        void passesAShortSaleAboveTheBestBid() {
            assertAccepted(decide(US, limit(AAPL, Side.SELL_SHORT, 100, 1_710_000), triggered()));
        }

        @Test
        void passesAShortSaleAtTheBidWhileDownLessThanTenPercent() {
            Context context = context(AAPL).located(1_000).prices(CLOSE, TEN_PERCENT_DOWN + 100)
                    .book(1_709_900, 1_710_100);
            assertAccepted(decide(US, limit(AAPL, Side.SELL_SHORT, 100, 1_709_900), context));
        }

        @Test
        void appliesToAnUnmarkedSellThatWorkingSellsMakeShortWhereMarkingIsOff() {
            Map<String, Object> map = config("US");
            map.put("rules", "locate-required, reg-sho-201");
            BaselineRuleSet ruleSet = ruleSet(map);
            assertAccepted(decide(ruleSet, limit(AAPL, Side.SELL, 60, 1_709_900), triggered().net(100)));
            assertRejected(decide(ruleSet, limit(AAPL, Side.SELL, 60, 1_709_900), triggered().net(100)
                    .workingSells(60)), "reg-sho-201", "Reg SHO 201: AAPL@SIMX_US at 171 is down 10 % or more from"
                            + " the previous close 190; short sale at 170.99 is at or below the best bid 170.99");
        }

        @Test
        void passesShortExemptOrders() {
            assertAccepted(decide(US, limit(AAPL, Side.SELL_SHORT_EXEMPT, 100, 1_709_900), triggered()));
        }

        @Test
        void rejectsAMarketShortSaleWhileTriggered() {
            assertRejected(decide(US, market(AAPL, Side.SELL_SHORT, 100), triggered()), "reg-sho-201",
                    "Reg SHO 201: AAPL@SIMX_US at 171 is down 10 % or more from the previous close 190; a MARKET"
                            + " short sale may execute at or below the best bid");
        }

        @Test
        void rejectsWhenTheBestBidIsUnknownWhileTriggered() {
            Context context = context(AAPL).located(1_000).prices(CLOSE, TEN_PERCENT_DOWN).book(0, 1_710_100);
            assertRejected(decide(US, limit(AAPL, Side.SELL_SHORT, 100, 1_720_000), context), "reg-sho-201",
                    "Reg SHO 201: AAPL@SIMX_US at 171 is down 10 % or more from the previous close 190; the best bid"
                            + " is unknown, so the short sale at 172 cannot be shown to be above it");
        }

        @Test
        void alertsWhenThePreviousCloseIsUnknownForAShortSale() {
            ComplianceDecision decision = decide(US, limit(AAPL, Side.SELL_SHORT, 100, 1_709_900),
                    context(AAPL).located(1_000).lastOnly(TEN_PERCENT_DOWN).book(1_709_900, 1_710_100));
            assertThat(decision.verdict()).isEqualTo(Verdict.ALERT);
            assertThat(decision.accepted()).isTrue();
            assertThat(decision.ruleId()).isEqualTo("reg-sho-201");
            assertThat(decision.reason()).isEqualTo("Reg SHO 201: previous close of AAPL@SIMX_US unknown; circuit"
                    + " breaker not checked");
        }

        @Test
        void saysNothingOfAnUnknownCloseWhenItDoesNotMatter() {
            assertAccepted(decide(US, limit(AAPL, Side.SELL, 100, 1_709_900), context(AAPL).net(100)));
            assertAccepted(decide(US, limit(AAPL, Side.SELL_SHORT_EXEMPT, 100, 1_709_900),
                    context(AAPL).located(100)));
        }

        @Test
        void declineIsExactAtTheTenPercentEdge() {
            assertThat(BaselineRuleSet.declined(1_000, 900)).isTrue();
            assertThat(BaselineRuleSet.declined(1_000, 901)).isFalse();
            assertThat(BaselineRuleSet.declined(1_001, 900)).isTrue();
            assertThat(BaselineRuleSet.declined(1_001, 901)).isFalse(); // 9.99 %
            assertThat(BaselineRuleSet.declined(1_000, 1_100)).isFalse();
            assertThat(BaselineRuleSet.declined(Long.MAX_VALUE, Long.MAX_VALUE / 10 * 9)).isTrue();
            assertThat(BaselineRuleSet.declined(Long.MAX_VALUE, Long.MAX_VALUE / 10 * 9 + 10)).isFalse();
            assertThat(BaselineRuleSet.declined(Long.MAX_VALUE, Long.MIN_VALUE)).isTrue();
        }
    }

    @Nested
    class HongKong {
        private final BaselineRuleSet hk = hk("700");

        private static BaselineRuleSet hk(String designated) {
            Map<String, Object> map = config("HK");
            map.put("designatedSecurities", designated);
            return ruleSet(map);
        }

        private Context located() {
            return context(TENCENT).located(10_000).book(299_800, 300_000);
        }

        @Test
        void rejectsShortSalesOfSecuritiesNotDesignated() {
            assertRejected(decide(hk("5@SIMX_HK"), limit(TENCENT, Side.SELL_SHORT, 1_000, 300_000), located()),
                    "hk-designated-short", "HKEX designated securities: short sale of 1000 700@SIMX_HK: not a"
                            + " designated security for short selling");
        }

        @Test
        void passesShortSalesOfDesignatedSecuritiesAtTheAsk() {
            assertAccepted(decide(hk, limit(TENCENT, Side.SELL_SHORT, 1_000, 300_000), located()));
        }

        @Test
        void passesLongSalesOfSecuritiesNotDesignated() {
            assertAccepted(decide(hk(""), limit(TENCENT, Side.SELL, 1_000, 299_800), located().net(1_000)));
        }

        @Test
        void tickRuleRejectsAShortSaleBelowTheBestAsk() {
            assertRejected(decide(hk, limit(TENCENT, Side.SELL_SHORT, 1_000, 299_800), located()), "hk-tick-rule",
                    "HKEX tick rule: short sale of 1000 700@SIMX_HK at 299.8 is below the best ask 300");
        }

        @Test
        void tickRuleRejectsMarketShortSalesAndAnUnknownAsk() {
            assertRejected(decide(hk, market(TENCENT, Side.SELL_SHORT, 1_000), located()), "hk-tick-rule",
                    "HKEX tick rule: short sale of 1000 700@SIMX_HK: a MARKET short sale may execute below the best"
                            + " ask");
            assertRejected(decide(hk, limit(TENCENT, Side.SELL_SHORT, 1_000, 300_000),
                    context(TENCENT).located(10_000).book(299_800, 0)), "hk-tick-rule",
                    "HKEX tick rule: short sale of 1000 700@SIMX_HK at 300: the best ask is unknown");
        }

        @Test
        void tickRulePassesAShortSaleAboveTheBestAsk() {
            assertAccepted(decide(hk, limit(TENCENT, Side.SELL_SHORT, 1_000, 300_200), located()));
        }

        @Test
        void needsALocate() {
            assertRejected(decide(hk, limit(TENCENT, Side.SELL_SHORT, 1_000, 300_000),
                    context(TENCENT).book(299_800, 300_000)), "locate-required", "SFO s.170 (covered short selling):"
                            + " short sale of 1000 700@SIMX_HK needs a locate; located 0");
        }
    }

    /** Previous close 2900; 2610 is exactly 10 % down. Prices are tenths of a yen. */
    @Nested
    class JapanPriceRestriction {
        private final BaselineRuleSet jp = ruleSet(config("JP"));

        private Context triggered() {
            return context(TOYOTA).located(10_000).prices(29_000, 26_100).book(26_090, 26_110);
        }

        @Test
        void rejectsAShortSaleAtTheLastPriceOnceDownTenPercent() {
            assertRejected(decide(jp, limit(TOYOTA, Side.SELL_SHORT, 100, 26_100), triggered()),
                    "jp-price-restriction", "JP short-sale price restriction: 7203@SIMX_JP at 2610 is down 10 % or"
                            + " more from the previous close 2900; short sale at 2610 is at or below the last price"
                            + " 2610");
        }

        @Test
        void appliesToShortExemptToo() {
            assertThat(decide(jp, limit(TOYOTA, Side.SELL_SHORT_EXEMPT, 100, 26_000), triggered()).ruleId())
                    .isEqualTo("jp-price-restriction");
        }

        @Test
        void passesAShortSaleAboveTheLastPrice() {
            assertAccepted(decide(jp, limit(TOYOTA, Side.SELL_SHORT, 100, 26_110), triggered()));
        }

        @Test
        void passesAShortSaleAtTheLastPriceWhileDownLessThanTenPercent() {
            assertAccepted(decide(jp, limit(TOYOTA, Side.SELL_SHORT, 100, 26_110),
                    context(TOYOTA).located(10_000).prices(29_000, 26_110)));
        }

        @Test
        void alertsWhenThePreviousCloseIsUnknown() {
            ComplianceDecision decision = decide(jp, limit(TOYOTA, Side.SELL_SHORT, 100, 26_110),
                    context(TOYOTA).located(10_000));
            assertThat(decision.verdict()).isEqualTo(Verdict.ALERT);
            assertThat(decision.reason()).isEqualTo("JP short-sale price restriction: previous close of 7203@SIMX_JP"
                    + " unknown; price restriction not checked");
        }
    }
}
