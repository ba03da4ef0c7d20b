package io.alphintra.access.internal.command;

import io.alphintra.access.ApiKeyInfo;
import io.alphintra.access.ApiKeys;
import io.alphintra.access.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code alphintra:apikey-list}: every API key, live and revoked, without secrets. */
@Service
@Command(scope = "alphintra", name = "apikey-list", description = "Lists the API keys, oldest first, live and"
        + " revoked: id, user, roles, label, created, by whom, state (times UTC); never a secret")
public class ApiKeyListCommand implements Action {
    @Reference
    ApiKeys keys;

    @Override
    public Object execute() throws Exception {
        List<ApiKeyInfo> all = keys.list();
        if (all.isEmpty()) {
            System.out.println("No API keys (apikey-create makes one).");
            return null;
        }
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "User", "Roles")) {
            table.column(column);
        }
        table.column("Label").maxSize(40).wrap();
        for (String column : List.of("Created", "Created by", "State")) {
            table.column(column);
        }
        for (ApiKeyInfo key : all) {
            table.addRow().addContent(key.id(), key.user(),
                    EnumSet.copyOf(key.roles()).stream().map(Role::id).collect(Collectors.joining(",")), key.label(),
                    time(key.created()), key.createdBy(),
                    key.live() ? "live" : "revoked " + time(key.revoked()) + " by " + key.revokedBy());
        }
        table.print(System.out);
        return null;
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
