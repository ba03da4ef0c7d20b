package io.alphintra.engine.internal.command;

import io.alphintra.shell.support.Inputs;
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
@Command(scope = "alphintra", name = "order-replace", description = "Replaces a working order's quantity and/or"
        + " prices",
        detailedDescription = "Options come before the order's id (Karaf reads options only before the arguments)."
                + " Values are decimals in the instrument's units, on its grid; the venue's answer follows in"
                + " alphintra:orders. Examples:\n"
                + "order-replace --price 190.05 sh-1b2c3d4e-5f60\n"
                + "order-replace --quantity 200 --price 190.10 sh-1b2c3d4e-5f60")
public class OrderReplaceCommand implements Action {

    @Reference
    TradingEngine engine;

    @Reference
    Session session;

    @Argument(index = 0, name = "clientOrderId", required = true, description = "The order's current client order id"
            + " (alphintra:orders --working shows it)")
    String clientOrderId;

    @Option(name = "--quantity", description = "New total quantity, fills included, as a decimal")
    String quantity;

    @Option(name = "--price", description = "New limit price, as a decimal")
    String price;

    @Option(name = "--stop", description = "New stop price, as a decimal")
    String stop;

    @Override
    public Object execute() throws Exception {
        ClientOrderId id = EngineInputs.clientOrderId("clientOrderId", clientOrderId);
        if (quantity == null && price == null && stop == null) {
            throw Inputs.invalid("nothing to replace: give --quantity, --price and/or --stop before the order's id");
        }
        // Working orders only: a replace of a finished one would be refused anyway.
        OrderView order = engine.order(id).toCompletableFuture().get(10, TimeUnit.SECONDS)
                .filter(o -> !o.status().isTerminal())
                .orElseThrow(() -> Inputs.invalid("clientOrderId = " + Inputs.quote(clientOrderId) + ": no working"
                        + " order has this id (use its current one: alphintra:orders --working)"));
        Instrument instrument = engine.instrument(order.instrumentId()).orElseThrow(() -> Inputs.invalid("order "
                + clientOrderId + ": no connected venue lists its instrument " + order.instrumentId()));
        long newQuantity = quantity == null ? ReplaceRequest.UNCHANGED
                : EngineInputs.quantity(instrument, "--quantity", quantity);
        long newLimit = price == null ? ReplaceRequest.UNCHANGED : EngineInputs.price(instrument, "--price", price);
        long newStop = stop == null ? ReplaceRequest.UNCHANGED : EngineInputs.price(instrument, "--stop", stop);
        System.out.println(Reports.describe(engine.replace(id, newQuantity, newLimit, newStop,
                "shell:" + session.get("USER")).toCompletableFuture().get(10, TimeUnit.SECONDS), instrument));
        return null;
    }
}
