package io.alphintra.compliance.baseline.internal;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

import io.alphintra.sdk.compliance.ComplianceContext;
import io.alphintra.sdk.instrument.CryptoPair;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingCalendar;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.portfolio.AccountSnapshot;

/** Instruments, orders, contexts and configurations for the tests; plain Java, no OSGi. */
final class Fixtures {
    /** US equity, prices to 0.0001 with a 0.01 tick: 190.00 is 1_900_000 units. */
    static final Equity AAPL = new Equity(InstrumentId.of("AAPL", "SIMX_US"), Currency.USD, Jurisdiction.US,
            new TradingGrid(4, TickTable.flat(100), 0, 1, 1));
    static final Equity AAPL_OTHER_VENUE = new Equity(InstrumentId.of("AAPL", "SIMX_US2"), Currency.USD,
            Jurisdiction.US, new TradingGrid(4, TickTable.flat(100), 0, 1, 1));
    static final Equity MSFT = new Equity(InstrumentId.of("MSFT", "SIMX_US"), Currency.USD, Jurisdiction.US,
            new TradingGrid(4, TickTable.flat(100), 0, 1, 1));
    static final CryptoPair BTC = new CryptoPair(InstrumentId.of("BTC-USD", "SIMX_CRYPTO"), Currency.BTC,
            Currency.USD, Jurisdiction.US, new TradingGrid(2, TickTable.flat(1), 8, 1000, 10000));
    static final Equity SAP = new Equity(InstrumentId.of("SAP", "SIMX_EU"), Currency.EUR, Jurisdiction.EU,
            new TradingGrid(3, TickTable.flat(10), 0, 1, 1));
    /** HK equity, prices to 0.001 with a 0.2 tick, board lots of 100. */
    static final Equity TENCENT = new Equity(InstrumentId.of("700", "SIMX_HK"), Currency.HKD, Jurisdiction.HK,
            new TradingGrid(3, TickTable.flat(200), 0, 100, 100));
    /** JP equity, prices to 0.1 with a 1 yen tick, lots of 100. */
    static final Equity TOYOTA = new Equity(InstrumentId.of("7203", "SIMX_JP"), Currency.JPY, Jurisdiction.JP,
            new TradingGrid(1, TickTable.flat(10), 0, 100, 100));

    static final Attribution ATTRIBUTION = new Attribution("strat-1", "alice", "ACC-1", "desk-1", "client-1");

    private static int orderCount;

    private Fixtures() {
    }

    static OrderRequest limit(Instrument instrument, Side side, long quantity, long price) {
        return OrderRequest.limit(nextId(), instrument, side, quantity, price, TimeInForce.DAY, ATTRIBUTION);
    }

    static OrderRequest market(Instrument instrument, Side side, long quantity) {
        return OrderRequest.market(nextId(), instrument, side, quantity, TimeInForce.DAY, ATTRIBUTION);
    }

    private static ClientOrderId nextId() {
        return ClientOrderId.of("o-" + (++orderCount));
    }

