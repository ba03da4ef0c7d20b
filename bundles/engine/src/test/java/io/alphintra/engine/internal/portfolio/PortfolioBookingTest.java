package io.alphintra.engine.internal.portfolio;

import static io.alphintra.engine.internal.portfolio.TestInstruments.AAPL;
import static io.alphintra.engine.internal.portfolio.TestInstruments.BTCUSDT;
import static io.alphintra.engine.internal.portfolio.TestInstruments.CL_SPREAD;
import static io.alphintra.engine.internal.portfolio.TestInstruments.ES;
import static io.alphintra.engine.internal.portfolio.TestInstruments.EURUSD;
import static io.alphintra.engine.internal.portfolio.TestInstruments.EURUSD_FORWARD;
import static io.alphintra.engine.internal.portfolio.TestInstruments.MBT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.Fill;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.portfolio.Position;

/** Hand-computed bookings; every expected number is worked out in the comment above it. */
class PortfolioBookingTest {
    private Portfolio portfolio;
    private int account;
    private int strategy;

    @BeforeEach
    void setUp() {
        portfolio = new Portfolio();
        account = portfolio.registerAccount("ACC-1", Currency.USD);
        strategy = portfolio.registerStrategy("momentum-1");
    }

    @Test
    void openingBuyBooksCostAndChargesNotionalAndFee() {
        int aapl = portfolio.registerInstrument(AAPL);
        // 100 @ 101.2500, fee USD 1.00
        portfolio.applyFill(account, strategy, aapl, 100, 1_012_500, Currency.USD, 100, 2, 7L);

        Position position = position(aapl);
        assertThat(position.netQuantity()).isEqualTo(100);
        assertThat(position.openPriceQuantity()).isEqualTo(101_250_000); // 10125.0000 at scale 4
        assertThat(position.averageOpenPrice(RoundingMode.UNNECESSARY)).hasValue(1_012_500);
        assertThat(position.realizedPnl()).isEqualTo(Money.parse(Currency.USD, "-1.0000", 4));
        assertThat(position.asOfNanos()).isEqualTo(7L);
        // -10125.0000 notional - 1.00 fee
        assertThat(cash(Currency.USD)).isEqualTo(Money.parse(Currency.USD, "-10126.0000", 4));
    }

    @Test
    void addingKeepsTheExactAverageAndAPartialCloseRealisesAgainstIt() {
        int aapl = portfolio.registerInstrument(AAPL);
        buy(aapl, 100, "100.00");
        buy(aapl, 100, "102.00");
        assertThat(position(aapl).openPriceQuantity()).isEqualTo(202_000_000); // 20200.0000
        assertThat(position(aapl).averageOpenPrice(RoundingMode.UNNECESSARY)).hasValue(1_010_000);

        // sell 50 @ 105: removes 50/200 of the cost (5050.0000), realises 5250 - 5050 = 200
        sell(aapl, 50, "105.00");
        Position position = position(aapl);
        assertThat(position.netQuantity()).isEqualTo(150);
        assertThat(position.openPriceQuantity()).isEqualTo(151_500_000);
        assertThat(position.averageOpenPrice(RoundingMode.UNNECESSARY)).hasValue(1_010_000);
        assertThat(position.realizedPnl()).isEqualTo(Money.parse(Currency.USD, "200.0000", 4));
        // -10000 - 10200 + 5250
        assertThat(cash(Currency.USD)).isEqualTo(Money.parse(Currency.USD, "-14950.0000", 4));
    }

    @Test
    void partialCloseOfAnInexactAverageRoundsTheRemovedCostAndLosesNothingOverTheRoundTrip() {
        int aapl = portfolio.registerInstrument(AAPL);
        buy(aapl, 1, "10.00");
        buy(aapl, 2, "11.00"); // cost 32.0000 for 3: average 10.6666...
        // sell 1 @ 12: removed cost 32.0000 / 3 = 10.66666.. -> 10.6667 (half-even), realised 1.3333
        sell(aapl, 1, "12.00");
        assertThat(position(aapl).openPriceQuantity()).isEqualTo(213_333);
        assertThat(position(aapl).realizedPnl()).isEqualTo(Money.parse(Currency.USD, "1.3333", 4));
        // sell 2 @ 12: removes all of the remaining 21.3333, realised 24 - 21.3333 = 2.6667
        sell(aapl, 2, "12.00");
        Position closed = position(aapl);
        assertThat(closed.isFlat()).isTrue();
        assertThat(closed.openPriceQuantity()).isZero();
        // 1.3333 + 2.6667 = 4.0000 = 36 - 32 exactly
        assertThat(closed.realizedPnl()).isEqualTo(Money.parse(Currency.USD, "4.0000", 4));
        assertThat(cash(Currency.USD)).isEqualTo(Money.parse(Currency.USD, "4.0000", 4));
    }

