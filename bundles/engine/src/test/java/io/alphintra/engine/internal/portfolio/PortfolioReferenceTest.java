package io.alphintra.engine.internal.portfolio;

import static io.alphintra.engine.internal.portfolio.TestInstruments.AAPL;
import static io.alphintra.engine.internal.portfolio.TestInstruments.BTCUSDT;
import static io.alphintra.engine.internal.portfolio.TestInstruments.CL_SPREAD;
import static io.alphintra.engine.internal.portfolio.TestInstruments.ES;
import static io.alphintra.engine.internal.portfolio.TestInstruments.EURUSD;
import static io.alphintra.engine.internal.portfolio.TestInstruments.MBT;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.instrument.CryptoPair;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.FutureContract;
import io.alphintra.sdk.instrument.FxSpot;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.portfolio.Position;

/**
 * Thousands of random fills booked both by the portfolio and by a straightforward {@code BigInteger} /
 * {@code BigDecimal} model of the same rules that cannot overflow and never juggles scales, compared field by
 * field. A second, rule-independent check: realised plus unrealised P&amp;L must equal the cash-flow P&amp;L of the
 * fills exactly, whatever the partial-close rounding did.
 */
class PortfolioReferenceTest {
    private static final int FILLS = 20_000;
    private static final List<String> ACCOUNTS = List.of("ACC-1", "ACC-2");
    private static final List<String> STRATEGIES = List.of("alpha", "beta", "gamma");

    /** How to draw prices (price units) and quantities (quantity units) for an instrument. */
    record Market(Instrument instrument, long centerPrice, long tick, int tickRange, long lot, long maxLots) {
    }

    private static final List<Market> MARKETS = List.of(
            new Market(AAPL, 1_000_000, 100, 400, 1, 5_000),
            new Market(ES, 500_000, 25, 400, 1, 40),
            new Market(MBT, 60_000, 5, 400, 1, 30),
            new Market(CL_SPREAD, 0, 1, 600, 1, 25),
            new Market(EURUSD, 108_000, 1, 3_000, 1_000, 5_000),
            new Market(BTCUSDT, 6_000_000, 1, 500_000, 1_000, 1_000_000));

    /** The reference position: exact integers and decimals. */
    static final class ReferencePosition {
        BigInteger net = BigInteger.ZERO;
        BigInteger openCost = BigInteger.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        /** Σ -signedQuantity × price × multiplier, in money: what the fills paid, before fees. */
        BigDecimal cashFlow = BigDecimal.ZERO;
        BigDecimal quoteFees = BigDecimal.ZERO;
    }

    private final Map<String, ReferencePosition> positions = new HashMap<>();
    private final Map<String, BigDecimal> cash = new HashMap<>();
    private final Map<String, Long> marks = new HashMap<>();
    private final Portfolio portfolio = new Portfolio();

    @Test
    void randomFillsMatchTheBigDecimalModel() {
        ACCOUNTS.forEach(account -> portfolio.registerAccount(account, Currency.USD));
        STRATEGIES.forEach(portfolio::registerStrategy);
        MARKETS.forEach(market -> portfolio.registerInstrument(market.instrument()));
        SplittableRandom random = new SplittableRandom(20_250_601);
        int partialCloses = 0;
        int flips = 0;
        int wideProducts = 0;
        for (int i = 1; i <= FILLS; i++) {
            String account = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
            String strategy = STRATEGIES.get(random.nextInt(STRATEGIES.size()));
            Market market = MARKETS.get(random.nextInt(MARKETS.size()));
            long price = randomPrice(random, market);
            long quantity = market.lot() * (1 + random.nextLong(market.maxLots()));
            long signedQuantity = random.nextBoolean() ? quantity : -quantity;
            Currency feeCurrency = market.instrument().quoteCurrency();
            long feeMantissa = 0;
            int feeScale = 2;
            int feeKind = random.nextInt(10);
            if (feeKind < 6) {
                feeScale = 2 + random.nextInt(5);
                feeMantissa = random.nextLong(-50, 500);
            } else if (feeKind < 8) {
                feeCurrency = market.instrument() instanceof CryptoPair pair ? pair.baseCurrency() : Currency.EUR;
                feeScale = feeCurrency.minorUnits();
                feeMantissa = random.nextLong(0, 10_000);
            }
            ReferencePosition reference = positions.computeIfAbsent(key(account, strategy, market),
                    k -> new ReferencePosition());
            BigInteger absNet = reference.net.abs();
            if (reference.net.signum() != 0 && reference.net.signum() != Long.signum(signedQuantity)) {
                int versusOpen = BigInteger.valueOf(quantity).compareTo(absNet);
                partialCloses += versusOpen < 0 ? 1 : 0;
                boolean wide = reference.openCost.abs().multiply(BigInteger.valueOf(quantity)).bitLength() > 63;
                wideProducts += versusOpen < 0 && wide ? 1 : 0;
                flips += versusOpen > 0 ? 1 : 0;
            }

            portfolio.applyFill(portfolio.accountIndex(account), portfolio.strategyIndex(strategy),
                    portfolio.instrumentIndex(market.instrument().id()), signedQuantity, price, feeCurrency,
                    feeMantissa, feeScale, i);
            book(account, reference, market.instrument(), signedQuantity, price,
                    new BigDecimal(BigInteger.valueOf(feeMantissa), feeScale), feeCurrency);

            if (i % 500 == 0) {
                assertMatches(random, i);
            }
        }
        assertThat(partialCloses).as("partial closes exercised").isGreaterThan(1_000);
        assertThat(flips).as("flips exercised").isGreaterThan(250);
        assertThat(wideProducts).as("partial closes needing the 128-bit product").isGreaterThan(100);
    }

