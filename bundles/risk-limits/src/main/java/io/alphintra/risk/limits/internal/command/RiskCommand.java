package io.alphintra.risk.limits.internal.command;

import io.alphintra.engine.CreditUsage;
import io.alphintra.engine.KillSwitchState;
import io.alphintra.engine.TradingEngine;
import io.alphintra.risk.limits.CreditLine;
import io.alphintra.risk.limits.RiskLimits;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.risk.CreditScope;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code alphintra:risk}: credit used, its limits and headroom per account, trader and strategy, and the switches. */
@Service
@Command(scope = "alphintra", name = "risk", description = "Shows the credit each account, trader and strategy"
        + " uses today (PT1) with its limit and headroom, and the kill switches engaged",
        detailedDescription = "Used = working orders + executed since 00:00 UTC. The limit shown is the one the"
                + " scope itself sets (account:ACC-1), else the '*' default; alphintra:risk-limits lists every scope."
                + " Live P&L, drawdown and loss thresholds: alphintra:risk-monitor. Examples:\n"
                + "risk\n"
                + "risk --account ACC-1")
public class RiskCommand implements Action {
    @Reference
    RiskLimits limits;

    @Reference
    TradingEngine engine;

    @Option(name = "--account", description = "Only this account's credit")
    String account;

    @Option(name = "--trader", description = "Only this trader's credit")
    String trader;

    @Option(name = "--strategy", description = "Only this strategy instance's credit")
    String strategy;

    @Override
    public Object execute() throws Exception {
        List<CreditLine> lines = limits.credit().toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
                .filter(line -> wanted(line.usage())).toList();
        ShellTable table = new ShellTable();
        for (String column : List.of("Scope", "Id", "Ccy", "Working", "Executed", "Used", "Limit", "From",
                "Headroom")) {
            table.column(column);
        }
        for (CreditLine row : lines) {
            CreditUsage used = row.usage();
            table.addRow().addContent(used.scope().name().toLowerCase(java.util.Locale.ROOT), used.id(),
                    used.working().currency().code(), amount(used.working()), amount(used.executed()),
                    amount(used.used()), row.limit().orElse("-"), row.limitScope().orElse("-"),
                    row.headroom().map(RiskCommand::amount).orElse("-"));
        }
        System.out.println("Credit (PT1)" + (lines.isEmpty() ? ": none used today" : ""));
        if (!lines.isEmpty()) {
            table.print(System.out);
        }
        List<KillSwitchState> engaged = engine.killSwitches().toCompletableFuture().get(10, TimeUnit.SECONDS);
        System.out.println("Kill switches engaged: " + (engaged.isEmpty() ? "none" : ""));
        for (KillSwitchState state : engaged) {
            System.out.println("  " + state.scope() + " " + state.mode().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-') + " by " + state.engagedBy() + (state.reason().isEmpty() ? ""
                    : ": " + state.reason()));
        }
        return null;
    }

    private boolean wanted(CreditUsage row) {
        if (account == null && trader == null && strategy == null) {
            return true;
        }
        return (account != null && row.scope() == CreditScope.ACCOUNT && row.id().equals(account.trim()))
                || (trader != null && row.scope() == CreditScope.TRADER && row.id().equals(trader.trim()))
                || (strategy != null && row.scope() == CreditScope.STRATEGY && row.id().equals(strategy.trim()));
    }

    private static String amount(Money money) {
        return Decimals.format(money.mantissa(), money.scale());
    }
}
