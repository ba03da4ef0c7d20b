package io.alphintra.engine.internal.command;

import io.alphintra.shell.support.Inputs;
import io.alphintra.engine.GateDecision;
import io.alphintra.engine.OrderPage;
import io.alphintra.engine.OrderQuery;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.order.OrderRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code alphintra:orders}: the node's orders, newest first, with attribution, the gate's last word and, for an order
 * something refused or ended, why. Quantities and prices in the instrument's units. Read page by page with the
 * engine's scoped query, so no call makes the engine thread walk the whole book.
 */
@Service
@Command(scope = "alphintra", name = "orders", description = "Lists orders, newest first, with their fills, the gate's"
        + " decision and why a refused one was refused",
        detailedDescription = "Quantities and prices are in the instrument's units. Examples:\n"
                + "orders\n"
                + "orders --working\n"
                + "orders --strategy momentum-1 --limit 20\n"
                + "orders --account ACC-1 --working\n"
                + "orders --decisions --limit 10")
public class OrdersCommand implements Action {

    @Reference
    TradingEngine engine;

    @Option(name = "--working", description = "Only orders still working")
    boolean workingOnly;

    @Option(name = "--limit", description = "How many orders to show, a whole number of 1 or more")
    String limit = "50";

    @Option(name = "--strategy", description = "Only the orders of this strategy instance ('manual': operators')")
    String strategy;

    @Option(name = "--account", description = "Only the orders of this account")
    String account;

    @Option(name = "--trader", description = "Only the orders of this trader")
    String trader;

    @Option(name = "--decisions", description = "Show every gate decision of each order, not only the last")
    boolean decisions;

    @Override
    public Object execute() throws Exception {
        int shown = Inputs.count("--limit", limit, 1, Integer.MAX_VALUE);
        String strategyId = filter("--strategy", strategy);
        String accountId = filter("--account", account);
        String traderId = filter("--trader", trader);
        List<OrderView> orders = new ArrayList<>();
        String cursor = null;
        do {
            OrderQuery query = new OrderQuery(strategyId, accountId, traderId, null, workingOnly, cursor,
                    Math.min(shown - orders.size(), OrderQuery.MAX_LIMIT));
            OrderPage page = engine.orders(query).toCompletableFuture().get(10, TimeUnit.SECONDS);
            orders.addAll(page.orders());
            cursor = page.nextCursor();
        } while (cursor != null && orders.size() < shown);
        ShellTable table = new ShellTable();
        for (String column : List.of("Order", "Client id", "Instrument", "Side", "Qty", "Limit", "Status", "Filled",
                "Strategy", "Trader", "Account", "Gate", "Reason")) {
            table.column(column);
        }
        orders.forEach(o -> {
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

    private static String filter(String field, String text) throws CommandException {
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            throw Inputs.invalid(field + " = " + Inputs.quote(text) + ": must not be empty; leave it out for every"
                    + " order");
        }
        return text.trim();
    }
}
