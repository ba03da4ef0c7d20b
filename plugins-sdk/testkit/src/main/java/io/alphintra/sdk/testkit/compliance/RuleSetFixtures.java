package io.alphintra.sdk.testkit.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

import io.alphintra.sdk.compliance.ComplianceDecision;
import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.compliance.Verdict;
import io.alphintra.sdk.instrument.CryptoPair;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.FutureContract;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingCalendar;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimal;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.CashBalance;
import io.alphintra.sdk.portfolio.Position;
import io.alphintra.sdk.testkit.internal.Json;

/**
 * Reads compliance rule set fixtures and checks a {@link RuleSet} against them.
 *
 * <p>A fixture is a JSON file (UTF-8, {@code .json}) describing one order, what the rule set sees for it, and the
 * expected decision. Prices and quantities are decimal <em>strings</em> in the instrument's units, so they are read
 * exactly. Unknown members are errors (a typo must not silently drop an input). Example:
 *
 * <pre>{@code
 * {
 *   "description": "A buy in a restricted instrument is rejected",
 *   "asOf": "2025-03-03T15:00:00Z",
 *   "instrument": { "id": "AAPL@XNAS", "kind": "EQUITY", "currency": "USD", "jurisdiction": "US",
 *                   "priceScale": 2, "tick": "0.01", "quantityScale": 0, "lotSize": "1", "minQuantity": "1" },
 *   "venue": { "name": "Nasdaq", "timeZone": "America/New_York" },
 *   "order": { "side": "BUY", "type": "LIMIT", "timeInForce": "DAY", "quantity": "100", "limitPrice": "189.50" },
 *   "account": { "id": "ACC-1", "baseCurrency": "USD",
 *                "balances": { "USD": { "total": "1000000.00", "available": "750000.00" } } },
 *   "positions": [ { "strategyId": "mr-1", "netQuantity": "-200", "averagePrice": "190.00" } ],
 *   "market": { "bid": "189.45", "bidSize": "300", "ask": "189.50", "askSize": "200", "last": "189.47",
 *               "previousClose": "187.00", "halted": false, "restricted": true, "locatedQuantity": "0",
 *               "workingSellQuantity": "0" },
 *   "expect": { "verdict": "REJECT", "ruleId": "RESTRICTED_LIST", "reasonContains": "restricted" }
 * }
 * }</pre>
 *
 * <p>Required: {@code instrument} ({@code id}, {@code kind}, {@code currency}, {@code jurisdiction},
 * {@code priceScale}, {@code tick}), {@code order} ({@code side}, {@code quantity}; {@code limitPrice} for
 * LIMIT), {@code expect.verdict}, and {@code expect.ruleId} unless the verdict is ACCEPT. Everything else has a
 * neutral default: no positions, no market data, not halted, not restricted, an account {@code FIXTURE} with no
 * cash. {@code kind} is {@code EQUITY}, {@code CRYPTO_PAIR} (with {@code baseCurrency}) or {@code FUTURE} (with
 * {@code multiplier} and {@code expiry}). The account's net quantity is the sum of the positions; each position's
 * exact open price × quantity comes from its {@code averagePrice}. {@code market.workingSellQuantity} (default 0, not
 * negative) is the unfilled quantity of the account's other working sells in the instrument, the context's
 * {@code accountWorkingSellQuantity()}: a sell is long only as far as net quantity minus working sells covers it.
 *
 * <p>A file that cannot be read fails with {@link FixtureFormatException} naming file, line, column, field and
 * value. Use {@link #dynamicTests(RuleSet, Path)} from a {@code @TestFactory} for one test per file, or
 * {@link #assertAll(RuleSet, Path)} for one test over the directory.
 */
public final class RuleSetFixtures {

    /**
     * The outcome of one fixture.
     *
     * @param fixture the fixture
     * @param decision what the rule set decided; null if it threw
     * @param mismatches one line per field that differs from the expectation; empty when it passed
     */
    public record Result(RuleSetFixture fixture, ComplianceDecision decision, List<String> mismatches) {
        public boolean passed() {
            return mismatches.isEmpty();
        }

        /** {@code restricted-buy.json: verdict expected REJECT, was ACCEPT; ...}. */
        public String describe() {
            return fixture.name() + (fixture.description() == null ? "" : " (" + fixture.description() + ")") + ": "
                    + (passed() ? "passed" : String.join("; ", mismatches));
        }
    }