    private static long randomPrice(SplittableRandom random, Market market) {
        long price = market.centerPrice() + market.tick() * random.nextLong(-market.tickRange(), market.tickRange());
        return price > 0 || market.instrument().allowsNonPositivePrices() ? price : market.tick();
    }

    private void book(String account, ReferencePosition position, Instrument instrument, long signedQuantityLong,
            long priceLong, BigDecimal fee, Currency feeCurrency) {
        BigInteger signedQuantity = BigInteger.valueOf(signedQuantityLong);
        BigInteger quantity = signedQuantity.abs();
        BigInteger price = BigInteger.valueOf(priceLong);
        BigInteger realizedUnits = BigInteger.ZERO;
        if (position.net.signum() == 0 || position.net.signum() == signedQuantity.signum()) {
            position.net = position.net.add(signedQuantity);
            position.openCost = position.openCost.add(price.multiply(quantity));
        } else {
            BigInteger open = position.net.abs();
            BigInteger closed = quantity.min(open);
            BigInteger removed;
            BigInteger newNet;
            BigInteger newCost;
            if (quantity.compareTo(open) < 0) {
                removed = new BigDecimal(position.openCost.multiply(closed))
                        .divide(new BigDecimal(open), 0, RoundingMode.HALF_EVEN).toBigIntegerExact();
                newNet = position.net.add(signedQuantity);
                newCost = position.openCost.subtract(removed);
            } else {
                removed = position.openCost;
                BigInteger remainder = quantity.subtract(open);
                newNet = signedQuantity.signum() > 0 ? remainder : remainder.negate();
                newCost = price.multiply(remainder);
            }
            BigInteger closeValue = price.multiply(closed);
            realizedUnits = position.net.signum() > 0 ? closeValue.subtract(removed) : removed.subtract(closeValue);
            position.net = newNet;
            position.openCost = newCost;
        }
        int notionalScale = instrument.priceScale() + instrument.quantityScale();
        BigDecimal multiplier = instrument instanceof FutureContract future
                ? new BigDecimal(BigInteger.valueOf(future.multiplier().mantissa()), future.multiplier().scale())
                : BigDecimal.ONE;
        BigDecimal realized = new BigDecimal(realizedUnits, notionalScale).multiply(multiplier);
        BigDecimal notional = new BigDecimal(price.multiply(signedQuantity), notionalScale);
        position.realized = position.realized.add(realized);
        position.cashFlow = position.cashFlow.subtract(notional.multiply(multiplier));
        Currency quote = instrument.quoteCurrency();
        if (feeCurrency.equals(quote)) {
            position.realized = position.realized.subtract(fee);
            position.quoteFees = position.quoteFees.add(fee);
        }
        if (instrument instanceof Equity) {
            addCash(account, quote, notional.negate());
        } else if (instrument instanceof FxSpot || instrument instanceof CryptoPair) {
            addCash(account, quote, notional.negate());
            Currency base = instrument instanceof FxSpot fx ? fx.baseCurrency() : ((CryptoPair) instrument).baseCurrency();
            addCash(account, base, new BigDecimal(signedQuantity, instrument.quantityScale()));
        } else {
            addCash(account, quote, realized);
        }
        addCash(account, feeCurrency, fee.negate());
    }