    @Test
    void sellingThroughZeroRealisesTheLongAndOpensTheRemainderShortAtTheFillPrice() {
        int aapl = portfolio.registerInstrument(AAPL);
        buy(aapl, 100, "10.00");
        // sell 150 @ 12: closes 100 for 200 profit, opens 50 short at 12
        sell(aapl, 150, "12.00");
        Position position = position(aapl);
        assertThat(position.netQuantity()).isEqualTo(-50);
        assertThat(position.openPriceQuantity()).isEqualTo(6_000_000); // 600.0000
        assertThat(position.averageOpenPrice(RoundingMode.UNNECESSARY)).hasValue(120_000);
        assertThat(position.realizedPnl()).isEqualTo(Money.parse(Currency.USD, "200.0000", 4));
        // -1000 + 1800
        assertThat(cash(Currency.USD)).isEqualTo(Money.parse(Currency.USD, "800.0000", 4));

        // buy 80 @ 11: covers 50 for (12 - 11) x 50 = 50, opens 30 long at 11
        buy(aapl, 80, "11.00");
        assertThat(position(aapl).netQuantity()).isEqualTo(30);
        assertThat(position(aapl).openPriceQuantity()).isEqualTo(3_300_000);
        assertThat(position(aapl).realizedPnl()).isEqualTo(Money.parse(Currency.USD, "250.0000", 4));
    }

    @Test
    void aShortSaleCoveredLowerRealisesTheDifference() {
        int aapl = portfolio.registerInstrument(AAPL);
        portfolio.applyFill(account, strategy, fill(Side.SELL_SHORT, 100, 200_000, Money.zero(Currency.USD)));
        assertThat(position(aapl).netQuantity()).isEqualTo(-100);
        assertThat(cash(Currency.USD)).isEqualTo(Money.parse(Currency.USD, "2000.0000", 4));

        portfolio.applyFill(account, strategy, fill(Side.BUY, 100, 180_000, Money.zero(Currency.USD)));
        Position position = position(aapl);
        assertThat(position.isFlat()).isTrue();
        assertThat(position.realizedPnl()).isEqualTo(Money.parse(Currency.USD, "200.0000", 4));
        assertThat(cash(Currency.USD)).isEqualTo(Money.parse(Currency.USD, "200.0000", 4));
    }

    @Test
    void feesReduceRealisedPnlAtTheirOwnScaleAndRebatesAddToIt() {
        int aapl = portfolio.registerInstrument(AAPL);
        // fee 0.350000 at scale 6 refines P&L and cash to scale 6
        portfolio.applyFill(account, strategy, aapl, 100, 100_000, Currency.USD, 350_000, 6, 1);
        // maker rebate 0.20 (negative fee)
        portfolio.applyFill(account, strategy, aapl, -100, 110_000, Currency.USD, -20, 2, 2);
        // 100 x (11 - 10) - 0.35 + 0.20
        assertThat(position(aapl).realizedPnl()).isEqualTo(Money.parse(Currency.USD, "99.850000", 6));
        assertThat(cash(Currency.USD)).isEqualTo(Money.parse(Currency.USD, "99.850000", 6));
    }

    @Test
    void aFeeInAnotherCurrencyIsChargedToThatCurrencyAndLeftOutOfQuotePnl() {
        int aapl = portfolio.registerInstrument(AAPL);
        portfolio.applyFill(account, strategy, aapl, 10, 100_000, Currency.EUR, 150, 2, 1);
        assertThat(position(aapl).realizedPnl()).isEqualTo(Money.parse(Currency.USD, "0.0000", 4));
        assertThat(cash(Currency.EUR)).isEqualTo(Money.parse(Currency.EUR, "-1.50", 2));
        assertThat(cash(Currency.USD)).isEqualTo(Money.parse(Currency.USD, "-100.0000", 4));
    }

