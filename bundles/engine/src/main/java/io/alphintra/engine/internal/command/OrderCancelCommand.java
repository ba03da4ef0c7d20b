package io.alphintra.engine.internal.command;

import io.alphintra.shell.support.Inputs;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecutionReport;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code alphintra:order-cancel}: asks the venue to cancel a working order. */
@Service
@Command(scope = "alphintra", name = "order-cancel", description = "Cancels a working order by any of its client"
        + " order ids",
        detailedDescription = "The venue's answer follows in alphintra:orders. Example:\n"
                + "order-cancel sh-1b2c3d4e-5f60")
public class OrderCancelCommand implements Action {

    @Reference
    TradingEngine engine;

    @Reference
    Session session;

    @Argument(index = 0, name = "clientOrderId", required = true, description = "Any client order id the order has"
            + " carried (alphintra:orders shows the current one)")
    String clientOrderId;

    @Override
    public Object execute() throws Exception {
        ClientOrderId id = EngineInputs.clientOrderId("clientOrderId", clientOrderId);
        try {
            ExecutionReport answer = engine.cancel(id, "shell:" + session.get("USER")).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            System.out.println(Reports.describe(answer, engine.instrument(answer.instrumentId()).orElse(null)));
        } catch (ExecutionException e) {
            // The engine answers an id it holds no order for with IllegalArgumentException: the operator's typo,
            // or an order that finished and left the window of finished orders.
            if (e.getCause() instanceof IllegalArgumentException) {
                throw Inputs.invalid("clientOrderId = " + Inputs.quote(clientOrderId) + ": no order held has this id"
                        + " (alphintra:orders lists the orders held)");
            }
            throw e;
        }
        return null;
    }
}
