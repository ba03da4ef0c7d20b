package io.alphintra.engine.internal.command;

import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code alphintra:order-submit}: a manual order through the same gate as every other order. Prices and quantities
 * are decimals parsed exactly to the instrument's grid.
 */
@Service
@Command(scope = "alphintra", name = "order-submit", description = "Submits an order through the pre-trade gate, "
        + "e.g. order-submit --account ACC-1 BUY 100 AAPL@SIMX-US 187.25")
public class OrderSubmitCommand implements Action {

    @Reference
    TradingEngine engine;

    @Reference
    Session session;

    @Argument(index = 0, name = "side", required = true, description = "BUY, SELL, SELL_SHORT or SELL_SHORT_EXEMPT")
    String side;

    @Argument(index = 1, name = "quantity", required = true, description = "Quantity as a decimal, e.g. 100 or 0.5")
    String quantity;

    @Argument(index = 2, name = "instrument", required = true, description = "Instrument as SYMBOL@VENUE")
    String instrument;

    @Argument(index = 3, name = "price", description = "Limit price (LIMIT, STOP_LIMIT) or stop price (STOP)")
    String price;

    @Option(name = "--type", description = "MARKET, LIMIT (default when a price is given), STOP, STOP_LIMIT")
    String type;

    @Option(name = "--stop", description = "Stop price of a STOP_LIMIT order")
    String stopPrice;

    @Option(name = "--tif", description = "DAY (default), GTC, IOC, FOK")
    String timeInForce = "DAY";

    @Option(name = "--account", required = true, description = "Account the order is booked to")
    String account;

    @Option(name = "--strategy", description = "Strategy the order is attributed to (default: manual)")
    String strategy = "manual";

    @Option(name = "--desk", description = "Desk (default: operations)")
    String desk = "operations";

    @Option(name = "--client", description = "Client (default: house)")
    String client = "house";

    @Option(name = "--id", description = "Client order id (default: generated)")
    String clientOrderId;

    @Override
    public Object execute() throws Exception {
        InstrumentId id = InstrumentId.parse(instrument);
        Instrument reference = engine.instrument(id).orElseThrow(() -> new IllegalArgumentException(
                "instrument = '" + instrument + "': no connected venue lists it"));
        OrderType orderType = type != null ? OrderType.valueOf(type.toUpperCase(Locale.ROOT))
                : price == null ? OrderType.MARKET : OrderType.LIMIT;
        long limit = OrderRequest.NO_PRICE;
        long stop = OrderRequest.NO_PRICE;
        if (orderType == OrderType.STOP) {
            stop = reference.parsePrice("price", required(price, "price"));
        } else if (orderType.requiresLimitPrice()) {
            limit = reference.parsePrice("price", required(price, "price"));
        }
        if (orderType == OrderType.STOP_LIMIT) {
            stop = reference.parsePrice("stop", required(stopPrice, "--stop"));
        }
        String trader = String.valueOf(session.get("USER"));
        ClientOrderId id2 = ClientOrderId.of(clientOrderId != null ? clientOrderId
                : "sh-" + UUID.randomUUID().toString().substring(0, 13));
        OrderRequest order = new OrderRequest(id2, reference, Side.valueOf(side.toUpperCase(Locale.ROOT)), orderType,
                TimeInForce.valueOf(timeInForce.toUpperCase(Locale.ROOT)), reference.parseQuantity("quantity",
                quantity), limit, stop, new Attribution(strategy, trader, account, desk, client));
        ExecutionReport answer = engine.submit(order, "shell:" + trader).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        System.out.println(Reports.describe(answer));
        return null;
    }

    private static String required(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + ": required for this order type");
        }
        return value;
    }
}