    private void addCash(String account, Currency currency, BigDecimal amount) {
        cash.merge(account + "|" + currency.code(), amount, BigDecimal::add);
    }

    private void assertMatches(SplittableRandom random, int fillNumber) {
        for (Market market : MARKETS) {
            long mark = randomPrice(random, market);
            marks.put(market.instrument().id().toString(), mark);
            portfolio.mark(portfolio.instrumentIndex(market.instrument().id()), mark);
        }
        for (String account : ACCOUNTS) {
            int accountIndex = portfolio.accountIndex(account);
            for (Market market : MARKETS) {
                Instrument instrument = market.instrument();
                int instrumentIndex = portfolio.instrumentIndex(instrument.id());
                long mark = marks.get(instrument.id().toString());
                BigInteger accountNet = BigInteger.ZERO;
                BigDecimal accountRealized = BigDecimal.ZERO;
                BigDecimal accountUnrealized = BigDecimal.ZERO;
                for (String strategy : STRATEGIES) {
                    ReferencePosition expected = positions.get(key(account, strategy, market));
                    if (expected == null) {
                        continue;
                    }
                    String where = account + "/" + strategy + "/" + instrument.id() + " after " + fillNumber
                            + " fills";
                    Position actual = portfolio.position(accountIndex, portfolio.strategyIndex(strategy),
                            instrumentIndex).orElseThrow();
                    assertThat(actual.netQuantity()).as(where).isEqualTo(expected.net.longValueExact());
                    assertThat(actual.openPriceQuantity()).as(where).isEqualTo(expected.openCost.longValueExact());
                    assertThat(decimal(actual.realizedPnl())).as(where).isEqualByComparingTo(expected.realized);

                    // Rule-independent: realised + unrealised = cash flow + value at the mark - quote fees.
                    BigDecimal multiplier = instrument instanceof FutureContract future
                            ? new BigDecimal(BigInteger.valueOf(future.multiplier().mantissa()),
                                    future.multiplier().scale())
                            : BigDecimal.ONE;
                    BigDecimal valueAtMark = new BigDecimal(expected.net.multiply(BigInteger.valueOf(mark)),
                            instrument.priceScale() + instrument.quantityScale()).multiply(multiplier);
                    BigDecimal unrealized = decimal(portfolio.unrealizedPnl(accountIndex,
                            portfolio.strategyIndex(strategy), instrumentIndex).orElseThrow());
                    assertThat(decimal(actual.realizedPnl()).add(unrealized)).as(where)
                            .isEqualByComparingTo(expected.cashFlow.add(valueAtMark).subtract(expected.quoteFees));

                    accountNet = accountNet.add(expected.net);
                    accountRealized = accountRealized.add(expected.realized);
                    accountUnrealized = accountUnrealized.add(unrealized);
                }
                assertThat(portfolio.accountNetQuantity(accountIndex, instrumentIndex))
                        .isEqualTo(accountNet.longValueExact());
                assertThat(decimal(portfolio.accountRealizedPnl(accountIndex, instrumentIndex)))
                        .isEqualByComparingTo(accountRealized);
                assertThat(decimal(portfolio.accountUnrealizedPnl(accountIndex, instrumentIndex).orElseThrow()))
                        .isEqualByComparingTo(accountUnrealized);
            }
            for (Currency currency : List.of(Currency.USD, Currency.EUR, Currency.USDT, Currency.BTC)) {
                BigDecimal expected = cash.getOrDefault(account + "|" + currency.code(), BigDecimal.ZERO);
                assertThat(decimal(portfolio.cash(accountIndex, currency).total()))
                        .as(account + " " + currency + " after " + fillNumber + " fills")
                        .isEqualByComparingTo(expected);
            }
        }
    }

    private static BigDecimal decimal(Money money) {
        return BigDecimal.valueOf(money.mantissa(), money.scale());
    }

    private static String key(String account, String strategy, Market market) {
        return account + "/" + strategy + "/" + market.instrument().id();
    }
}
