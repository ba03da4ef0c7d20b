package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.logging.spi.PaxAppender;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Accounts as reference data on the real distribution, through the real order path: an order for an account no
 * configuration names, for a suspended account or for a venue the account is not permitted is rejected by the
 * engine naming why; an account added through ConfigAdmin at run time trades on the very next order, and one
 * suspended at run time may still cancel its working order. {@code alphintra:accounts} lists them for a viewer.
 *
 * <p>Orders rest far below the market in BTC-USD@SIMX_CRYPTO (which trades at every hour) and are cancelled.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AccountsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USD@SIMX_CRYPTO");
    private static final String FACTORY_PID = "io.alphintra.account";
    private static final String SOURCE = "itest:accounts";
    /** The engine logs each account change as it takes it, on its own thread, before any later order. */
    private static final String ENGINE_LOGGER = "io.alphintra.engine.internal.core.EngineCore";
    private static final AtomicInteger ORDER_IDS = new AtomicInteger();

    @Inject
    private TradingEngine engine;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    private BundleContext bundleContext;

    private final BlockingQueue<String> engineLog = new LinkedBlockingQueue<>();
    private ServiceRegistration<PaxAppender> appender;
    private final List<Configuration> configurations = new ArrayList<>();
    private Instrument btc;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        return KarafNode.options();
    }

    @Before
    public void listenToTheEnginesLog() {
        btc = EngineCalls.awaitInstrument(engine, BTC, WAIT);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("org.ops4j.pax.logging.appender.name", "AccountsIT");
        appender = bundleContext.registerService(PaxAppender.class, event -> {
            if (ENGINE_LOGGER.equals(event.getLoggerName())) {
                engineLog.add(event.getRenderedMessage());
            }
        }, properties);
    }

    @After
    public void removeAccounts() throws Exception {
        try {
            for (Configuration configuration : configurations) {
                configuration.delete();
            }
        } finally {
            if (appender != null) {
                appender.unregister();
            }
        }
    }

    @Test
    public void anOrderForAnAccountNoConfigurationNamesIsRejectedNamingIt() {
        ExecutionReport report = submit(farBid("ACC-NOBODY"));

        assertRejected(report, RejectReason.UNKNOWN_ACCOUNT, "account ACC-NOBODY is not configured");
    }

    @Test
    public void aSuspendedAccountsOrderIsRejectedSayingSo() {
        ExecutionReport report = submit(farBid(TestAccounts.SUSPENDED));

        assertRejected(report, RejectReason.ACCOUNT_NOT_PERMITTED, "account " + TestAccounts.SUSPENDED
                + " is suspended");
    }

    @Test
    public void anAccountAddedAtRunTimeTradesOnTheVeryNextOrderAndOneNotPermittedTheVenueIsRefused()
            throws Exception {
        assertRejected(submit(farBid("ACC-RUNTIME")), RejectReason.UNKNOWN_ACCOUNT, "account ACC-RUNTIME");

        Configuration added = account("itest-runtime", "ACC-RUNTIME", "added", "venues", "*");
        ExecutionReport accepted = submit(farBid("ACC-RUNTIME"));
        assertEquals(accepted.toString(), ExecType.PENDING_NEW, accepted.execType());
        EngineCalls.awaitStatus(engine, accepted.orderId(), OrderStatus.NEW, WAIT);
        EngineCalls.cancel(engine, accepted, SOURCE, WAIT);

        update(added, "ACC-RUNTIME", "changed", "venues", "SIMX_US, SIMX_EU");
        assertRejected(submit(farBid("ACC-RUNTIME")), RejectReason.ACCOUNT_NOT_PERMITTED,
                "account ACC-RUNTIME is not permitted venue SIMX_CRYPTO (venues = SIMX_US, SIMX_EU");
    }

    @Test
    public void anAccountSuspendedAtRunTimeMayStillCancelItsWorkingOrder() throws Exception {
        Configuration configuration = account("itest-suspend", "ACC-SUSPEND-LATER", "added", "venues", "*");
        ExecutionReport working = submit(farBid("ACC-SUSPEND-LATER"));
        assertEquals(working.toString(), ExecType.PENDING_NEW, working.execType());
        EngineCalls.awaitStatus(engine, working.orderId(), OrderStatus.NEW, WAIT);

        update(configuration, "ACC-SUSPEND-LATER", "changed", "venues", "*", "status", "suspended");
        assertRejected(submit(farBid("ACC-SUSPEND-LATER")), RejectReason.ACCOUNT_NOT_PERMITTED,
                "account ACC-SUSPEND-LATER is suspended");
        EngineCalls.cancel(engine, working, SOURCE, WAIT);
        EngineCalls.awaitStatus(engine, working.orderId(), OrderStatus.CANCELED, WAIT);
    }

    @Test
    public void aViewerListsTheAccountsWithTheirReferenceData() throws Exception {
        String listing = asViewer("alphintra:accounts");

        String acc1 = listing.lines().map(String::trim).filter(line -> line.startsWith("ACC-1 ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for ACC-1 in:\n" + listing));
        for (String part : List.of("operations", "active", "USD", "USD 1000000.00, EUR 250000.00, JPY 100000000",
                "none", "*")) {
            assertTrue("'" + part + "' in: " + acc1, acc1.contains(part));
        }
        assertTrue(listing, listing.lines().map(String::trim)
                .anyMatch(line -> line.startsWith(TestAccounts.SUSPENDED + " ") && line.contains("suspended")));
    }

    /** A new account configuration, returned once the engine has taken it (the caller's next order sees it). */
    private Configuration account(String name, String id, String kind, String... keysAndValues) throws Exception {
        Configuration configuration = configurationAdmin.getFactoryConfiguration(FACTORY_PID, name, "?");
        configurations.add(configuration);
        update(configuration, id, kind, keysAndValues);
        return configuration;
    }

    /**
     * Updates {@code configuration} and returns once the engine logged that it took the change ({@code kind}: added,
     * changed) for {@code id}. ConfigAdmin hands the change over on its own thread, later; the engine logs it on its
     * own thread after journaling it and before it decides any order sent after, so no sleep stands in for the wait.
     */
    private void update(Configuration configuration, String id, String kind, String... keysAndValues)
            throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>(Map.of("id", id, "owner", "itest",
                "baseCurrency", "USD", "cash", "USD 1000000"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        engineLog.clear();
        configuration.update(properties);
        String expected = "Account reference data in force: account " + id + " " + kind + " ";
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String line = engineLog.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("the engine did not log '" + expected + "...' within " + WAIT.toSeconds()
                        + " s");
            }
            if (line.startsWith(expected)) {
                return;
            }
        }
    }

    private OrderRequest farBid(String accountId) {
        return OrderRequest.limit(ClientOrderId.of("acc-" + ORDER_IDS.incrementAndGet()), btc, Side.BUY,
                btc.parseQuantity("quantity", "0.001"), btc.parsePrice("price", "1000"), TimeInForce.GTC,
                new Attribution("manual", "itest", accountId, "operations", "house"));
    }

    private ExecutionReport submit(OrderRequest order) {
        return EngineCalls.submit(engine, order, SOURCE);
    }

    private static void assertRejected(ExecutionReport report, RejectReason reason, String text) {
        assertEquals(report.toString(), ExecType.REJECTED, report.execType());
        assertEquals(report.toString(), reason, report.rejectReason());
        assertTrue("'" + text + "' in: " + report.text(), report.text().contains(text));
    }

    /** Runs a command as an operator with the viewer role, so the command ACLs apply as they do for people. */
    private String asViewer(String command) throws Exception {
        Subject viewer = new Subject();
        viewer.getPrincipals().add(new UserPrincipal("itest"));
        viewer.getPrincipals().add(new RolePrincipal("viewer"));
        return Subject.doAs(viewer, (PrivilegedExceptionAction<String>) () -> {
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
    }
}
