package io.alphintra.engine.internal.command;

import io.alphintra.engine.PositionView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.portfolio.Position;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code alphintra:positions} and, with {@code --pnl} (or as {@code alphintra:pnl}), realised and unrealised
 * profit and loss per position.
 */
@Service
@Command(scope = "alphintra", name = "positions", description = "Lists positions per account, strategy and"
        + " instrument, with their exact average price",
        detailedDescription = "Quantities and prices are in the instrument's units. Examples:\n"
                + "positions\n"
                + "positions --account ACC-1 --pnl\n"
                + "positions --all")
public class PositionsCommand implements Action {

    @Reference
    TradingEngine engine;

    @Option(name = "--account", description = "Only this account, e.g. ACC-1")
    String account;

    @Option(name = "--pnl", description = "Show realised and unrealised P&L (flat positions included)")
    boolean pnl;

    @Option(name = "--all", description = "Include flat positions")
    boolean all;

    @Override
    public Object execute() throws Exception {
        List<PositionView> positions = engine.positions().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ShellTable table = new ShellTable();
        for (String column : pnl ? List.of("Account", "Strategy", "Instrument", "Net", "Avg price", "Realised",
                "Unrealised") : List.of("Account", "Strategy", "Instrument", "Net", "Avg price")) {
            table.column(column);
        }
        for (PositionView view : positions) {
            Position p = view.position();
            if ((account != null && !account.equals(p.accountId())) || (!all && p.isFlat() && !pnl)) {
                continue;
            }
            Instrument instrument = engine.instrument(p.instrumentId()).orElse(null);
            String net = Reports.quantity(instrument, p.netQuantity());
            String average = p.averageOpenPrice(RoundingMode.HALF_EVEN).stream()
                    .mapToObj(price -> Reports.price(instrument, price)).findFirst().orElse("-");
            var row = table.addRow();
            row.addContent(p.accountId(), p.strategyId(), p.instrumentId(), net, average);
            if (pnl) {
                row.addContent(p.realizedPnl().format(), view.unrealizedPnl().map(m -> m.format()).orElse("not marked"));
            }
        }
        table.print(System.out);
        return null;
    }
}
