package io.alphintra.engine.internal.command;

import io.alphintra.shell.support.Inputs;
import io.alphintra.engine.TradingEngine;
import io.alphintra.engine.internal.core.EngineCore;
import io.alphintra.engine.internal.strategy.StrategyHost;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;

/**
 * {@code alphintra:order-submit}: a manual order through the same gate as every other order. Prices and quantities
 * are decimals parsed exactly to the instrument's grid. A market order is sent only when asked for by name: a
 * forgotten price must not become an order at any price.
 *
 * <p>The order is the operator's: its trader is the logged-in shell user and its strategy id
 * {@link StrategyHost#OPERATOR_STRATEGY_ID}, which no strategy instance may take. Only the strategy host attributes
 * orders to a strategy; one the shell attributed would be cancelled when that strategy stops, counted in its
 * positions and reported to it as its own.
 */
@Service
@Command(scope = "alphintra", name = "order-submit", description = "Submits an order through the pre-trade gate and"
        + " shows the engine's and the venue's answer",
        detailedDescription = "Options come before the arguments. The order is a LIMIT order at the given price unless"
                + " --type says otherwise; a MARKET order takes no price and must be asked for with --type MARKET"
                + " (the simulated venues take market orders with --tif IOC or FOK only). A STOP order's price is its"
                + " stop price; a STOP_LIMIT order takes its stop price with --stop. Quantities and prices are"
                + " decimals in the instrument's units, on its grid. The order is attributed to the logged-in user as"
                + " its trader and to no strategy (strategy id '" + StrategyHost.OPERATOR_STRATEGY_ID + "'): only"
                + " the strategy host attributes orders to strategies. Examples:\n"
                + "order-submit --account ACC-1 BUY 100 AAPL@SIMX_US 190.00\n"
                + "order-submit --account ACC-1 BUY 0.5 BTC-USD@SIMX_CRYPTO 60000\n"
                + "order-submit --account ACC-1 --tif IOC BUY 5 MSFT@SIMX_US 420\n"
                + "order-submit --account ACC-1 --type MARKET --tif IOC BUY 10 AAPL@SIMX_US")
public class OrderSubmitCommand implements Action {
    /** How long the answer waits for the venue's word after the engine's; the order goes on either way. */
    private static final long VENUE_ANSWER_MILLIS = 3_000;
    /** How long after the venue's acknowledgement a fill or cancel still counts as the answer (immediate orders). */
    private static final long AFTER_ACKNOWLEDGEMENT_MILLIS = 300;

    @Reference
    TradingEngine engine;

    @Reference
    Session session;

    @Argument(index = 0, name = "side", required = true, description = "BUY, SELL, SELL_SHORT or SELL_SHORT_EXEMPT"
            + " (the short sides for equities only)")
    String side;

    @Argument(index = 1, name = "quantity", required = true, description = "Quantity as a decimal in the"
            + " instrument's units, on its lot grid, e.g. 100 or 0.01")
    String quantity;

    @Argument(index = 2, name = "instrument", required = true, description = "Instrument as SYMBOL@VENUE, e.g."
            + " AAPL@SIMX_US or BTC-USD@SIMX_CRYPTO (alphintra:market lists them)")
    String instrument;

    @Argument(index = 3, name = "price", description = "Limit price (LIMIT, STOP_LIMIT) or stop price (STOP) as a"
            + " decimal on the tick grid; required unless --type MARKET")
    String price;

    @Option(name = "--type", description = "LIMIT (the default), MARKET (no price), STOP or STOP_LIMIT")
    String type;

    @Option(name = "--stop", description = "Stop price of a STOP_LIMIT order, as a decimal")
    String stopPrice;

    @Option(name = "--tif", description = "Time in force: DAY (the default), GTC, IOC or FOK")
    String timeInForce = "DAY";

    @Option(name = "--account", required = true, description = "Account the order is booked to, e.g. ACC-1")
    String account;

