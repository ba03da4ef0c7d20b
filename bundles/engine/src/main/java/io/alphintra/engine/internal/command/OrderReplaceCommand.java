package io.alphintra.engine.internal.command;

import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ReplaceRequest;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code alphintra:order-replace}: changes a working order's quantity and/or prices, as decimals. */
@Service
@Command(scope = "alphintra", name = "order-replace", description = "Replaces a working order, e.g. order-replace "
        + "sh-1234 --price 187.30 --quantity 200")
public class OrderReplaceCommand implements Action {

    @Reference
    TradingEngine engine;

    @Reference
    Session session;

    @Argument(index = 0, name = "clientOrderId", required = true, description = "Any client order id of the order")
    String clientOrderId;

    @Option(name = "--quantity", description = "New total quantity, fills included")
    String quantity;

    @Option(name = "--price", description = "New limit price")
    String price;

    @Option(name = "--stop", description = "New stop price")
    String stop;

    @Override
    public Object execute() throws Exception {
        ClientOrderId id = ClientOrderId.of(clientOrderId);
        OrderView order = engine.orders().toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
                .filter(o -> o.clientOrderId().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("clientOrderId = '" + clientOrderId
                        + "': no such order (use its current client order id)"));
        Instrument instrument = engine.instrument(order.instrumentId()).orElseThrow(() ->
                new IllegalArgumentException("instrument " + order.instrumentId() + ": no connected venue lists it"));
        long newQuantity = quantity == null ? ReplaceRequest.UNCHANGED : instrument.parseQuantity("quantity", quantity);
        long newLimit = price == null ? ReplaceRequest.UNCHANGED : instrument.parsePrice("price", price);
        long newStop = stop == null ? ReplaceRequest.UNCHANGED : instrument.parsePrice("stop", stop);
        System.out.println(Reports.describe(engine.replace(id, newQuantity, newLimit, newStop,
                "shell:" + session.get("USER")).toCompletableFuture().get(10, TimeUnit.SECONDS)));
        return null;
    }
}
