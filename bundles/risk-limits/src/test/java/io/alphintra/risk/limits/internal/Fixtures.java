package io.alphintra.risk.limits.internal;

import io.alphintra.config.support.ConfigReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

import io.alphintra.sdk.instrument.CryptoPair;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.FutureContract;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TickTable.Band;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimal;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.Position;
import io.alphintra.sdk.risk.CreditScope;
import io.alphintra.sdk.risk.PreTradeContext;

/** Instruments, orders, contexts and configurations for the tests; plain Java, no OSGi. */
final class Fixtures {
    /** Reg NMS 612: 0.0001 below one dollar, 0.01 from one dollar; prices at scale 4. */
    static final TickTable US_TICKS = TickTable.of(new Band(0, 1), new Band(10_000, 100));
    /** The TSE table up to 50,000 yen (1, 5, 10, 50 yen ticks); prices at scale 0. */
    static final TickTable TSE_TICKS = TickTable.of(new Band(0, 1), new Band(3_000, 5), new Band(5_000, 10),
            new Band(30_000, 50));

    /** US equity: 190.00 is 1_900_000 units; whole shares. */
    static final Equity AAPL = new Equity(InstrumentId.of("AAPL", "SIMX_US"), Currency.USD, Jurisdiction.US,
            new TradingGrid(4, US_TICKS, 0, 1, 1));
    /** A US equity on another venue, same grid. */
    static final Equity MSFT = new Equity(InstrumentId.of("MSFT", "SIMX_US2"), Currency.USD, Jurisdiction.US,
            new TradingGrid(4, US_TICKS, 0, 1, 1));
    /** JP equity on the TSE table, whole yen, lots of 100. */
    static final Equity TOYOTA = new Equity(InstrumentId.of("7203", "SIMX_JP"), Currency.JPY, Jurisdiction.JP,
            new TradingGrid(0, TSE_TICKS, 0, 100, 100));
    /** Crypto: cent prices, quantities at 8 decimals in lots of 0.00001, at least 0.0001. */
    static final CryptoPair BTC = new CryptoPair(InstrumentId.of("BTC-USD", "SIMX_CRYPTO"), Currency.BTC,
            Currency.USD, Jurisdiction.US, new TradingGrid(2, TickTable.flat(1), 8, 1000, 10_000));
    /** E-mini style future: quarter-point ticks at scale 2, multiplier 50, prices may be negative. */
    static final FutureContract ES = new FutureContract(InstrumentId.of("ESZ6", "SIMX_US"), Currency.USD,
            Jurisdiction.US, new TradingGrid(2, TickTable.flat(25), 0, 1, 1), Decimal.of(50, 0),
            LocalDate.of(2026, 12, 18));

    static final Attribution ALICE = new Attribution("momentum-1", "alice", "ACC-1", "desk-1", "client-1");
    static final Attribution BOB = new Attribution("meanrev-2", "bob", "ACC-2", "desk-1", "client-1");

    static final long NOW = 1_767_225_600_000_000_000L;

    private static int orderCount;

    private Fixtures() {
    }

    static OrderRequest limit(Instrument instrument, Side side, long quantity, long price) {
        return limit(instrument, side, quantity, price, ALICE);
    }

    static OrderRequest limit(Instrument instrument, Side side, long quantity, long price, Attribution who) {
        return OrderRequest.limit(nextId(), instrument, side, quantity, price, TimeInForce.DAY, who);
    }

    static OrderRequest market(Instrument instrument, Side side, long quantity) {
        return OrderRequest.market(nextId(), instrument, side, quantity, TimeInForce.DAY, ALICE);
    }

    static OrderRequest stop(Instrument instrument, Side side, long quantity, long stopPrice) {
        return OrderRequest.stop(nextId(), instrument, side, quantity, stopPrice, TimeInForce.DAY, ALICE);
    }

    static OrderRequest stopLimit(Instrument instrument, Side side, long quantity, long stopPrice, long limitPrice) {
        return OrderRequest.stopLimit(nextId(), instrument, side, quantity, stopPrice, limitPrice, TimeInForce.DAY,
                ALICE);
    }

    private static ClientOrderId nextId() {
        return ClientOrderId.of("o-" + (++orderCount));
    }

    /** A working order being replaced: {@code quantity} in total, {@code filled} of it filled. */
    static OpenOrder working(Instrument instrument, Side side, long quantity, long filled, long price) {
        return new OpenOrder("1", ClientOrderId.of("w-1"), "v-1", instrument.id(), side, OrderType.LIMIT,
                TimeInForce.DAY, quantity, price, OrderRequest.NO_PRICE,
                filled == 0 ? OrderStatus.NEW : OrderStatus.PARTIALLY_FILLED, filled, quantity - filled,
                price * filled);
    }

