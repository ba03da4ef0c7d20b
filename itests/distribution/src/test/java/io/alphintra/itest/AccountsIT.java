package io.alphintra.itest;

import static io.alphintra.itest.EngineCalls.assertRejected;
import static org.junit.Assert.assertTrue;

import io.alphintra.engine.TradingEngine;
import io.alphintra.itest.ConfigChanges.Answer;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
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
    private static final AtomicInteger ORDER_IDS = new AtomicInteger();

    @Inject
    private TradingEngine engine;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    private BundleContext bundleContext;

    private ConfigChanges changes;
    private Instrument btc;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        return KarafNode.options();
    }

    @Before
    public void listenToTheEnginesLog() {
        btc = EngineCalls.awaitInstrument(engine, BTC, WAIT);
        changes = new ConfigChanges(bundleContext, configurationAdmin, "AccountsIT", WAIT);
    }

    @After
    public void removeAccounts() throws Exception {
        if (changes != null) {
            changes.close();
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

        Configuration added = account("itest-runtime", "ACC-RUNTIME", "venues", "*");
        ExecutionReport accepted = EngineCalls.submitAccepted(engine, farBid("ACC-RUNTIME"), SOURCE);
        EngineCalls.awaitStatus(engine, accepted.orderId(), OrderStatus.NEW, WAIT);
        EngineCalls.cancel(engine, accepted, SOURCE, WAIT);

        change(added, "ACC-RUNTIME", "venues", "SIMX_US, SIMX_EU");
        assertRejected(submit(farBid("ACC-RUNTIME")), RejectReason.ACCOUNT_NOT_PERMITTED,
                "account ACC-RUNTIME is not permitted venue SIMX_CRYPTO (venues = SIMX_US, SIMX_EU");
    }

    @Test
    public void anAccountSuspendedAtRunTimeMayStillCancelItsWorkingOrder() throws Exception {
        Configuration configuration = account("itest-suspend", "ACC-SUSPEND-LATER", "venues", "*");
        ExecutionReport working = EngineCalls.submitAccepted(engine, farBid("ACC-SUSPEND-LATER"), SOURCE);
        EngineCalls.awaitStatus(engine, working.orderId(), OrderStatus.NEW, WAIT);

        change(configuration, "ACC-SUSPEND-LATER", "venues", "*", "status", "suspended");
        assertRejected(submit(farBid("ACC-SUSPEND-LATER")), RejectReason.ACCOUNT_NOT_PERMITTED,
                "account ACC-SUSPEND-LATER is suspended");
        EngineCalls.cancel(engine, working, SOURCE, WAIT);
        EngineCalls.awaitStatus(engine, working.orderId(), OrderStatus.CANCELED, WAIT);
    }

    @Test
    public void aViewerListsTheAccountsWithTheirReferenceData() throws Exception {
        String listing = ShellCommands.run(sessionFactory, "itest", "viewer", "alphintra:accounts");

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
    private Configuration account(String name, String id, String... keysAndValues) throws Exception {
        return changes.create(FACTORY_PID, name, properties(id, keysAndValues), pid -> Answer.account(id, "added"));
    }

    /** Changes an account's configuration, returning once the engine has taken the change. */
    private void change(Configuration configuration, String id, String... keysAndValues) throws Exception {
        changes.update(configuration, properties(id, keysAndValues), Answer.account(id, "changed"));
    }

    private static Map<String, Object> properties(String id, String... keysAndValues) {
        return ConfigChanges.with(Map.of("id", id, "owner", "itest", "baseCurrency", "USD", "cash", "USD 1000000"),
                keysAndValues);
    }

    private OrderRequest farBid(String accountId) {
        return OrderRequest.limit(ClientOrderId.of("acc-" + ORDER_IDS.incrementAndGet()), btc, Side.BUY,
                btc.parseQuantity("quantity", "0.001"), btc.parsePrice("price", "1000"), TimeInForce.GTC,
                new Attribution("manual", "itest", accountId, "operations", "house"));
    }

    private ExecutionReport submit(OrderRequest order) {
        return EngineCalls.submit(engine, order, SOURCE);
    }
}
