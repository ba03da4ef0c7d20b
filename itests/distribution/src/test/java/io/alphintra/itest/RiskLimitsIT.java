package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.alphintra.engine.GateDecision;
import io.alphintra.engine.OrderView;
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
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
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
 * The risk limits bundle on the real distribution: each control (credit, price collar around the last trade and the
 * mid, order size hard and soft, duplicate orders, position limits of the account and the strategy) accepts and refuses orders sent through the engine's order path, with limits configured at
 * run time through ConfigAdmin for one test account in BTC-USD@SIMX_CRYPTO (which trades at every hour), and a changed
 * limit decides the first order sent after the bundle put it in force.
 *
 * <p>Every order rests far from the market (or is refused) and is cancelled after its test; each test uses an
 * account and a configuration of its own, so no test sees another's limits, working orders or duplicate history.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RiskLimitsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USD@SIMX_CRYPTO");
    private static final String FACTORY_PID = "io.alphintra.risk.limit";
    private static final String SOURCE = "itest:risk";
    private static final AtomicInteger ORDER_IDS = new AtomicInteger();

    @Inject
    private TradingEngine engine;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private BundleContext bundleContext;

    private ConfigChanges changes;
    private final List<ExecutionReport> accepted = new ArrayList<>();
    private Instrument btc;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        return KarafNode.options();
    }

    @Before
    public void listenToTheBundlesLog() {
        btc = EngineCalls.awaitInstrument(engine, BTC, WAIT);
        changes = new ConfigChanges(bundleContext, configurationAdmin, "RiskLimitsIT", WAIT);
    }

    @After
    public void cancelOrdersAndRemoveLimits() throws IOException {
        try {
            for (ExecutionReport order : accepted) {
                EngineCalls.awaitStatus(engine, order.orderId(), OrderStatus.NEW, WAIT);
                EngineCalls.cancel(engine, order, SOURCE, WAIT);
            }
        } finally {
            if (changes != null) {
                changes.close();
            }
        }
    }

    @Test
    public void aPriceCollarRefusesPricesOutsideItsBandAndANarrowedBandDecidesTheNextOrder() throws Exception {
        Attribution who = account("ACC-RISK-COLLAR");
        String scope = scopeOf(who);
        Configuration limits = limits("itest-collar", scope, "priceCollarBasisPoints", "5000",
                "maxReferenceAgeMillis", "60000");
        long last = EngineCalls.lastPrice(engine, BTC, WAIT);
        long inside = price(last, 70);
        long outside = price(last, 40);

        acceptedAndResting(bid(who, "0.001", inside));
        ExecutionReport below = submit(bid(who, "0.001", outside));
        assertRejected(below, "price-collar: limit price " + btc.describePrice(outside) + " of " + BTC
                + " below the collar (band ", "the last trade ", " ± 50%) for " + scope);

        change(limits, scope, "priceCollarBasisPoints", "2000", "maxReferenceAgeMillis", "60000");
        ExecutionReport narrowed = submit(bid(who, "0.001", inside));
        assertRejected(narrowed, "price-collar: limit price " + btc.describePrice(inside) + " of " + BTC
                + " below the collar (band ", " ± 20%) for " + scope);
    }

    @Test
    public void anOrderOverTheHardSizeIsRefusedOverTheSoftSizeWarnedAndALoweredLimitDecidesTheNextOrder()
            throws Exception {
        Attribution who = account("ACC-RISK-SIZE");
        String scope = scopeOf(who);
        // The soft tier as a warning: holding a soft breach (the default) is SoftLimitHoldIT's.
        Configuration limits = limits("itest-size", scope, "maxOrderQuantity", "0.01", "warnOrderQuantity", "0.005",
                "softLimitAction", "warn");
        long far = price(EngineCalls.lastPrice(engine, BTC, WAIT), 50);

        OrderView small = acceptedAndResting(bid(who, "0.001", far));
        assertEquals(small.toString(), GateDecision.ACCEPT, decisionOf(small, "order-size").outcome());
        OrderView warned = acceptedAndResting(bid(who, "0.008", far));
        GateDecision warning = decisionOf(warned, "order-size");
        assertEquals(warned.toString(), GateDecision.WARN, warning.outcome());
        assertTrue(warning.toString(), warning.text().startsWith("order-size: quantity 0.008 of " + BTC
                + " over the soft limit of 0.005 for " + scope + " (warning only"));
        ExecutionReport tooLarge = submit(bid(who, "0.02", far));
        assertRejected(tooLarge, "order-size: quantity 0.02 of " + BTC + " over the limit of 0.01 for " + scope);

        change(limits, scope, "maxOrderQuantity", "0.006", "warnOrderQuantity", "0.005", "softLimitAction", "warn");
        ExecutionReport lowered = submit(bid(who, "0.008", far));
        assertRejected(lowered, "order-size: quantity 0.008 of " + BTC + " over the limit of 0.006 for " + scope);
    }

    @Test
    public void theNthIdenticalOrderIsRefusedAndARaisedCountDecidesTheNextOrder() throws Exception {
        Attribution who = account("ACC-RISK-DUP");
        String scope = scopeOf(who);
        Configuration limits = limits("itest-duplicates", scope, "duplicateCount", "2",
                "duplicateWindowMillis", "60000");
        long far = price(EngineCalls.lastPrice(engine, BTC, WAIT), 50);
        String identical = "BUY LIMIT 0.001 " + BTC + " limit " + btc.formatPrice(far) + ", strategy manual, account "
                + who.accountId();

        acceptedAndResting(bid(who, "0.001", far));
        ExecutionReport second = submit(bid(who, "0.001", far));
        assertRejected(second, "duplicate-orders: identical order number 2 within 60000 ms (" + identical
                + "), at the limit of 2 for " + scope);
        acceptedAndResting(bid(who, "0.001", far - btc.tickTable().tickAt(far)));

        // Rejected orders are not remembered: with a count of 3 the next identical order is the second that passed.
        change(limits, scope, "duplicateCount", "3", "duplicateWindowMillis", "60000");
        acceptedAndResting(bid(who, "0.001", far));
        ExecutionReport third = submit(bid(who, "0.001", far));
        assertRejected(third, "duplicate-orders: identical order number 3 within 60000 ms (" + identical
                + "), at the limit of 3 for " + scope);
    }

    @Test
    public void workingOrdersCountTowardsThePositionLimitAndARaisedLimitDecidesTheNextOrder() throws Exception {
        Attribution who = account("ACC-RISK-POS");
        String scope = scopeOf(who);
        Configuration limits = limits("itest-position", scope, "maxLongPosition", "0.01", "maxShortPosition", "0");
        long last = EngineCalls.lastPrice(engine, BTC, WAIT);
        long far = price(last, 50);

        acceptedAndResting(bid(who, "0.006", far));
        ExecutionReport over = submit(bid(who, "0.005", far));
        assertRejected(over, "position-limit: BUY 0.005 " + BTC + " would take account " + who.accountId()
                + " to 0.011 long (net 0 + working buys 0.006 + this order 0.005), over the long limit of 0.01 for "
                + scope);
        ExecutionReport sale = submit(OrderRequest.limit(nextId(), btc, Side.SELL, quantity("0.001"),
                price(last, 200), TimeInForce.GTC, who));
        assertRejected(sale, "position-limit: SELL 0.001 " + BTC + " would take account " + who.accountId()
                + " to 0.001 short (net 0 - working sells 0 - this order 0.001), over the short limit of 0 for "
                + scope);

        change(limits, scope, "maxLongPosition", "0.02", "maxShortPosition", "0");
        acceptedAndResting(bid(who, "0.005", far));
    }

    @Test
    public void workingOrdersUseCreditAtOnceAndACancelReleasesIt() throws Exception {
        Attribution who = account("ACC-CREDIT");
        String scope = scopeOf(who);
        long last = EngineCalls.lastPrice(engine, BTC, WAIT);
        long far = price(last, 50);
        // The value of 0.01 BTC at the resting price: prices have 2 decimals, the quantity 2 here, credit 4.
        String limit = java.math.BigDecimal.valueOf(far, 2).multiply(new java.math.BigDecimal("0.01"))
                .stripTrailingZeros().toPlainString();
        limits("itest-credit", scope, "accountCreditLimit", "USD " + limit);

        acceptedAndResting(bid(who, "0.006", far));
        ExecutionReport first = accepted.get(accepted.size() - 1);
        ExecutionReport over = submit(bid(who, "0.005", far));
        assertRejected(over, "credit-limit: account " + who.accountId() + " would use USD ", " of credit (used ",
                " + this order ", "), over its limit of USD ", " for " + scope);

        accepted.remove(first);
        EngineCalls.cancel(engine, first, SOURCE, WAIT);
        acceptedAndResting(bid(who, "0.005", far));
    }

    @Test
    public void theStrategysOwnPositionLimitCountsItsWorkingOrders() throws Exception {
        // Orders through TradingEngine are all strategy "manual" (only the strategy host attributes others).
        Attribution who = account("ACC-CREDIT-2");
        String scope = "strategy:manual account:" + who.accountId();
        limits("itest-strategy-position", scope, "maxStrategyLongPosition", "0.01");
        long far = price(EngineCalls.lastPrice(engine, BTC, WAIT), 50);

        acceptedAndResting(bid(who, "0.006", far));
        assertRejected(submit(bid(who, "0.005", far)), "position-limit: BUY 0.005 " + BTC + " would take strategy"
                + " manual (account " + who.accountId() + ") to 0.011 long (net 0 + working buys 0.006 + this order"
                + " 0.005), over the strategy long limit of 0.01 for " + scope);
    }

    @Test
    public void aCollarAroundTheMidRefusesPricesOutsideItsBand() throws Exception {
        Attribution who = account("ACC-MID");
        String scope = scopeOf(who);
        limits("itest-mid", scope, "priceCollarBasisPoints", "1000", "priceCollarReference", "mid",
                "maxReferenceAgeMillis", "60000");
        long last = EngineCalls.lastPrice(engine, BTC, WAIT);

        acceptedAndResting(bid(who, "0.001", price(last, 95)));
        ExecutionReport below = submit(bid(who, "0.001", price(last, 50)));
        assertRejected(below, "price-collar: limit price " + btc.describePrice(price(last, 50)) + " of " + BTC
                + " below the collar (band ", "the mid ", " ± 10%) for " + scope);
    }

    private static Attribution account(String accountId) {
        return new Attribution("manual", "itest", accountId, "operations", "house");
    }

    private static String scopeOf(Attribution who) {
        return "account:" + who.accountId() + " instrument:" + BTC;
    }

    /** A new configuration of the bundle's factory, returned once the bundle has put it in force. */
    private Configuration limits(String name, String scope, String... keysAndValues) throws Exception {
        return changes.create(FACTORY_PID, name, ConfigChanges.with(Map.of("scope", scope), keysAndValues),
                pid -> Answer.riskLimits(scope, pid));
    }

    /**
     * Changes {@code configuration} and returns once the bundle has put it in force, so that the caller's next order
     * is the first one decided by it.
     */
    private void change(Configuration configuration, String scope, String... keysAndValues) throws IOException {
        changes.update(configuration, ConfigChanges.with(Map.of("scope", scope), keysAndValues),
                Answer.riskLimits(scope, configuration.getPid()));
    }

    private OrderRequest bid(Attribution who, String quantity, long price) {
        return OrderRequest.limit(nextId(), btc, Side.BUY, quantity(quantity), price, TimeInForce.GTC, who);
    }

    private static ClientOrderId nextId() {
        return ClientOrderId.of("rl-" + ORDER_IDS.incrementAndGet());
    }

    private long quantity(String text) {
        return btc.parseQuantity("quantity", text);
    }

    /** {@code percent} of {@code last}, on the tick grid. */
    private long price(long last, int percent) {
        return btc.tickTable().floor(last * percent / 100);
    }

    private ExecutionReport submit(OrderRequest order) {
        return EngineCalls.submit(engine, order, SOURCE);
    }

    /** Sends {@code order}, which the gate must accept, and returns it as it rests at the venue. */
    private OrderView acceptedAndResting(OrderRequest order) {
        ExecutionReport report = EngineCalls.submitAccepted(engine, order, SOURCE);
        accepted.add(report);
        EngineCalls.awaitStatus(engine, report.orderId(), OrderStatus.NEW, WAIT);
        return EngineCalls.order(engine, report.orderId());
    }

    private static void assertRejected(ExecutionReport report, String... parts) {
        EngineCalls.assertRejected(report, RejectReason.RISK_LIMIT, parts);
    }

    private static GateDecision decisionOf(OrderView order, String checkId) {
        return order.decisions().stream().filter(d -> d.checkId().equals(checkId)).findFirst()
                .orElseThrow(() -> new AssertionError("no decision of " + checkId + " in " + order));
    }
}
