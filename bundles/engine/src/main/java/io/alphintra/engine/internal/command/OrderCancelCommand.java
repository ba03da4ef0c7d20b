package io.alphintra.engine.internal.command;

import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.order.ClientOrderId;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code alphintra:order-cancel}: asks the venue to cancel a working order. */
@Service
@Command(scope = "alphintra", name = "order-cancel", description = "Cancels a working order by its client order id")
public class OrderCancelCommand implements Action {

    @Reference
    TradingEngine engine;

    @Reference
    Session session;

    @Argument(index = 0, name = "clientOrderId", required = true, description = "Any client order id of the order")
    String clientOrderId;

    @Override
    public Object execute() throws Exception {
        System.out.println(Reports.describe(engine.cancel(ClientOrderId.of(clientOrderId), "shell:"
                + session.get("USER")).toCompletableFuture().get(10, TimeUnit.SECONDS)));
        return null;
    }
}