    private static final Instant DEFAULT_AS_OF = Instant.parse("2025-01-02T15:00:00Z");

    private RuleSetFixtures() {
    }

    /**
     * Reads every {@code *.json} file of {@code directory}, in file-name order.
     *
     * @throws FixtureFormatException for the first bad file
     * @throws IllegalArgumentException if the directory has no fixtures (a check over nothing would pass)
     */
    public static List<RuleSetFixture> load(Path directory) {
        List<Path> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list fixture directory " + directory, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("fixture directory " + directory + " has no *.json files");
        }
        return files.stream().map(RuleSetFixtures::loadFile).toList();
    }

    /** Reads one fixture file. */
    public static RuleSetFixture loadFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + file, e);
        }
        Json.Value root;
        try {
            root = Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw new FixtureFormatException(file, e.line, e.column, null, "invalid JSON: " + e.getMessage()
                    .substring(e.getMessage().indexOf(": ") + 2));
        }
        return new Reader(file).fixture(new Node(root, ""));
    }

    /** Evaluates {@code ruleSet} on one fixture and compares the decision with the expectation. */
    public static Result check(RuleSet ruleSet, RuleSetFixture fixture) {
        List<String> mismatches = new ArrayList<>();
        ComplianceDecision decision;
        try {
            decision = ruleSet.evaluate(fixture.order(), fixture.context());
        } catch (RuntimeException e) {
            mismatches.add("evaluate threw " + e + " (the host counts that as a rejection, but a rule set must"
                    + " decide; expected " + fixture.expectedVerdict() + ")");
            return new Result(fixture, null, List.copyOf(mismatches));
        }
        if (decision == null) {
            mismatches.add("evaluate returned null; expected " + fixture.expectedVerdict());
            return new Result(fixture, null, List.copyOf(mismatches));
        }
        if (decision.verdict() != fixture.expectedVerdict()) {
            mismatches.add("verdict expected " + fixture.expectedVerdict() + ", was " + decision.verdict()
                    + (decision.ruleId() == null ? "" : " by rule " + decision.ruleId() + " (\"" + decision.reason()
                            + "\")"));
        }
        if (fixture.expectedRuleId() != null && !fixture.expectedRuleId().equals(decision.ruleId())) {
            mismatches.add("ruleId expected " + fixture.expectedRuleId() + ", was " + decision.ruleId());
        }
        if (fixture.expectedReasonContains() != null && (decision.reason() == null
                || !decision.reason().contains(fixture.expectedReasonContains()))) {
            mismatches.add("reason expected to contain \"" + fixture.expectedReasonContains() + "\", was "
                    + (decision.reason() == null ? "null" : "\"" + decision.reason() + "\""));
        }
        if (!ruleSet.id().equals(decision.ruleSetId()) || !ruleSet.version().equals(decision.ruleSetVersion())
                || ruleSet.jurisdiction() != decision.jurisdiction()) {
            mismatches.add("decision names rule set " + decision.ruleSetId() + " " + decision.ruleSetVersion() + " ("
                    + decision.jurisdiction() + ") instead of " + ruleSet.id() + " " + ruleSet.version() + " ("
                    + ruleSet.jurisdiction() + "); build it with ComplianceDecision.accept/alert/reject(this, ...)");
        }
        if (fixture.context().instrument().jurisdiction() != ruleSet.jurisdiction()) {
            mismatches.add("the fixture's instrument is in " + fixture.context().instrument().jurisdiction()
                    + " but the rule set is for " + ruleSet.jurisdiction() + "; the host would never ask it");
        }
        return new Result(fixture, decision, List.copyOf(mismatches));
    }

    /** Checks every fixture of {@code directory}; one result per file. */
    public static List<Result> run(RuleSet ruleSet, Path directory) {
        return load(directory).stream().map(fixture -> check(ruleSet, fixture)).toList();
    }

    /**
     * Checks every fixture of {@code directory} and fails with one line per mismatching fixture.
     *
     * @throws AssertionFailedError if any fixture does not get the expected decision
     */
    public static void assertAll(RuleSet ruleSet, Path directory) {
        List<Result> results = run(ruleSet, directory);
        List<Result> failed = results.stream().filter(r -> !r.passed()).toList();
        if (!failed.isEmpty()) {
            throw new AssertionFailedError(failed.size() + " of " + results.size() + " fixtures in " + directory
                    + " failed for rule set " + ruleSet.id() + " " + ruleSet.version() + ":\n  "
                    + failed.stream().map(Result::describe).collect(Collectors.joining("\n  ")));
        }
    }

    /** One dynamic test per fixture file, named after it, for a JUnit 5 {@code @TestFactory}. */
    public static Stream<DynamicTest> dynamicTests(RuleSet ruleSet, Path directory) {
        return load(directory).stream().map(fixture -> DynamicTest.dynamicTest(fixture.name(), fixture.file().toUri(),
                () -> {
                    Result result = check(ruleSet, fixture);
                    if (!result.passed()) {
                        throw new AssertionFailedError(result.describe());
                    }
                }));
    }

    // ---------------------------------------------------------------- reading

    /** A value with its dotted path. */
    private record Node(Json.Value value, String path) {
        Node member(String name) {
            Json.Value member = value.members().get(name);
            return member == null ? null : new Node(member, path.isEmpty() ? name : path + "." + name);
        }
    }

    private static final class Reader {
        private final Path file;

        Reader(Path file) {
            this.file = file;
        }

        RuleSetFixture fixture(Node root) {
            object(root, "description", "asOf", "tradingDate", "instrument", "venue", "order", "attribution",
                    "account", "positions", "market", "expect");
            String description = optionalString(root, "description");
            Instant asOf = optional(root, "asOf", this::instant, DEFAULT_AS_OF);
            Instrument instrument = instrument(required(root, "instrument"));
            Venue venue = venue(root.member("venue"), instrument);
            LocalDate tradingDate = optional(root, "tradingDate", n -> parse(n, LocalDate::parse, "not a date such as"
                    + " 2025-03-03"), asOf.atZone(venue.timeZone()).toLocalDate());
            Node accountNode = root.member("account");
            String accountId = accountNode == null ? "FIXTURE" : optionalString(accountNode, "id", "FIXTURE");
            Attribution attribution = attribution(root.member("attribution"), accountId);
            OrderRequest order = order(required(root, "order"), instrument, attribution);
            List<Position> positions = positions(root.member("positions"), instrument, accountId, asOf);
            AccountSnapshot account = account(accountNode, accountId, instrument, positions, asOf);
            long net = 0;
            for (Position position : positions) {
                net = Math.addExact(net, position.netQuantity());
            }
            Node market = root.member("market");
            if (market != null) {
                object(market, "bid", "bidSize", "ask", "askSize", "last", "previousClose", "halted", "restricted",
                        "locatedQuantity", "workingSellQuantity");
            }
            long nanos = asOf.getEpochSecond() * 1_000_000_000L + asOf.getNano();
            Optional<TopOfBookRecord> top = topOfBook(market, instrument, nanos);
            long workingSells = market == null ? 0 : optionalNonNegativeQuantity(market, "workingSellQuantity",
                    instrument);
            FixtureComplianceContext context = new FixtureComplianceContext(nanos, tradingDate, instrument, venue,
                    account, net, workingSells,
                    market == null ? 0 : optionalQuantity(market, "locatedQuantity", instrument),
                    top, optionalPrice(market, "last", instrument), optionalPrice(market, "previousClose", instrument),
                    market != null && optionalBoolean(market, "halted"),
                    market != null && optionalBoolean(market, "restricted"));
            Node expect = required(root, "expect");
            object(expect, "verdict", "ruleId", "reasonContains");
            Verdict verdict = enumValue(required(expect, "verdict"), Verdict.class);
            String ruleId = optionalString(expect, "ruleId");
            if (verdict != Verdict.ACCEPT && ruleId == null) {
                Node v = expect.member("verdict");
                throw error(v, "expect.ruleId", "required when the verdict is " + verdict + " (which rule decides?)");
            }
            if (verdict == Verdict.ACCEPT && ruleId != null) {
                throw error(expect.member("ruleId"), "= \"" + ruleId + "\": an ACCEPT names no rule");
            }
            return new RuleSetFixture(file, description, order, context, verdict, ruleId,
                    optionalString(expect, "reasonContains"));
        }

        private Instrument instrument(Node node) {
            object(node, "id", "kind", "currency", "baseCurrency", "jurisdiction", "priceScale", "tick",
                    "quantityScale", "lotSize", "minQuantity", "multiplier", "expiry");
            InstrumentId id = parse(required(node, "id"), InstrumentId::parse, null);
            String kind = string(required(node, "kind"));
            Currency currency = currency(required(node, "currency"));
            Jurisdiction jurisdiction = parse(required(node, "jurisdiction"), Jurisdiction::ofCode, null);
            int priceScale = integer(required(node, "priceScale"), 0, Decimals.MAX_SCALE);
            int quantityScale = node.member("quantityScale") == null ? 0
                    : integer(node.member("quantityScale"), 0, Decimals.MAX_SCALE);
            long tick = decimal(required(node, "tick"), priceScale);
            long lot = node.member("lotSize") == null ? Decimals.pow10(quantityScale)
                    : decimal(node.member("lotSize"), quantityScale);
            long min = node.member("minQuantity") == null ? lot : decimal(node.member("minQuantity"), quantityScale);
            TradingGrid grid = build(node, () -> new TradingGrid(priceScale, TickTable.flat(tick), quantityScale, lot,
                    min));
            switch (kind) {
                case "EQUITY":
                    return build(node, () -> new Equity(id, currency, jurisdiction, grid));
                case "CRYPTO_PAIR": {
                    Currency base = currency(required(node, "baseCurrency"));
                    return build(node, () -> new CryptoPair(id, base, currency, jurisdiction, grid));
                }
                case "FUTURE": {
                    Decimal multiplier = parse(required(node, "multiplier"), Decimal::parse, null);
                    LocalDate expiry = parse(required(node, "expiry"), LocalDate::parse, "not a date such as"
                            + " 2025-12-19");
                    return build(node, () -> new FutureContract(id, currency, jurisdiction, grid, multiplier, expiry));
                }
                default:
                    throw error(node.member("kind"), "= \"" + kind + "\": expected EQUITY, CRYPTO_PAIR or FUTURE");
            }
        }

        private Venue venue(Node node, Instrument instrument) {
            String name = instrument.id().venueId();
            ZoneId zone = ZoneOffset.UTC;
            if (node != null) {
                object(node, "name", "timeZone");
                name = optionalString(node, "name", name);
                Node zoneNode = node.member("timeZone");
                if (zoneNode != null) {
                    zone = parse(zoneNode, ZoneId::of, "not a time zone such as America/New_York");
                }
            }
            String venueName = name;
            ZoneId venueZone = zone;
            return build(node == null ? null : node, () -> new Venue(instrument.id().venueId(), venueName,
                    instrument.jurisdiction(), instrument.quoteCurrency(), TradingCalendar.alwaysOpen(venueZone)));
        }

        private Attribution attribution(Node node, String accountId) {
            if (node == null) {
                return new Attribution("fixture-strategy", "fixture-trader", accountId, "fixture-desk", "PROP");
            }
            object(node, "strategyId", "traderId", "deskId", "clientId");
            return build(node, () -> new Attribution(optionalString(node, "strategyId", "fixture-strategy"),
                    optionalString(node, "traderId", "fixture-trader"), accountId,
                    optionalString(node, "deskId", "fixture-desk"), optionalString(node, "clientId", "PROP")));
        }

        private OrderRequest order(Node node, Instrument instrument, Attribution attribution) {
            object(node, "clientOrderId", "side", "type", "timeInForce", "quantity", "limitPrice", "stopPrice");
            ClientOrderId id = ClientOrderId.of(optionalString(node, "clientOrderId", "fixture-order"));
            Side side = enumValue(required(node, "side"), Side.class);
            OrderType type = node.member("type") == null ? OrderType.LIMIT : enumValue(node.member("type"),
                    OrderType.class);
            TimeInForce tif = node.member("timeInForce") == null ? TimeInForce.DAY
                    : enumValue(node.member("timeInForce"), TimeInForce.class);
            long quantity = quantity(required(node, "quantity"), instrument);
            long limit = node.member("limitPrice") == null ? OrderRequest.NO_PRICE
                    : price(node.member("limitPrice"), instrument);
            long stop = node.member("stopPrice") == null ? OrderRequest.NO_PRICE
                    : price(node.member("stopPrice"), instrument);
            return build(node, () -> new OrderRequest(id, instrument, side, type, tif, quantity, limit, stop,
                    attribution));
        }

        private List<Position> positions(Node node, Instrument instrument, String accountId, Instant asOf) {
            if (node == null) {
                return List.of();
            }
            if (node.value().kind() != Json.Kind.ARRAY) {
                throw error(node, "must be an array of positions");
            }
            List<Position> positions = new ArrayList<>();
            long nanos = asOf.getEpochSecond() * 1_000_000_000L + asOf.getNano();
            for (int i = 0; i < node.value().elements().size(); i++) {
                Node each = new Node(node.value().elements().get(i), node.path() + "[" + i + "]");
                object(each, "strategyId", "netQuantity", "averagePrice");
                String strategyId = optionalString(each, "strategyId", "fixture-strategy");
                long net = signedQuantity(required(each, "netQuantity"), instrument);
                long average = net == 0 ? 0 : price(required(each, "averagePrice"), instrument);
                long openPriceQuantity = net == 0 ? 0 : Decimals.multiply(average, Math.abs(net));
                positions.add(build(each, () -> new Position(accountId, strategyId, instrument.id(), net,
                        openPriceQuantity, Money.zero(instrument.quoteCurrency()), nanos)));
            }
            return List.copyOf(positions);
        }

        private AccountSnapshot account(Node node, String accountId, Instrument instrument, List<Position> positions,
                Instant asOf) {
            Currency base = instrument.quoteCurrency();
            Map<Currency, CashBalance> balances = new LinkedHashMap<>();
            if (node != null) {
                object(node, "id", "baseCurrency", "balances");
                if (node.member("baseCurrency") != null) {
                    base = currency(node.member("baseCurrency"));
                }
                Node balancesNode = node.member("balances");
                if (balancesNode != null) {
                    object(balancesNode);
                    for (String code : balancesNode.value().members().keySet()) {
                        Node balance = balancesNode.member(code);
                        Currency currency;
                        try {
                            currency = Currency.of(code);
                        } catch (IllegalArgumentException e) {
                            throw error(balance, "is keyed by an unknown currency: " + problem(e));
                        }
                        object(balance, "total", "available");
                        Money total = money(required(balance, "total"), currency);
                        Money available = balance.member("available") == null ? total
                                : money(balance.member("available"), currency);
                        balances.put(currency, build(balance, () -> new CashBalance(total, available)));
                    }
                }
            }
            Currency baseCurrency = base;
            long nanos = asOf.getEpochSecond() * 1_000_000_000L + asOf.getNano();
            return build(node, () -> new AccountSnapshot(accountId, baseCurrency, balances, positions, nanos));
        }

        private Optional<TopOfBookRecord> topOfBook(Node market, Instrument instrument, long nanos) {
            if (market == null || (market.member("bid") == null && market.member("ask") == null)) {
                return Optional.empty();
            }
            long bid = optionalPrice(market, "bid", instrument).orElse(0);
            long ask = optionalPrice(market, "ask", instrument).orElse(0);
            long bidSize = market.member("bid") == null ? 0 : quantity(required(market, "bidSize"), instrument);
            long askSize = market.member("ask") == null ? 0 : quantity(required(market, "askSize"), instrument);
            return Optional.of(build(market, () -> new TopOfBookRecord(instrument.id(), bid, bidSize, ask, askSize,
                    nanos, nanos)));
        }

        // ------------------------------------------------------------ typed values

        private void object(Node node, String... known) {
            if (node.value().kind() != Json.Kind.OBJECT) {
                throw error(node, "must be an object, was " + node.value().kind().name().toLowerCase());
            }
            if (known.length == 0) {
                return;
            }
            Set<String> allowed = Set.of(known);
            for (Map.Entry<String, Json.Value> member : node.value().members().entrySet()) {
                if (!allowed.contains(member.getKey())) {
                    Node bad = node.member(member.getKey());
                    throw error(bad, "is not a known member" + (node.path().isEmpty() ? "" : " of " + node.path())
                            + " (known: " + String.join(", ", Arrays.asList(known)) + ")");
                }
            }
        }

        private Node required(Node parent, String name) {
            Node node = parent.member(name);
            if (node == null || node.value().kind() == Json.Kind.NULL) {
                String path = parent.path().isEmpty() ? name : parent.path() + "." + name;
                throw new FixtureFormatException(file, parent.value().line(), parent.value().column(), path,
                        "is required but missing");
            }
            return node;
        }

        private <T> T optional(Node parent, String name, Function<Node, T> reader, T defaultValue) {
            Node node = parent.member(name);
            return node == null || node.value().kind() == Json.Kind.NULL ? defaultValue : reader.apply(node);
        }

        private String optionalString(Node parent, String name) {
            return optional(parent, name, this::string, null);
        }

        private String optionalString(Node parent, String name, String defaultValue) {
            return optional(parent, name, this::string, defaultValue);
        }

        private boolean optionalBoolean(Node parent, String name) {
            return optional(parent, name, n -> {
                if (n.value().kind() != Json.Kind.BOOLEAN) {
                    throw error(n, "= " + show(n) + ": expected true or false");
                }
                return Boolean.parseBoolean(n.value().text());
            }, false);
        }

        private OptionalLong optionalPrice(Node parent, String name, Instrument instrument) {
            if (parent == null || parent.member(name) == null) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(price(parent.member(name), instrument));
        }

        private long optionalQuantity(Node parent, String name, Instrument instrument) {
            return parent.member(name) == null ? 0 : signedQuantity(parent.member(name), instrument);
        }

        private long optionalNonNegativeQuantity(Node parent, String name, Instrument instrument) {
            Node node = parent.member(name);
            if (node == null) {
                return 0;
            }
            long quantity = signedQuantity(node, instrument);
            if (quantity < 0) {
                throw error(node, "= \"" + node.value().text() + "\": must not be negative");
            }
            return quantity;
        }

        private String string(Node node) {
            if (node.value().kind() != Json.Kind.STRING) {
                throw error(node, "= " + show(node) + ": expected a string");
            }
            return node.value().text();
        }

        private int integer(Node node, int min, int max) {
            if (node.value().kind() != Json.Kind.NUMBER || !node.value().text().matches("-?[0-9]+")) {
                throw error(node, "= " + show(node) + ": expected an integer");
            }
            long value = Long.parseLong(node.value().text());
            if (value < min || value > max) {
                throw error(node, "= " + value + ": must be " + min + ".." + max);
            }
            return (int) value;
        }

        /** A decimal string at {@code scale}, e.g. "189.50" at scale 2. Numbers are refused: they invite floats. */
        private long decimal(Node node, int scale) {
            String text = string(node);
            try {
                return Decimals.parse(text, scale);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw error(node, "= \"" + text + "\": " + problem(e));
            }
        }

        private long price(Node node, Instrument instrument) {
            return decimal(node, instrument.priceScale());
        }

        private long quantity(Node node, Instrument instrument) {
            long quantity = decimal(node, instrument.quantityScale());
            if (quantity <= 0) {
                throw error(node, "= \"" + node.value().text() + "\": must be positive");
            }
            return quantity;
        }

        private long signedQuantity(Node node, Instrument instrument) {
            return decimal(node, instrument.quantityScale());
        }

        private Money money(Node node, Currency currency) {
            return Money.of(currency, decimal(node, currency.minorUnits()), currency.minorUnits());
        }

        private Currency currency(Node node) {
            return parse(node, Currency::of, null);
        }

        private Instant instant(Node node) {
            return parse(node, Instant::parse, "not an instant such as 2025-03-03T15:00:00Z");
        }

        private <E extends Enum<E>> E enumValue(Node node, Class<E> type) {
            String text = string(node);
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                throw error(node, "= \"" + text + "\": expected one of " + Arrays.toString(type.getEnumConstants()));
            }
        }

        private <T> T parse(Node node, Function<String, T> parser, String problem) {
            String text = string(node);
            try {
                return parser.apply(text);
            } catch (RuntimeException e) {
                throw error(node, "= \"" + text + "\": " + (problem != null ? problem : problem(e)));
            }
        }

        /** Runs an SDK constructor; its IllegalArgumentException names the field, we add file and position. */
        private <T> T build(Node node, java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException | ArithmeticException e) {
                if (node == null) {
                    throw new FixtureFormatException(file, 1, 1, null, e.getMessage());
                }
                throw error(node, "is invalid: " + e.getMessage());
            }
        }

        private static String problem(RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            int colon = message.indexOf(": ");
            // SDK messages start with "field = 'value': ..."; the fixture message names field and value itself.
            return colon > 0 && message.substring(0, colon).contains(" = ") ? message.substring(colon + 2) : message;
        }

        private static String show(Node node) {
            Json.Value value = node.value();
            return switch (value.kind()) {
                case STRING -> "\"" + value.text() + "\"";
                case NUMBER, BOOLEAN -> value.text();
                case NULL -> "null";
                default -> value.kind().name().toLowerCase();
            };
        }

        private FixtureFormatException error(Node node, String problem) {
            return new FixtureFormatException(file, node.value().line(), node.value().column(), node.path(), problem);
        }

        private FixtureFormatException error(Node node, String field, String problem) {
            return new FixtureFormatException(file, node.value().line(), node.value().column(), field, problem);
        }
    }
}