    @Option(name = "--desk", description = "Desk the order is attributed to")
    String desk = "operations";

    @Option(name = "--client", description = "Client the order is attributed to")
    String client = "house";

    @Option(name = "--id", description = "Client order id, 1 to 64 printable characters (default: a new sh-... id)")
    String clientOrderId;

    @Override
    public Object execute() throws Exception {
        Side orderSide = Inputs.choice("side", side, Side.class);
        Instrument reference = EngineInputs.instrument(engine, "instrument", instrument);
        long units = EngineInputs.quantity(reference, "quantity", quantity);
        if (type == null && price == null) {
            throw Inputs.invalid("price: required for a LIMIT order (the type when --type is not given); for a market"
                    + " order say so: --type MARKET --tif IOC");
        }
        OrderType orderType = type == null ? OrderType.LIMIT : Inputs.choice("--type", type, OrderType.class);
        TimeInForce tif = Inputs.choice("--tif", timeInForce, TimeInForce.class);
        long limit = OrderRequest.NO_PRICE;
        long stop = OrderRequest.NO_PRICE;
        switch (orderType) {
            case MARKET -> {
                if (price != null) {
                    throw Inputs.invalid("price = " + Inputs.quote(price) + ": a MARKET order has no price (leave it"
                            + " out, or say --type LIMIT)");
                }
            }
            case LIMIT -> limit = EngineInputs.price(reference, "price", required(price, orderType));
            case STOP -> stop = EngineInputs.price(reference, "price", required(price, orderType));
            case STOP_LIMIT -> {
                limit = EngineInputs.price(reference, "price", required(price, orderType));
                if (stopPrice == null) {
                    throw Inputs.invalid("--stop: required for a STOP_LIMIT order (its stop price)");
                }
                stop = EngineInputs.price(reference, "--stop", stopPrice);
            }
        }
        if (stopPrice != null && orderType != OrderType.STOP_LIMIT) {
            throw Inputs.invalid("--stop = " + Inputs.quote(stopPrice) + ": only a STOP_LIMIT order has one (a STOP"
                    + " order's stop price is its price argument)");
        }
        ClientOrderId id = clientOrderId != null ? EngineInputs.clientOrderId("--id", clientOrderId)
                : ClientOrderId.of("sh-" + UUID.randomUUID().toString().substring(0, 13));
        String trader = String.valueOf(session.get("USER"));
        OrderRequest order;
        try {
            order = new OrderRequest(id, reference, orderSide, orderType, tif, units, limit, stop,
                    new Attribution(StrategyHost.OPERATOR_STRATEGY_ID, trader, account, desk, client));
        } catch (IllegalArgumentException e) {
            // The SDK's boundary checks (attribution ids, short sides, GTC market orders) name field and value.
            throw Inputs.invalid(e.getMessage());
        }
        try (VenueAnswer venue = VenueAnswer.listen(engine, id)) {
            ExecutionReport answer = engine.submit(order, "shell:" + trader).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            System.out.println(Reports.describe(answer, reference));
            // A held order goes nowhere until released: there is no venue answer to wait for.
            if (answer.execType() == ExecType.PENDING_NEW && (answer.text() == null
                    || !answer.text().startsWith(EngineCore.HELD))) {
                Optional<ExecutionReport> first = venue.await(VENUE_ANSWER_MILLIS, AFTER_ACKNOWLEDGEMENT_MILLIS);
                System.out.println(first.map(report -> Reports.describe(report, reference)).orElse("No answer from "
                        + reference.id().venueId() + " within " + VENUE_ANSWER_MILLIS / 1000 + " s; alphintra:orders"
                        + " shows the order as it goes on"));
            }
        }
        return null;
    }

    private static String required(String value, OrderType type) throws CommandException {
        if (value == null) {
            throw Inputs.invalid("price: required for a " + type + " order");
        }
        return value;
    }
}
