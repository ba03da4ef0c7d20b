package io.alphintra.risk.limits.internal.command;

import io.alphintra.risk.limits.LimitSet;
import io.alphintra.risk.limits.RiskLimits;
import io.alphintra.shell.support.Inputs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code alphintra:risk-limits-set}: changes limits of one scope as the logged-in user. */
@Service
@Command(scope = "alphintra", name = "risk-limits-set", description = "Sets risk limits of one scope (creating its"
        + " configuration if needed) as the logged-in user; in force for the very next order, journaled with who",
        detailedDescription = "Each limit is key=value as in etc/io.alphintra.risk.limit-*.cfg; key= (empty) removes"
                + " it from this scope (left to less specific scopes), key=none lifts it here. A change that would be"
                + " refused is refused whole, naming every key and value at fault, and nothing changes. Quote a scope"
                + " of several terms. Examples:\n"
                + "risk-limits-set account:ACC-1 maxOrderQuantity=5000 \"maxOrderValue=USD 1000000\"\n"
                + "risk-limits-set \"account:ACC-1 instrument:AAPL@SIMX_US\" maxLongPosition=50000 maxShortPosition=0\n"
                + "risk-limits-set '*' warnOrderQuantity=")
public class RiskLimitsSetCommand implements Action {
    @Reference
    RiskLimits riskLimits;

    @Reference
    Session session;

    @Argument(index = 0, name = "scope", required = true, description = "'*' or terms strategy:ID trader:ID"
            + " account:ID instrument:SYMBOL@VENUE venue:VENUE")
    String scope;

    @Argument(index = 1, name = "limits", required = true, multiValued = true, description = "key=value ...")
    List<String> limits;

    @Override
    public Object execute() throws Exception {
        Map<String, String> set = new LinkedHashMap<>();
        for (String limit : limits) {
            int equals = limit.indexOf('=');
            if (equals <= 0) {
                throw Inputs.invalid("limit " + Inputs.quote(limit) + ": expected key=value, e.g."
                        + " maxOrderQuantity=5000 (key= removes it from this scope)");
            }
            if (set.put(limit.substring(0, equals).trim(), limit.substring(equals + 1)) != null) {
                throw Inputs.invalid("limit " + Inputs.quote(limit.substring(0, equals)) + " is given twice");
            }
        }
        LimitSet inForce;
        try {
            inForce = riskLimits.change(scope, set, List.of(), Inputs.user(session, "to journal the change as"));
        } catch (IllegalArgumentException e) {
            throw Inputs.invalid(e.getMessage());
        }
        System.out.println("In force for " + inForce.scope() + " (" + inForce.source() + "): "
                + (inForce.description().isEmpty() ? "no limits set here" : inForce.description()));
        return null;
    }
}