    /** A configuration map for {@code scope} with the given key/value pairs. */
    static Map<String, Object> config(String scope, String... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        map.put("scope", scope);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static ScopeLimits limits(String source, Map<String, Object> map) {
        return ScopeLimits.from(typed(map), map, source);
    }

    /** A book with one configuration per map, named {@code cfg-1}, {@code cfg-2}, ... */
    @SafeVarargs
    static LimitBook book(Map<String, Object>... maps) {
        LimitBook book = new LimitBook();
        for (int i = 0; i < maps.length; i++) {
            book.put(limits("cfg-" + (i + 1), maps[i]), maps[i]);
        }
        return book;
    }

    static Map<String, Object> load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, Object> map = new HashMap<>();
        properties.forEach((key, value) -> map.put((String) key, ((String) value).trim()));
        return map;
    }

    /** A proxy answering each attribute from {@code map} or its default, as Declarative Services does. */
    static LimitConfig typed(Map<String, Object> map) {
        return ConfigReader.typed(LimitConfig.class, map);
    }

    /**
     * The inputs a check sees for one order, as the engine gives them; setters change one input. Values are kept
     * ready-made so that the context itself allocates nothing (allocation tests measure the checks alone).
     */
    static final class Context implements PreTradeContext {
        private final Instrument instrument;
        private OptionalLong reference = OptionalLong.empty();
        private long referenceAgeNanos = Long.MAX_VALUE;
        private long net;
        private long workingBuys;
        private long workingSells;
        private Optional<OpenOrder> replacing = Optional.empty();
        private long now = NOW;
        private long strategyNet;
        private long strategyWorkingBuys;
        private long strategyWorkingSells;
        private OptionalLong mid = OptionalLong.empty();
        private long midAgeNanos = Long.MAX_VALUE;
        private Currency creditCurrency;
        private final long[] creditUsed = new long[CreditScope.values().length];

        Context(Instrument instrument) {
            this.instrument = instrument;
        }

        /** A last trade {@code ageMillis} old. */
        Context last(long price, long ageMillis) {
            reference = OptionalLong.of(price);
            referenceAgeNanos = ageMillis * 1_000_000L;
            return this;
        }

        Context net(long quantity) {
            net = quantity;
            return this;
        }

        Context working(long buys, long sells) {
            workingBuys = buys;
            workingSells = sells;
            return this;
        }

        Context replacing(OpenOrder order) {
            replacing = Optional.of(order);
            return this;
        }

        /** The strategy's net position and working orders in the instrument within the account. */
        Context strategy(long netQuantity, long buys, long sells) {
            strategyNet = netQuantity;
            strategyWorkingBuys = buys;
            strategyWorkingSells = sells;
            return this;
        }

        /** A mid {@code ageMillis} old. */
        Context mid(long price, long ageMillis) {
            mid = OptionalLong.of(price);
            midAgeNanos = ageMillis * 1_000_000L;
            return this;
        }

        /** Credit {@code scope} has used in {@code currency}, in units of {@link #CREDIT_SCALE}. */
        Context credit(CreditScope scope, Currency currency, long units) {
            creditCurrency = currency;
            creditUsed[scope.ordinal()] = units;
            return this;
        }

        Context at(long nanos) {
            now = nanos;
            return this;
        }

        @Override
        public Instrument instrument() {
            return instrument;
        }

        @Override
        public AccountSnapshot account() {
            return new AccountSnapshot("ACC-1", Currency.USD, Map.of(), List.of(), now);
        }

        @Override
        public Optional<Position> position() {
            return Optional.empty();
        }

        @Override
        public long accountNetQuantity() {
            return net;
        }

        @Override
        public long accountWorkingQuantity(Side side) {
            return side == Side.BUY ? workingBuys : workingSells;
        }

        @Override
        public Money openOrdersNotional() {
            return Money.zero(instrument.quoteCurrency());
        }

        @Override
        public OptionalLong referencePrice() {
            return reference;
        }

        @Override
        public long referencePriceAgeNanos() {
            return referenceAgeNanos;
        }

        @Override
        public long nowNanos() {
            return now;
        }

        @Override
        public Optional<OpenOrder> replacing() {
            return replacing;
        }

        @Override
        public long strategyNetQuantity() {
            return strategyNet;
        }

        @Override
        public long strategyWorkingQuantity(Side side) {
            return side == Side.BUY ? strategyWorkingBuys : strategyWorkingSells;
        }

        @Override
        public OptionalLong midPrice() {
            return mid;
        }

        @Override
        public long midPriceAgeNanos() {
            return midAgeNanos;
        }

        /** Credit used in {@code currency} only: the checks must ask in the order's quote currency. */
        @Override
        public long creditUsed(CreditScope scope, Currency currency) {
            return currency == creditCurrency ? creditUsed[scope.ordinal()] : 0;
        }
    }
}
