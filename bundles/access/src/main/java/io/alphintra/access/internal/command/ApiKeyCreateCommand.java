package io.alphintra.access.internal.command;

import io.alphintra.access.ApiKeys;
import io.alphintra.access.IssuedApiKey;
import io.alphintra.access.Role;
import io.alphintra.shell.support.Inputs;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code alphintra:apikey-create}: a new API key for the HTTP API, recorded as created by the logged-in user. */
@Service
@Command(scope = "alphintra", name = "apikey-create", description = "Creates an API key for the HTTP API and prints"
        + " it once: the node keeps only its hash",
        detailedDescription = "The key is sent as 'Authorization: Bearer <key>'; calls made with it are attributed to"
                + " --user and may do what its roles may. Recorded with who created it. Examples:\n"
                + "apikey-create --user alice --role trader --label \"algo desk 4\"\n"
                + "apikey-create --user monitor --role viewer")
public class ApiKeyCreateCommand implements Action {
    @Reference
    ApiKeys keys;

    @Reference
    Session session;

    @Option(name = "--user", required = true, description = "Whom calls with the key are attributed to: 1 to 64 of"
            + " letters, digits, . _ @ -")
    String user;

    @Option(name = "--role", required = true, multiValued = true, description = "viewer, trader, risk, compliance or"
            + " admin; repeat the option for several")
    List<String> roles;

    @Option(name = "--label", description = "What the key is for, up to 200 characters")
    String label = "";

    @Override
    public Object execute() throws Exception {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        for (String name : roles == null ? List.<String>of() : roles) {
            chosen.add(Role.of(name).orElseThrow(() -> Inputs.invalid("--role = " + Inputs.quote(name)
                    + ": not one of viewer, trader, risk, compliance, admin")));
        }
        if (chosen.isEmpty()) {
            throw Inputs.invalid("--role: at least one is needed (viewer, trader, risk, compliance, admin)");
        }
        String createdBy = Inputs.user(session, "to record as the key's creator");
        IssuedApiKey issued;
        try {
            issued = keys.create(user, chosen, label, createdBy);
        } catch (IllegalArgumentException e) {
            throw Inputs.invalid(e.getMessage());
        }
        System.out.println("API key " + issued.info().id() + " for " + issued.info().user() + " (roles "
                + issued.info().roles().stream().map(Role::id).sorted().collect(Collectors.joining(", ")) + "):");
        System.out.println(issued.key());
        System.out.println("Store it now: it is shown only this once, and the node keeps only its hash."
                + " Revoke it with apikey-revoke " + issued.info().id() + ".");
        return null;
    }
}
