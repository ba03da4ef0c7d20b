package io.alphintra.engine.internal.command;

import io.alphintra.shell.support.Inputs;
import io.alphintra.engine.KillScope;
import io.alphintra.engine.TradingEngine;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code alphintra:kill-reset}: resets a kill switch. */
@Service
@Command(scope = "alphintra", name = "kill-reset", description = "Resets a kill switch: orders in its scope are"
        + " accepted again (other engaged switches still apply)",
        detailedDescription = "Example:\nkill-reset strategy:momentum-1")
public class KillResetCommand implements Action {

    @Reference
    TradingEngine engine;

    @Reference
    Session session;

    @Argument(index = 0, name = "scope", required = true, description = "The scope it was engaged with, e.g. all or"
            + " account:ACC-1")
    String scope;

    @Override
    public Object execute() throws Exception {
        KillScope reset = EngineInputs.killScope("scope", scope);
        String who = "shell:" + session.get("USER");
        boolean wasEngaged = engine.resetKillSwitch(reset, who).toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (!wasEngaged) {
            throw Inputs.invalid("scope: no kill switch " + reset + " is engaged (alphintra:kills lists them)");
        }
        System.out.println("Kill switch " + reset + " reset by " + who);
        return null;
    }
}
