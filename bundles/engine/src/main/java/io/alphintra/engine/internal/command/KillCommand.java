package io.alphintra.engine.internal.command;

import io.alphintra.engine.KillScope;
import io.alphintra.engine.TradingEngine;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code alphintra:kill}: engages a kill switch. */
@Service
@Command(scope = "alphintra", name = "kill", description = "Engages a kill switch: cancels every working order in its"
        + " scope and refuses new ones until alphintra:kill-reset",
        detailedDescription = "Scopes: all, venue:<id>, strategy:<id>, trader:<id>, account:<id>. Journaled and kept"
                + " across restarts. Examples:\n"
                + "kill --reason \"runaway strategy\" strategy:momentum-1\n"
                + "kill account:ACC-1\n"
                + "kill all")
public class KillCommand implements Action {

    @Reference
    TradingEngine engine;

    @Reference
    Session session;

    @Option(name = "--reason", description = "Why, for the audit trail, e.g. \"fat finger on ACC-1\"")
    String reason;

    @Argument(index = 0, name = "scope", required = true, description = "all, venue:<id>, strategy:<id>,"
            + " trader:<id> or account:<id>")
    String scope;

    @Override
    public Object execute() throws Exception {
        KillScope killed = EngineInputs.killScope("scope", scope);
        String who = "shell:" + session.get("USER");
        int cancels = engine.engageKillSwitch(killed, who, reason == null ? "" : reason.trim())
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.out.println("Kill switch " + killed + " engaged by " + who + ": " + cancels + " working orders are"
                + " being cancelled; new orders in scope are refused until alphintra:kill-reset " + killed);
        return null;
    }
}