    @Test
    void futuresApplyTheMultiplierAndMoveOnlyRealisedPnlAndFeesAsCash() {
        int es = portfolio.registerInstrument(ES);
        portfolio.applyFill(account, strategy, es, 2, 500_000, Currency.USD, 250, 2, 1); // 2 @ 5000.00, fee 2.50
        assertThat(position(es).openPriceQuantity()).isEqualTo(1_000_000); // price x contracts, no multiplier
        assertThat(cash(Currency.USD)).isEqualTo(Money.parse(Currency.USD, "-2.50", 2));

        portfolio.applyFill(account, strategy, es, -2, 501_025, Currency.USD, 250, 2, 2); // 2 @ 5010.25
        // (5010.25 - 5000.00) x 2 x 50 = 1025.00, less 5.00 fees
        assertThat(position(es).realizedPnl()).isEqualTo(Money.parse(Currency.USD, "1020.00", 2));
        assertThat(cash(Currency.USD)).isEqualTo(Money.parse(Currency.USD, "1020.00", 2));
    }

    @Test
    void aFractionalMultiplierKeepsItsDecimals() {
        int mbt = portfolio.registerInstrument(MBT);
        portfolio.applyFill(account, strategy, mbt, 3, 60_000, Currency.USD, 0, 2, 1);
        portfolio.applyFill(account, strategy, mbt, -1, 60_505, Currency.USD, 0, 2, 2);
        // (60505 - 60000) x 1 x 0.1 = 50.5 at scale 0 + 0 + 1
        assertThat(position(mbt).realizedPnl()).isEqualTo(Money.parse(Currency.USD, "50.5", 1));
        assertThat(position(mbt).openPriceQuantity()).isEqualTo(120_000);
        assertThat(cash(Currency.USD)).isEqualTo(Money.parse(Currency.USD, "50.50", 2));
    }

    @Test
    void aFutureAtNegativePricesBooksTheSignedCost() {
        int spread = portfolio.registerInstrument(CL_SPREAD);
        portfolio.applyFill(account, strategy, spread, 2, -500, Currency.USD, 0, 2, 1); // 2 @ -5.00
        assertThat(position(spread).openPriceQuantity()).isEqualTo(-1_000);
        assertThat(position(spread).averageOpenPrice(RoundingMode.UNNECESSARY)).hasValue(-500);
        portfolio.applyFill(account, strategy, spread, -1, -300, Currency.USD, 0, 2, 2); // 1 @ -3.00
        // (-3.00 - -5.00) x 1 x 1000
        assertThat(position(spread).realizedPnl()).isEqualTo(Money.parse(Currency.USD, "2000.00", 2));
        assertThat(position(spread).openPriceQuantity()).isEqualTo(-500);
    }

    @Test
    void fxSpotMovesTheBaseCurrencyByTheQuantityAndTheQuoteByTheNotional() {
        int eurusd = portfolio.registerInstrument(EURUSD);
        portfolio.applyFill(account, strategy, eurusd, 1_000_000, 108_500, Currency.USD, 0, 2, 1); // @ 1.08500
        assertThat(cash(Currency.EUR)).isEqualTo(Money.parse(Currency.EUR, "1000000.00", 2));
        assertThat(cash(Currency.USD)).isEqualTo(Money.parse(Currency.USD, "-1085000.00000", 5));

        portfolio.applyFill(account, strategy, eurusd, -500_000, 109_000, Currency.USD, 0, 2, 2); // @ 1.09000
        // 500000 x (1.09000 - 1.08500)
        assertThat(position(eurusd).realizedPnl()).isEqualTo(Money.parse(Currency.USD, "2500.00000", 5));
        assertThat(cash(Currency.EUR)).isEqualTo(Money.parse(Currency.EUR, "500000.00", 2));
        assertThat(cash(Currency.USD)).isEqualTo(Money.parse(Currency.USD, "-540000.00000", 5));
    }

    @Test
    void cryptoPairMovesBothAssetsAndAFeeInTheBaseAsset() {
        int btc = portfolio.registerInstrument(BTCUSDT);
        // buy 0.5 BTC @ 60000.00, fee 0.0005 BTC
        portfolio.applyFill(account, strategy, btc, 50_000_000, 6_000_000, Currency.BTC, 50_000, 8, 1);
        assertThat(position(btc).netQuantity()).isEqualTo(50_000_000);
        assertThat(position(btc).realizedPnl()).isEqualTo(Money.parse(Currency.USDT, "0.0000000000", 10));
        assertThat(cash(Currency.BTC)).isEqualTo(Money.parse(Currency.BTC, "0.49950000", 8));
        assertThat(cash(Currency.USDT)).isEqualTo(Money.parse(Currency.USDT, "-30000.0000000000", 10));
    }

