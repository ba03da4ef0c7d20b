package io.alphintra.engine.internal.command;

import io.alphintra.shell.support.Inputs;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.order.ClientOrderId;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code alphintra:order-release}: an authorised override of an order a soft limit held (role risk; never by the
 * order's own trader).
 */
@Service
@Command(scope = "alphintra", name = "order-release", description = "Releases an order held for an override of a"
        + " soft limit: journaled with who and why, then sent to its venue",
        detailedDescription = "The engine's own last checks still apply (kill switch, venue connected, message"
                + " throttles); the risk checks are not run again, their soft breach is what is overridden. The"
                + " order's own trader or sender may not release it (four eyes). alphintra:orders shows held orders"
                + " as HELD. Example:\n"
                + "order-release --reason \"client confirmed the size\" sh-1b2c3d4e-5f60")
public class OrderReleaseCommand implements Action {

    @Reference
    TradingEngine engine;

    @Reference
    Session session;

    @Option(name = "--reason", description = "Why it is released, for the audit trail")
    String reason = "";

    @Argument(index = 0, name = "clientOrderId", required = true, description = "The held order's client order id"
            + " (alphintra:orders --working shows it)")
    String clientOrderId;

    @Override
    public Object execute() throws Exception {
        ClientOrderId id = EngineInputs.clientOrderId("clientOrderId", clientOrderId);
        String user = String.valueOf(session.get("USER"));
        OrderView released;
        try {
            released = engine.releaseHeldOrder(id, user, reason).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                throw Inputs.invalid("clientOrderId = " + Inputs.quote(clientOrderId) + ": no order held has this id"
                        + " (alphintra:orders lists the orders held)");
            }
            if (e.getCause() instanceof IllegalStateException refused) {
                throw Inputs.invalid("clientOrderId = " + Inputs.quote(clientOrderId) + ": not released, "
                        + refused.getMessage());
            }
            throw e;
        }
        System.out.println("Order " + released.orderId() + " (" + released.clientOrderId() + ") released by " + user
                + " and sent to " + released.instrumentId().venueId() + "; alphintra:orders shows how it fares");
        return null;
    }
}
