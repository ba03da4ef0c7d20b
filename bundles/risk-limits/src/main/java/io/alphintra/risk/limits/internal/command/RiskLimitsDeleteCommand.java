package io.alphintra.risk.limits.internal.command;

import io.alphintra.risk.limits.RiskLimits;
import io.alphintra.shell.support.Inputs;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code alphintra:risk-limits-delete}: removes the configuration of one scope as the logged-in user. */
@Service
@Command(scope = "alphintra", name = "risk-limits-delete", description = "Removes the risk limits of one scope (its"
        + " configuration): less specific scopes decide its orders again; journaled with who",
        detailedDescription = "Example:\nrisk-limits-delete \"account:ACC-1 instrument:AAPL@SIMX_US\"")
public class RiskLimitsDeleteCommand implements Action {
    @Reference
    RiskLimits limits;

    @Reference
    Session session;

    @Argument(index = 0, name = "scope", required = true, description = "The scope, as alphintra:risk-limits shows it")
    String scope;

    @Override
    public Object execute() throws Exception {
        try {
            limits.delete(scope, Inputs.user(session, "to journal the change as"));
        } catch (IllegalArgumentException e) {
            throw Inputs.invalid(e.getMessage());
        }
        System.out.println("The limits of " + scope + " are removed");
        return null;
    }
}