    @Test
    void invalidFillsAreRejectedNamingTheField() {
        int aapl = portfolio.registerInstrument(AAPL);
        assertThatThrownBy(() -> portfolio.applyFill(account, strategy, aapl, 0, 100, Currency.USD, 0, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signedQuantity = 0");
        assertThatThrownBy(() -> portfolio.applyFill(account, strategy, aapl, 1, 0, Currency.USD, 0, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price = 0: must be positive");
        assertThatThrownBy(() -> portfolio.applyFill(account, 5, aapl, 1, 100, Currency.USD, 0, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strategyIndex = 5");
        assertThatThrownBy(() -> portfolio.applyFill(account, strategy, aapl, 1, 100, Currency.USD, 0, 19, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feeScale = 19");
        assertThat(portfolio.position(account, strategy, aapl)).isEmpty();
    }

    @Test
    void registrationIsIdempotentAndRefusesConflictsAndForwards() {
        assertThat(portfolio.registerAccount("ACC-1", Currency.USD)).isEqualTo(account);
        assertThatThrownBy(() -> portfolio.registerAccount("ACC-1", Currency.EUR))
                .hasMessageContaining("registered with base currency USD");
        int aapl = portfolio.registerInstrument(AAPL);
        assertThat(portfolio.registerInstrument(AAPL)).isEqualTo(aapl);
        assertThat(portfolio.instrumentIndex(AAPL.id())).isEqualTo(aapl);
        assertThatThrownBy(() -> portfolio.registerInstrument(EURUSD_FORWARD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value date");
        assertThatThrownBy(() -> portfolio.registerStrategy("has space"))
                .hasMessageContaining("strategyId = 'has space'");
    }

    @Test
    void anOverflowingFillIsRejectedNamingItsOperandsAndChangesNothing() {
        int aapl = portfolio.registerInstrument(AAPL);
        buy(aapl, 100, "10.00");
        byte[] before = portfolio.stateHash();
        Position positionBefore = position(aapl);

        long hugeQuantity = Long.MAX_VALUE / 1_000;
        assertThatThrownBy(() -> portfolio.applyFill(account, strategy, aapl, hugeQuantity, 100_000, Currency.USD,
                0, 2, 9))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("100000 x " + hugeQuantity)
                .hasMessageContaining("ACC-1/momentum-1/AAPL@XNAS");
        assertThat(portfolio.stateHash()).isEqualTo(before);
        assertThat(position(aapl)).isEqualTo(positionBefore);

        // A new position and a new currency balance must not appear either when their first fill fails.
        int other = portfolio.registerStrategy("other");
        assertThatThrownBy(() -> portfolio.applyFill(account, other, aapl, hugeQuantity, 100_000, Currency.CHF,
                5, 2, 9)).isInstanceOf(ArithmeticException.class);
        assertThat(portfolio.position(account, other, aapl)).isEmpty();
        assertThat(portfolio.snapshot(account, 0).balance(Currency.CHF)).isEmpty();
        assertThat(portfolio.stateHash()).isEqualTo(before);
    }

    @Test
    void aCashAdjustmentFundsTheAccount() {
        portfolio.adjustCash(account, Currency.USD, 1_000_000, 2);
        portfolio.adjustCash(account, Currency.USD, -2_500, 3);
        assertThat(cash(Currency.USD)).isEqualTo(Money.parse(Currency.USD, "9997.500", 3));
    }

    /** A fee-free buy of AAPL (the only instrument these helpers are used with). */
    private void buy(int aapl, long quantity, String price) {
        portfolio.applyFill(account, strategy, aapl, quantity, AAPL.parsePrice("price", price), Currency.USD, 0, 2, 1);
    }

    private void sell(int aapl, long quantity, String price) {
        portfolio.applyFill(account, strategy, aapl, -quantity, AAPL.parsePrice("price", price), Currency.USD, 0, 2,
                1);
    }

    private Position position(int instrument) {
        return portfolio.position(account, strategy, instrument).orElseThrow();
    }

    private Money cash(Currency currency) {
        return portfolio.cash(account, currency).total();
    }

    private static Fill fill(Side side, long quantity, long price, Money fee) {
        return new Fill("E-" + quantity + "-" + price, "O-1", ClientOrderId.of("C-1"), AAPL.id(), side, quantity,
                price, fee, Liquidity.TAKER, 1);
    }
}
