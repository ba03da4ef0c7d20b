package io.alphintra.access.internal.command;

import io.alphintra.access.ApiKeys;
import io.alphintra.shell.support.Inputs;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code alphintra:apikey-revoke}: an API key refused from the next call on, recorded with who revoked it. */
@Service
@Command(scope = "alphintra", name = "apikey-revoke", description = "Revokes an API key at once: the next call made"
        + " with it is refused. Recorded with who revoked it",
        detailedDescription = "Example:\napikey-revoke k3j5xq2m7a4b")
public class ApiKeyRevokeCommand implements Action {
    @Reference
    ApiKeys keys;

    @Reference
    Session session;

    @Argument(index = 0, name = "id", required = true, description = "The key's id (apikey-list shows it; the part"
            + " of the key after ak_)")
    String id;

    @Override
    public Object execute() throws Exception {
        String revokedBy = Inputs.user(session, "to record as who revoked the key");
        if (!keys.revoke(id, revokedBy)) {
            throw Inputs.invalid("id = " + Inputs.quote(id) + ": no live API key has this id (apikey-list shows"
                    + " them)");
        }
        System.out.println("API key " + id + " revoked: calls made with it are refused from now on.");
        return null;
    }
}
