package io.alphintra.engine.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.engine.EngineListener;
import io.alphintra.engine.GateDecision;
import io.alphintra.engine.OrderPage;
import io.alphintra.engine.OrderQuery;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.engine.internal.strategy.StrategyHost;
import io.alphintra.sdk.compliance.ComplianceContext;
import io.alphintra.sdk.compliance.ComplianceDecision;
import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The commands against an engine that answers as the real one does: what the operator reads, and that a user's
 * mistake is a one-line {@link CommandException} before anything reaches the engine.
 */
class CommandsTest {
    private final List<OrderRequest> submitted = new ArrayList<>();
    private final List<String> released = new ArrayList<>();
    private final List<EngineListener> listeners = new ArrayList<>();
    /** What the venue answers an order with, through the listeners, right after the engine's PENDING_NEW. */
    private List<ExecutionReport.Builder> venueAnswers = List.of();
    private List<OrderView> orders = List.of();
    private static final int PAGE = 2;
    private final List<OrderQuery> queries = new ArrayList<>();
    private Map<Jurisdiction, List<RuleSet>> ruleSets = Map.of();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream console;

    @BeforeEach
    void captureTheConsole() {
        console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreTheConsole() {
        System.setOut(console);
    }

    @Test
    void anOrderWithoutPriceOrTypeIsRefusedSayingHowToSendAMarketOrder() {
        OrderSubmitCommand command = submit("--account", "ACC-1", "BUY", "0.01", "BTC-USD@SIMX_CRYPTO", null);
        assertUserError(command, "price: required for a LIMIT order", "--type MARKET --tif IOC");
        assertThat(submitted).as("nothing reached the engine").isEmpty();
    }

    @Test
    void badSidesTypesTimesInForceAndInstrumentsAreOneLineEach() {
        assertUserError(submit("--account", "ACC-1", "PURCHASE", "1", "AAPL@SIMX_US", "190"),
                "side = 'PURCHASE': not one of BUY, SELL, SELL_SHORT, SELL_SHORT_EXEMPT");
        OrderSubmitCommand badTif = submit("--account", "ACC-1", "BUY", "1", "AAPL@SIMX_US", "190");
        badTif.timeInForce = "NOW";
        assertUserError(badTif, "--tif = 'NOW': not one of DAY, GTC, IOC, FOK");
        OrderSubmitCommand badType = submit("--account", "ACC-1", "BUY", "1", "AAPL@SIMX_US", "190");
        badType.type = "FOO";
        assertUserError(badType, "--type = 'FOO': not one of MARKET, LIMIT, STOP, STOP_LIMIT");
        assertUserError(submit("--account", "ACC-1", "BUY", "1", "XYZ@@", "1"),
                "instrument = 'XYZ@@': expected SYMBOL@VENUE");
        assertUserError(submit("--account", "ACC-1", "BUY", "1", "XYZ@SIMX_US", "1"),
                "instrument = 'XYZ@SIMX_US': no connected venue lists it");
        assertUserError(submit("--account", "ACC-1", "BUY", "1", "AAPL@SIMX_US", "190.001"),
                "price = 190.001", "tick grid");
        OrderSubmitCommand marketWithPrice = submit("--account", "ACC-1", "BUY", "1", "AAPL@SIMX_US", "190");
        marketWithPrice.type = "MARKET";
        assertUserError(marketWithPrice, "price = '190': a MARKET order has no price");
        assertUserError(submit("--account", "ACC 1", "BUY", "1", "AAPL@SIMX_US", "190"), "accountId = 'ACC 1'");
        assertThat(submitted).isEmpty();
    }

    @Test
    void aMarketOrderAskedForByNameGoesOutAndTheVenuesRejectionIsShownWithItsReason() throws Exception {
        venueAnswers = List.of(ExecutionReport.builder().execType(ExecType.REJECTED).status(OrderStatus.REJECTED)
                .rejectReason(RejectReason.UNSUPPORTED_ORDER).text("the book refused the order: INVALID_TIME_IN_FORCE")
                .leavesQuantity(0));
        OrderSubmitCommand command = submit("--account", "ACC-1", "BUY", "0.01", "BTC-USD@SIMX_CRYPTO", null);
        command.type = "market";
        command.clientOrderId = "m-1";
        command.execute();
        assertThat(submitted).singleElement().satisfies(order -> {
            assertThat(order.type()).isEqualTo(OrderType.MARKET);
            assertThat(order.quantity()).isEqualTo(1_000_000);
        });
        assertThat(printed()).containsSubsequence("Order 1 (m-1): PENDING_NEW BUY 0.01 BTC-USD@SIMX_CRYPTO",
                "Order 1 (m-1): REJECTED UNSUPPORTED_ORDER - the book refused the order: INVALID_TIME_IN_FORCE");
        assertThat(listeners).as("the command stopped listening").isEmpty();
    }

    @Test
    void aFillIsShownInTheInstrumentsUnits() throws Exception {
        // The venue acknowledges, then fills at once: the fill is the answer.
        venueAnswers = List.of(ExecutionReport.builder().execType(ExecType.NEW).status(OrderStatus.NEW)
                .leavesQuantity(1_000_000), ExecutionReport.builder().execType(ExecType.TRADE)
                .status(OrderStatus.FILLED).lastQuantity(1_000_000).lastPrice(6_500_000).cumQuantity(1_000_000)
                .leavesQuantity(0).cumPriceQuantity(6_500_000L * 1_000_000).liquidity(Liquidity.TAKER));
        OrderSubmitCommand command = submit("--account", "ACC-1", "BUY", "0.01", "BTC-USD@SIMX_CRYPTO", "70000");
        command.timeInForce = "ioc";
        command.execute();
        assertThat(submitted).singleElement().extracting(OrderRequest::type).isEqualTo(OrderType.LIMIT);
        assertThat(printed()).contains("TRADE 0.01 @ 65000, filled 0.01 of 0.01 (FILLED)").doesNotContain(": NEW");
    }

    @Test
    void aRestingOrderIsAnsweredWithTheVenuesAcknowledgement() throws Exception {
        venueAnswers = List.of(ExecutionReport.builder().execType(ExecType.NEW).status(OrderStatus.NEW)
                .leavesQuantity(100));
        submit("--account", "ACC-1", "BUY", "100", "AAPL@SIMX_US", "190.00").execute();
        assertThat(printed()).containsSubsequence("PENDING_NEW BUY 100 AAPL@SIMX_US", "Order 1 (", "): NEW");
    }

    /** Only the strategy host attributes an order to a strategy: the shell's are the logged-in operator's. */
    @Test
    void aShellOrderIsTheOperatorsAndCannotBeAttributedToAStrategy() throws Exception {
        assertThat(List.of(OrderSubmitCommand.class.getDeclaredFields()))
                .extracting(field -> field.getAnnotation(Option.class)).filteredOn(option -> option != null)
                .extracting(Option::name).doesNotContain("--strategy").contains("--account", "--desk", "--client");

        venueAnswers = List.of(ExecutionReport.builder().execType(ExecType.NEW).status(OrderStatus.NEW)
                .leavesQuantity(100));
        submit("--account", "ACC-1", "BUY", "100", "AAPL@SIMX_US", "190.00").execute();

        assertThat(submitted).singleElement().extracting(OrderRequest::attribution).satisfies(attribution -> {
            assertThat(attribution.strategyId()).isEqualTo(StrategyHost.OPERATOR_STRATEGY_ID).isEqualTo("manual");
            assertThat(attribution.traderId()).as("the logged-in user").isEqualTo("admin");
            assertThat(attribution.accountId()).isEqualTo("ACC-1");
        });
    }

    @Test
    void ordersShowsFilledQuantitiesInUnitsAndWhyAnOrderWasRefused() throws Exception {
        GateDecision accepted = new GateDecision("COMPLIANCE", "baseline-us", "1.0.0", GateDecision.ACCEPT, null, null);
        orders = List.of(
                new OrderView("2", ClientOrderId.of("m-1"), Instruments.BTC.id(), Side.BUY, 1_000_000,
                        OrderRequest.NO_PRICE, OrderStatus.REJECTED, 0, "manual", "admin", "ACC-1", "shell:admin",
                        List.of(accepted), "UNSUPPORTED_ORDER: the book refused the order: INVALID_TIME_IN_FORCE"),
                new OrderView("1", ClientOrderId.of("b-1"), Instruments.BTC.id(), Side.BUY, 1_000_000, 7_000_000,
                        OrderStatus.FILLED, 1_000_000, "manual", "admin", "ACC-1", "shell:admin", List.of(accepted),
                        null));
        OrdersCommand command = new OrdersCommand();
        command.engine = engine();
        command.execute();
        String table = printed();
        assertThat(table).contains("Filled", "Reason", "70000", "INVALID_TIME_IN_FORCE").doesNotContain("1000000");
        assertThat(table.lines().filter(line -> line.contains("b-1")).findFirst().orElseThrow())
                .contains("FILLED", "0.01");

        command.limit = "-1";
        assertUserError(command, "--limit = '-1': not a whole number from 1 to 2147483647");
    }

    @Test
    void ordersPagesThroughTheEnginesScopedQueryWithItsFiltersUpToTheLimit() throws Exception {
        orders = new ArrayList<>();
        for (int i = 9; i >= 1; i--) {
            orders.add(new OrderView(Integer.toString(i), ClientOrderId.of("c-" + i), Instruments.BTC.id(), Side.BUY,
                    1_000_000, 7_000_000, i % 3 == 0 ? OrderStatus.FILLED : OrderStatus.NEW, 0,
                    i % 2 == 0 ? "even" : "odd", "alice", "ACC-1", "shell:alice",
                    List.of(new GateDecision("ENGINE", "engine", "1", GateDecision.ACCEPT, null, null)), null));
        }
        OrdersCommand command = new OrdersCommand();
        command.engine = engine();
        command.strategy = "odd";
        command.workingOnly = true;
        command.limit = "3";
        command.execute();
        assertThat(printed().lines().filter(line -> line.contains("| c-")).map(line -> line.split("\\|")[0].trim()))
                .containsExactly("7", "5", "1");
        assertThat(queries).as("two pages: the first held two orders").hasSize(2)
                .allSatisfy(query -> assertThat(query).extracting(OrderQuery::strategyId, OrderQuery::workingOnly)
                        .containsExactly("odd", true));
        assertThat(queries.get(1).limit()).as("only what is still missing").isEqualTo(1);

        command.strategy = " ";
        assertUserError(command, "--strategy = ' ': must not be empty");
    }

    @Test
    void replacingAnOrderThatIsNotWorkingIsAUserError() {
        orders = List.of(new OrderView("1", ClientOrderId.of("done-1"), Instruments.BTC.id(), Side.BUY, 1_000_000,
                7_000_000, OrderStatus.FILLED, 1_000_000, "manual", "admin", "ACC-1", "shell:admin", List.of(), null));
        OrderReplaceCommand command = new OrderReplaceCommand();
        command.engine = engine();
        command.session = session();
        command.price = "70001";
        command.clientOrderId = "done-1";
        assertUserError(command, "clientOrderId = 'done-1': no working order has this id");
    }

    @Test
    void cancellingAnIdTheEngineDoesNotHoldIsAUserError() {
        OrderCancelCommand command = new OrderCancelCommand();
        command.engine = engine();
        command.session = session();
        command.clientOrderId = "nope";
        assertUserError(command, "clientOrderId = 'nope': no order held has this id");
    }

    @Test
    void aHeldOrderIsListedAsHeldAndReleasingItSaysWhoReleasedItOrWhyNotInOneLine() throws Exception {
        orders = List.of(heldOrder());
        OrdersCommand list = new OrdersCommand();
        list.engine = engine();
        list.execute();
        assertThat(printed().lines().filter(line -> line.contains("h-1")).findFirst().orElseThrow())
                .contains("HELD").doesNotContain("PENDING_NEW");

        OrderReleaseCommand release = new OrderReleaseCommand();
        release.engine = engine();
        release.session = session();
        release.reason = "confirmed";
        release.clientOrderId = "h-1";
        release.execute();
        assertThat(printed()).contains("Order 3 (h-1) released by admin and sent to SIMX_CRYPTO");
        assertThat(released).containsExactly("h-1 by admin: confirmed");

        release.clientOrderId = "mine";
        assertUserError(release, "clientOrderId = 'mine': not released, four eyes: admin is the trader");
        release.clientOrderId = "nope";
        assertUserError(release, "clientOrderId = 'nope': no order held has this id");
    }

    @Test
    void ruleSetsListEveryInstalledOneAndWhichDecides() throws Exception {
        ruleSets = Map.of(Jurisdiction.US, List.of(ruleSet("baseline-us", Jurisdiction.US, "1.0.0"),
                ruleSet("house-us", Jurisdiction.US, "2.1.0")), Jurisdiction.EU,
                List.of(ruleSet("baseline-eu", Jurisdiction.EU, "1.0.0")));
        RuleSetsCommand command = new RuleSetsCommand();
        command.engine = engine();
        command.execute();
        List<String> lines = printed().lines().toList();
        assertThat(lines).filteredOn(line -> line.contains("baseline-us")).singleElement().asString()
                .contains("US", "1.0.0", "no (a later one decides)");
        assertThat(lines).filteredOn(line -> line.contains("house-us")).singleElement().asString()
                .contains("2.1.0", "yes");
        assertThat(lines).filteredOn(line -> line.contains("baseline-eu")).singleElement().asString()
                .contains("EU", "yes");
        assertThat(lines).last().asString().startsWith("No rule set for UK, JP").contains("NO_RULE_SET");
    }

    @Test
    void everyCommandArgumentAndOptionHasADescription() {
        for (Class<?> type : List.of(OrdersCommand.class, OrderSubmitCommand.class, OrderCancelCommand.class,
                OrderReplaceCommand.class, OrderReleaseCommand.class, StrategiesCommand.class, EngineCommand.class, SnapshotCommand.class,
                MarketCommand.class, PositionsCommand.class, PnlCommand.class, RuleSetsCommand.class)) {
            Command command = type.getAnnotation(Command.class);
            assertThat(command.scope()).isEqualTo("alphintra");
            assertThat(command.description()).as(type.getSimpleName()).isNotBlank();
            for (Field field : type.getDeclaredFields()) {
                Option option = field.getAnnotation(Option.class);
                Argument argument = field.getAnnotation(Argument.class);
                if (option != null) {
                    assertThat(option.description()).as(type.getSimpleName() + " " + option.name()).isNotBlank();
                }
                if (argument != null) {
                    assertThat(argument.description()).as(type.getSimpleName() + " " + argument.name()).isNotBlank();
                }
            }
            // Karaf prints DETAILS lines at 8 columns in an 80-column console and wraps longer ones: an example
            // cut in two could not be pasted.
            command.detailedDescription().lines().filter(line -> line.matches("[a-z-]+( .*)?") && !line.contains(". "))
                    .forEach(example -> assertThat(example.length()).as(example).isLessThanOrEqualTo(72));
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private OrderSubmitCommand submit(String accountOption, String account, String side, String quantity,
                                      String instrument, String price) {
        assertThat(accountOption).isEqualTo("--account");
        OrderSubmitCommand command = new OrderSubmitCommand();
        command.engine = engine();
        command.session = session();
        command.account = account;
        command.side = side;
        command.quantity = quantity;
        command.instrument = instrument;
        command.price = price;
        return command;
    }

    private static void assertUserError(Action command, String... expected) {
        assertThatThrownBy(command::execute).isExactlyInstanceOf(CommandException.class).satisfies(e ->
                assertThat(e.getMessage()).contains(expected).doesNotContain("\n", "java.", "Exception"));
    }

    private TradingEngine engine() {
        return (TradingEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TradingEngine.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "instrument" -> instrument((InstrumentId) args[0]);
                    case "addListener" -> listeners.add((EngineListener) args[0]);
                    case "removeListener" -> listeners.remove(args[0]);
                    case "submit" -> submitted((OrderRequest) args[0]);
                    case "cancel" -> CompletableFuture.failedFuture(new IllegalArgumentException(
                            "no order with client order id " + args[0]));
                    case "orders" -> args == null ? CompletableFuture.completedFuture(orders)
                            : CompletableFuture.completedFuture(page((OrderQuery) args[0]));
                    case "order" -> CompletableFuture.completedFuture(orders.stream()
                            .filter(o -> o.clientOrderId().equals(args[0])).findFirst());
                    case "releaseHeldOrder" -> release((ClientOrderId) args[0], (String) args[1], (String) args[2]);
                    case "ruleSets" -> ruleSets;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * As the engine answers a scoped query, except that a page holds at most {@link #PAGE} orders, as when the
     * engine's budget per call runs out: the command must follow the cursor. The cursor is the index to go on from.
     */
    private OrderPage page(OrderQuery query) {
        queries.add(query);
        List<OrderView> matching = orders.stream()
                .filter(o -> query.strategyId() == null || query.strategyId().equals(o.strategyId()))
                .filter(o -> query.accountId() == null || query.accountId().equals(o.accountId()))
                .filter(o -> query.traderId() == null || query.traderId().equals(o.traderId()))
                .filter(o -> !query.workingOnly() || !o.status().isTerminal()).toList();
        int from = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int to = Math.min(matching.size(), from + Math.min(PAGE, query.limit()));
        return new OrderPage(matching.subList(from, to), to < matching.size() ? Integer.toString(to) : null);
    }

    /** As the engine answers: the order released, or why not (four eyes for "mine", unknown for "nope"). */
    private CompletableFuture<OrderView> release(ClientOrderId id, String who, String reason) {
        return switch (id.value()) {
            case "mine" -> CompletableFuture.failedFuture(new IllegalStateException("four eyes: " + who + " is the"
                    + " trader or sender of order 3 (mine, from shell:" + who + "); another authorised user must"
                    + " release it"));
            case "nope" -> CompletableFuture.failedFuture(new IllegalArgumentException("no order held has client"
                    + " order id nope"));
            default -> {
                released.add(id + " by " + who + ": " + reason);
                yield CompletableFuture.completedFuture(heldOrder());
            }
        };
    }

    private static OrderView heldOrder() {
        return new OrderView("3", ClientOrderId.of("h-1"), Instruments.BTC.id(), Side.BUY, 1_000_000, 7_000_000,
                OrderStatus.PENDING_NEW, 0, "manual", "alice", "ACC-1", "shell:alice", List.of(new GateDecision("RISK",
                "order-size", "1.0.0", GateDecision.HOLD, null, "order-size: quantity 0.01 over the soft limit")),
                null);
    }

    private static Optional<Instrument> instrument(InstrumentId id) {
        return Optional.<Instrument>of(Instruments.BTC).filter(i -> i.id().equals(id))
                .or(() -> Optional.<Instrument>of(Instruments.AAPL).filter(i -> i.id().equals(id)));
    }

    /** The engine's PENDING_NEW, then, as a venue's answer reaches listeners, {@link #venueAnswer}. */
    private CompletableFuture<ExecutionReport> submitted(OrderRequest order) {
        submitted.add(order);
        ExecutionReport pending = base(order).execType(ExecType.PENDING_NEW).status(OrderStatus.PENDING_NEW)
                .leavesQuantity(order.quantity()).build();
        for (ExecutionReport.Builder venueAnswer : venueAnswers) {
            ExecutionReport answer = venueAnswer.orderId("1").clientOrderId(order.clientOrderId()).execId("E-2")
                    .instrumentId(order.instrument().id()).side(order.side()).orderQuantity(order.quantity())
                    .transactTimeNanos(2L).build();
            List.copyOf(listeners).forEach(listener -> listener.onReport(answer, "shell:admin", "manual"));
        }
        return CompletableFuture.completedFuture(pending);
    }

    private static ExecutionReport.Builder base(OrderRequest order) {
        return ExecutionReport.builder().orderId("1").clientOrderId(order.clientOrderId()).execId("E-1")
                .instrumentId(order.instrument().id()).side(order.side()).orderQuantity(order.quantity())
                .cumQuantity(0).cumPriceQuantity(0).liquidity(Liquidity.UNKNOWN).transactTimeNanos(1L);
    }

    private static Session session() {
        return (Session) Proxy.newProxyInstance(CommandsTest.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> "get".equals(method.getName()) ? "admin" : null);
    }

    private static RuleSet ruleSet(String id, Jurisdiction jurisdiction, String version) {
        return new RuleSet() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Jurisdiction jurisdiction() {
                return jurisdiction;
            }

            @Override
            public String version() {
                return version;
            }

            @Override
            public ComplianceDecision evaluate(OrderRequest order, ComplianceContext context) {
                return ComplianceDecision.accept(this);
            }
        };
    }
}
