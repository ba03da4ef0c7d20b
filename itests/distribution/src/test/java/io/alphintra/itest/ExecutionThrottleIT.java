package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.InstrumentId;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
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
        Bundle probe = bundleContext.installBundle(
                new File(System.getProperty("alphintra.strategy.probe.jar")).toURI().toString());
        probe.start();
        org.osgi.service.cm.Configuration instance =
                configurationAdmin.createFactoryConfiguration("io.alphintra.strategy", "?");
        try {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("instanceId", INSTANCE);
            properties.put("type", "itest-flow");
            properties.put("instruments", BTC.toString());
            properties.put("accountId", "ACC-EXEC");
            properties.put("traderId", "itest");
            properties.put("maxExecutions", "3");
            properties.put("executionWindowMillis", "60000");
            properties.put("param.quantity", "0.001");
            properties.put("param.takes", "20");
            instance.update(properties);

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
        Subject user = new Subject();
        user.getPrincipals().add(new UserPrincipal("itest-" + role));
        user.getPrincipals().add(new RolePrincipal(role));
        try {
            return Subject.doAs(user, (PrivilegedExceptionAction<String>) () -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
                    Session session = sessionFactory.create(System.in, out, out);
                    try {
                        session.execute(command);
                    } finally {
                        session.close();
                    }
                }
                return bytes.toString(StandardCharsets.UTF_8);
            });
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }
}