    /**
     * A context with nothing known but the instrument: flat, no working sells, no locate, no market data, not
     * halted.
     */
    static Context context(Instrument instrument) {
        return new Context(instrument, 0, 0, 0, Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), false,
                false);
    }

    /** A configuration map for {@code jurisdiction} at version 1.2.3 with the jurisdiction's default rules. */
    static Map<String, Object> config(String jurisdiction) {
        Map<String, Object> map = new HashMap<>();
        map.put("jurisdiction", jurisdiction);
        map.put("version", "1.2.3");
        return map;
    }

    static BaselineRuleSet ruleSet(Map<String, Object> map) {
        return new BaselineRuleSet(settings(map));
    }

    static BaselineSettings settings(Map<String, Object> map) {
        return BaselineSettings.from(typed(map), map);
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

    /** A proxy answering each attribute from {@code map} (converted from text as DS does) or its default. */
    static BaselineConfig typed(Map<String, Object> map) {
        return (BaselineConfig) Proxy.newProxyInstance(BaselineConfig.class.getClassLoader(),
                new Class<?>[] {BaselineConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return BaselineConfig.class;
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "BaselineConfig" + map;
                        };
                    }
                    Object value = map.get(method.getName());
                    return value == null ? method.getDefaultValue() : convert(method, value);
                });
    }

    private static Object convert(Method method, Object value) {
        Class<?> type = method.getReturnType();
        if (type == String.class) {
            return value.toString();
        }
        if (type == boolean.class) {
            String text = value.toString().trim();
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("not a boolean: " + text); // as DS fails on read
            }
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("unsupported type " + type);
    }

    /** The inputs a rule set sees for one order; withers change one input. */
    record Context(Instrument instrument, long accountNetQuantity, long accountWorkingSellQuantity,
            long locatedQuantity, Optional<TopOfBookRecord> topOfBook, OptionalLong lastPrice,
            OptionalLong previousClose, boolean isHalted, boolean isRestricted) implements ComplianceContext {

        Context net(long quantity) {
            return new Context(instrument, quantity, accountWorkingSellQuantity, locatedQuantity, topOfBook,
                    lastPrice, previousClose, isHalted, isRestricted);
        }

        /** The unfilled quantity of the account's other working sells. */
        Context workingSells(long quantity) {
            return new Context(instrument, accountNetQuantity, quantity, locatedQuantity, topOfBook, lastPrice,
                    previousClose, isHalted, isRestricted);
        }

        Context located(long quantity) {
            return new Context(instrument, accountNetQuantity, accountWorkingSellQuantity, quantity, topOfBook,
                    lastPrice, previousClose, isHalted, isRestricted);
        }

        /** Best bid and ask, price units; a side of 0 is absent. */
        Context book(long bid, long ask) {
            TopOfBookRecord record = new TopOfBookRecord(instrument.id(), bid, bid == 0 ? 0 : 500, ask,
                    ask == 0 ? 0 : 500, 1L, 1L);
            return new Context(instrument, accountNetQuantity, accountWorkingSellQuantity, locatedQuantity,
                    Optional.of(record), lastPrice, previousClose, isHalted, isRestricted);
        }

        Context prices(long previousCloseUnits, long lastUnits) {
            return new Context(instrument, accountNetQuantity, accountWorkingSellQuantity, locatedQuantity, topOfBook,
                    OptionalLong.of(lastUnits), OptionalLong.of(previousCloseUnits), isHalted, isRestricted);
        }

        Context lastOnly(long lastUnits) {
            return new Context(instrument, accountNetQuantity, accountWorkingSellQuantity, locatedQuantity, topOfBook,
                    OptionalLong.of(lastUnits), OptionalLong.empty(), isHalted, isRestricted);
        }

        Context halted() {
            return new Context(instrument, accountNetQuantity, accountWorkingSellQuantity, locatedQuantity, topOfBook,
                    lastPrice, previousClose, true, isRestricted);
        }

        Context restricted() {
            return new Context(instrument, accountNetQuantity, accountWorkingSellQuantity, locatedQuantity, topOfBook,
                    lastPrice, previousClose, isHalted, true);
        }

        @Override
        public long asOfNanos() {
            return 1_767_225_600_000_000_000L;
        }

        @Override
        public LocalDate tradingDate() {
            return LocalDate.of(2026, 1, 5);
        }

        @Override
        public Venue venue() {
            return new Venue(instrument.id().venueId(), "Test venue", instrument.jurisdiction(),
                    instrument.quoteCurrency(), TradingCalendar.alwaysOpen(ZoneOffset.UTC));
        }

        @Override
        public AccountSnapshot account() {
            return new AccountSnapshot("ACC-1", Currency.USD, Map.of(), java.util.List.of(), asOfNanos());
        }
    }
}
