package io.alphintra.engine.internal.command;

import io.alphintra.engine.internal.account.Account;
import io.alphintra.engine.internal.account.AccountDirectory;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code alphintra:accounts}: the account reference data in force. */
@Service
@Command(scope = "alphintra", name = "accounts", description = "Lists the configured accounts: owner, status, base"
        + " currency, deposited cash and margin per currency, permitted venues and instruments",
        detailedDescription = "One line per etc/io.alphintra.account-*.cfg in force; cash and margin are as"
                + " configured (the cash the account holds also moves with its fills). An account whose"
                + " configuration is invalid or given twice shows why its orders are refused. Example:\n"
                + "accounts")
public class AccountsCommand implements Action {

    @Reference
    AccountDirectory directory;

    @Override
    public Object execute() {
        List<Account> accounts = directory.table().accounts();
        if (accounts.isEmpty()) {
            System.out.println("No account is configured: every order is refused (etc/io.alphintra.account-*.cfg)");
            return null;
        }
        ShellTable table = new ShellTable();
        for (String column : List.of("Account", "Owner", "Status", "Base", "Cash", "Margin", "Venues",
                "Instruments")) {
            table.column(column);
        }
        for (Account account : accounts) {
            if (account.isBroken()) {
                table.addRow().addContent(account.id(), "-", "NOT IN FORCE: " + account.problem(), "-", "-", "-",
                        "-", "-");
            } else {
                table.addRow().addContent(account.id(), account.owner(), account.status().word(),
                        account.baseCurrency().code(), account.cash().toString(), account.margin().toString(),
                        account.venues().toString(), account.instruments().toString());
            }
        }
        table.print(System.out);
        return null;
    }
}
