package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.InstrumentId;
import java.time.Duration;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The execution throttle on the real distribution (PT7, RTS 6 Art 15): a strategy instance allowed 3 executions a
 * minute trades until its 4th, is then disabled — orders stop, it stays so — and trades again only once a user with
 * the risk role starts it; a viewer cannot.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExecutionThrottleIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USD@SIMX_CRYPTO");
    private static final String INSTANCE = "exec-1";

    @Inject
    private TradingEngine engine;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private BundleContext bundleContext;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] configuration() {
        return KarafNode.options();
    }

    @Test
    public void aStrategyIsDisabledAtItsFourthExecutionInTheWindowUntilTheRiskDeskStartsItAgain() throws Exception {
        EngineCalls.awaitInstrument(engine, BTC, WAIT);
        Bundle probe = Plugins.install(bundleContext, "alphintra.strategy.probe.jar");
        org.osgi.service.cm.Configuration instance = Plugins.startStrategy(configurationAdmin, INSTANCE, "itest-flow",
                BTC.toString(), "ACC-EXEC", "itest", "maxExecutions", "3", "executionWindowMillis", "60000",
                "param.quantity", "0.001", "param.takes", "20");
        try {
            Poll.until(INSTANCE + " is disabled by the execution throttle", WAIT, this::listed,
                    () -> line().contains("QUARANTINED") && line().contains("execution throttle: 4 executions within"
                            + " 60000 ms, over its limit of 3"));
            assertTrue("it traded before: " + ordersOf(), filled() >= 3);
            int sent = ordersOf().size();
            Thread.sleep(1_000);
            assertEquals("nothing more once disabled (it takes every 100 ms while running)", sent,
                    ordersOf().size());

            try {
                execute("viewer", "alphintra:strategies start " + INSTANCE);
                fail("a viewer re-enabled a strategy the execution throttle disabled");
            } catch (Exception refused) {
                assertTrue(line(), line().contains("QUARANTINED"));
            }

            String started = execute("risk", "alphintra:strategies start " + INSTANCE);
            Poll.until(INSTANCE + " trades again once re-enabled", WAIT, () -> started + ordersOf(),
                    () -> ordersOf().size() > sent);
        } finally {
            instance.delete();
            probe.uninstall();
        }
    }

    private long filled() {
        return ordersOf().stream().filter(o -> o.cumQuantity() > 0).count();
    }

    private List<OrderView> ordersOf() {
        return EngineCalls.ordersOf(engine, INSTANCE);
    }

    private String listed() {
        try {
            return execute("viewer", "alphintra:strategies");
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** The instance's line of {@code alphintra:strategies}. */
    private String line() {
        return listed().lines().filter(l -> l.contains(INSTANCE)).findFirst().orElse("");
    }

    /** Runs a command as a user with {@code role}, so the command ACLs apply as they do for people. */
    private String execute(String role, String command) throws Exception {
        return ShellCommands.run(sessionFactory, "itest-" + role, role, command);
    }
}
