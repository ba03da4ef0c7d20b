package io.alphintra.engine.internal.command;

import io.alphintra.engine.TradingEngine;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code alphintra:pnl}: realised and unrealised profit and loss per position. */
@Service
@Command(scope = "alphintra", name = "pnl", description = "Shows realised and unrealised P&L per position",
        detailedDescription = "The same as alphintra:positions --pnl. Examples:\n"
                + "pnl\n"
                + "pnl --account ACC-1")
public class PnlCommand implements Action {

    @Reference
    TradingEngine engine;

    @Option(name = "--account", description = "Only this account, e.g. ACC-1")
    String account;

    @Override
    public Object execute() throws Exception {
        PositionsCommand positions = new PositionsCommand();
        positions.engine = engine;
        positions.account = account;
        positions.pnl = true;
        return positions.execute();
    }
}
