package io.alphintra.engine.internal.command;

import io.alphintra.shell.support.Inputs;
import io.alphintra.engine.GateDecision;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.order.OrderRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code alphintra:orders}: the node's orders, newest first, with attribution, the gate's last word and, for an order
 * something refused or ended, why. Quantities and prices in the instrument's units.
 */
@Service
@Command(scope = "alphintra", name = "orders", description = "Lists orders, newest first, with their fills, the gate's"
        + " decision and why a refused one was refused",
        detailedDescription = "Quantities and prices are in the instrument's units. Examples:\n"
                + "orders\n"
                + "orders --working\n"
                + "orders --decisions --limit 10")
public class OrdersCommand implements Action {

    @Reference
    TradingEngine engine;

    @Option(name = "--working", description = "Only orders still working")
    boolean workingOnly;

    @Option(name = "--limit", description = "How many orders to show, a whole number of 1 or more")
    String limit = "50";

    @Option(name = "--decisions", description = "Show every gate decision of each order, not only the last")
    boolean decisions;

    @Override
    public Object execute() throws Exception {
        int shown = Inputs.count("--limit", limit, 1, Integer.MAX_VALUE);
        List<OrderView> orders = engine.orders().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ShellTable table = new ShellTable();
        for (String column : List.of("Order", "Client id", "Instrument", "Side", "Qty", "Limit", "Status", "Filled",
                "Strategy", "Trader", "Account", "Gate", "Reason")) {
            table.column(column);
        }
        orders.stream().filter(o -> !workingOnly || !o.status().isTerminal()).limit(shown).forEach(o -> {
            Instrument instrument = engine.instrument(o.instrumentId()).orElse(null);
            String price = o.limitPrice() == OrderRequest.NO_PRICE ? "-" : Reports.price(instrument, o.limitPrice());
            GateDecision last = o.decisions().get(o.decisions().size() - 1);
            table.addRow().addContent(o.orderId(), o.clientOrderId(), o.instrumentId(), o.side(),
                    Reports.quantity(instrument, o.quantity()), price, o.held() ? "HELD" : o.status(),
                    Reports.quantity(instrument, o.cumQuantity()), o.strategyId(), o.traderId(), o.accountId(),
                    decisions ? o.decisions().toString() : last.toString(), o.reason() == null ? "" : o.reason());
        });
        table.print(System.out);
        return null;
    }
}
