package io.alphintra.engine.internal.command;

import io.alphintra.engine.KillScope;
import io.alphintra.engine.RiskFigures;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code alphintra:risk-monitor}: the engine's live risk figures with the loss thresholds and their headroom. */
@Service
@Command(scope = "alphintra", name = "risk-monitor", description = "Shows live P&L, equity, peak, drawdown and"
        + " exposure per scope and currency, with the loss thresholds in force and their headroom",
        detailedDescription = "Scopes: the node (all), each strategy and each account that traded, one line per quote"
                + " currency. Equity is realised plus unrealised P&L since inception; peak and drawdown since the"
                + " engine started or the scope's last drawdown reset. Examples:\n"
                + "risk-monitor\n"
                + "risk-monitor --account ACC-1\n"
                + "risk-monitor --strategy momentum-1")
public class RiskMonitorCommand implements Action {

    @Reference
    TradingEngine engine;

    @Option(name = "--strategy", description = "Only this strategy instance, e.g. momentum-1")
    String strategy;

    @Option(name = "--account", description = "Only this account, e.g. ACC-1")
    String account;

    @Override
    public Object execute() throws Exception {
        List<RiskFigures> figures = engine.riskMonitor().toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
                .filter(f -> (strategy == null && account == null) || matches(f.scope()))
                .toList();
        if (figures.isEmpty()) {
            System.out.println(strategy == null && account == null ? "No position has been booked yet"
                    : "No figures for " + (strategy != null ? "strategy " + strategy : "")
                    + (strategy != null && account != null ? " or " : "")
                    + (account != null ? "account " + account : ""));
            return null;
        }
        ShellTable table = new ShellTable();
        for (String column : List.of("Scope", "Ccy", "Realised", "Unrealised", "Equity", "Peak", "Drawdown",
                "Gross", "Net", "Leverage", "Largest", "Max drawdown (headroom)", "Max loss (headroom)")) {
            table.column(column);
        }
        for (RiskFigures f : figures) {
            table.addRow().addContent(f.scope().toString(), f.currency().code(), amount(f.realizedPnl()),
                    amount(f.unrealizedPnl()), amount(f.equity()), amount(f.peakEquity()), amount(f.drawdown()),
                    amount(f.grossExposure()), amount(f.netExposure()),
                    f.leverageBps().isPresent() ? Decimals.format(f.leverageBps().getAsLong(), 4) + "x" : "-",
                    f.largestInstrument().map(id -> id + " " + Decimals.format(f.concentrationBps(), 2) + "%")
                            .orElse("-"),
                    threshold(f.maxDrawdown()), threshold(f.maxLoss()));
        }
        table.print(System.out);
        return null;
    }

    private boolean matches(KillScope scope) {
        return (strategy != null && scope.kind() == KillScope.Kind.STRATEGY && scope.value().equals(strategy.trim()))
                || (account != null && scope.kind() == KillScope.Kind.ACCOUNT && scope.value().equals(account.trim()));
    }

    private static String amount(Money money) {
        return Decimals.format(money.mantissa(), money.scale());
    }

    private static String threshold(Optional<RiskFigures.Threshold> threshold) {
        return threshold.map(t -> Decimals.formatCompact(t.limit().mantissa(), t.limit().scale()) + " ("
                + amount(t.headroom()) + ", " + t.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + ")").orElse("-");
    }
}
