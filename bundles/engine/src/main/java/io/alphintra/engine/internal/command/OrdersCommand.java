package io.alphintra.engine.internal.command;

import io.alphintra.engine.GateDecision;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.order.OrderRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code alphintra:orders}: the node's orders, newest first, with attribution and the gate's last word. */
@Service
@Command(scope = "alphintra", name = "orders", description = "Lists orders, newest first")
public class OrdersCommand implements Action {

    @Reference
    TradingEngine engine;

    @Option(name = "--working", description = "Only orders still working")
    boolean workingOnly;

    @Option(name = "--limit", description = "How many orders to show (default 50)")
    int limit = 50;

    @Option(name = "--decisions", description = "Show every gate decision of each order")
    boolean decisions;

    @Override
    public Object execute() throws Exception {
        List<OrderView> orders = engine.orders().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ShellTable table = new ShellTable();
        for (String column : List.of("Order", "Client id", "Instrument", "Side", "Qty", "Limit", "Status", "Filled",
                "Strategy", "Trader", "Account", "Gate")) {
            table.column(column);
        }
        orders.stream().filter(o -> !workingOnly || !o.status().isTerminal()).limit(limit).forEach(o -> {
            String price = o.limitPrice() == OrderRequest.NO_PRICE ? "-" : engine.instrument(o.instrumentId())
                    .map(i -> i.formatPrice(o.limitPrice())).orElse(o.limitPrice() + " units");
            String quantity = engine.instrument(o.instrumentId()).map(i -> i.formatQuantity(o.quantity()))
                    .orElse(String.valueOf(o.quantity()));
            GateDecision last = o.decisions().get(o.decisions().size() - 1);
            table.addRow().addContent(o.orderId(), o.clientOrderId(), o.instrumentId(), o.side(), quantity, price,
                    o.status(), o.cumQuantity(), o.strategyId(), o.traderId(), o.accountId(),
                    decisions ? o.decisions().toString() : last.toString());
        });
        table.print(System.out);
        return null;
    }
}
